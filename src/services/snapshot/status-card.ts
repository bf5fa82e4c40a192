// The status card one viewer sees in the Confluence macro: from the stored snapshot, filtered to the
// projects the viewer may browse (one permission check per view, cached briefly), and only for viewers
// with a role in the program.
import type { MacroStatus } from '../../contract/macro';
import {
  SNAPSHOT_SCHEMA_VERSION,
  statusCardFor,
  visibleProjectKeys,
  type ProgramSnapshot,
} from '../../domain/snapshot/snapshot';
import type { ProgramStore } from '../../ports/program-store';
import { canRead, rolesOf } from '../access';
import { ProgramNotFoundError } from '../errors';
import type { SnapshotStorePort } from './program-snapshot';

/** A snapshot older than this is rebuilt before it is shown (the scheduled trigger refreshes hourly). */
export const SNAPSHOT_MAX_AGE_MS = 3 * 60 * 60 * 1000;

export interface StatusCardDeps {
  programs: ProgramStore;
  snapshots: SnapshotStorePort;
  /** Builds and stores a fresh snapshot (as the app). */
  refresh(programId: string): Promise<ProgramSnapshot>;
  /** The ids among `projectIds` the viewer may browse, asked as the viewer. */
  browsableProjectIds(projectIds: readonly string[]): Promise<Set<string>>;
  accountId: string | undefined;
  now(): Date;
  maxAgeMs?: number;
}

export async function loadStatusCard(deps: StatusCardDeps, programId: string): Promise<MacroStatus> {
  const program = await deps.programs.get(programId);
  if (!program) throw new ProgramNotFoundError(programId);
  if (!canRead(program, deps.accountId))
    return {
      access: 'none',
      message: 'You do not have access to this program. Ask its program manager to add you as a stakeholder.',
    };

  const now = deps.now();
  let snapshot = await deps.snapshots.get(programId);
  const age = snapshot ? now.getTime() - Date.parse(snapshot.builtAt) : Infinity;
  if (
    !snapshot ||
    snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION ||
    !(age <= (deps.maxAgeMs ?? SNAPSHOT_MAX_AGE_MS))
  )
    snapshot = await deps.refresh(programId);

  const allowedIds = await deps.browsableProjectIds(Object.values(snapshot.projectIds));
  const visibleProjects = visibleProjectKeys(snapshot.projectIds, allowedIds);
  const card = statusCardFor(snapshot, { visibleProjects, today: now.toISOString().slice(0, 10) });
  // Name and stage come from the program record itself: they change without a rebuild.
  card.program = { id: program.id, name: program.name, stage: program.stage };
  return {
    access: 'granted',
    card,
    scopeJql: program.scopeJql,
    canRefresh: rolesOf(program, deps.accountId).includes('owner'),
  };
}

/**
 * A short-lived memo of an answer about a list of ids or keys, per scope (a site, a viewer): many views of one
 * page ask the same thing. The viewer's browse rights, and project ids by key, go through it.
 */
export function memoByKeys<T>(
  ttlMs: number,
  now: () => number = Date.now,
): (scope: string, ask: (keys: readonly string[]) => Promise<T>) => (keys: readonly string[]) => Promise<T> {
  const entries = new Map<string, { at: number; value: T }>();
  return (scope, ask) => async (keys) => {
    const key = `${scope}|${[...keys].sort().join(',')}`;
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = await ask(keys);
    if (entries.size > 1000) entries.clear();
    entries.set(key, { at: now(), value });
    return value;
  };
}
