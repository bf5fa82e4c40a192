// The Scope table's first rows: the scope snapshot the app took (hourly, or on an owner's refresh), cut to
// the projects the viewer may browse. The UI shows them while the live load as the viewer runs, then
// replaces them; a missing or old snapshot answers null and the live load is all there is.
import type { ProgramInitiativesSnapshot } from '../../contract';
import {
  SCOPE_SNAPSHOT_SCHEMA_VERSION,
  scopeSnapshotFor,
  type ScopeSnapshot,
} from '../../domain/snapshot/scope-snapshot';
import { visibleProjectKeys } from '../../domain/snapshot/snapshot';
import type { ProgramStore } from '../../ports/program-store';
import { authorize } from '../access';
import { toProgramSummary } from '../load-program-initiatives';
import { SNAPSHOT_MAX_AGE_MS } from '../snapshot/status-card';

export interface ScopeSnapshotDeps {
  programs: ProgramStore;
  scopeSnapshots: { get(programId: string): Promise<ScopeSnapshot | undefined> };
  /** The ids among `projectIds` the viewer may browse, asked as the viewer. */
  browsableProjectIds(projectIds: readonly string[]): Promise<Set<string>>;
  accountId: string | undefined;
  now(): Date;
  maxAgeMs?: number;
}

export async function loadScopeSnapshot(
  deps: ScopeSnapshotDeps,
  programId: string,
): Promise<ProgramInitiativesSnapshot> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  const summary = toProgramSummary(program);
  const snapshot = await deps.scopeSnapshots.get(programId);
  const age = snapshot ? deps.now().getTime() - Date.parse(snapshot.builtAt) : Infinity;
  if (
    !snapshot ||
    snapshot.schemaVersion !== SCOPE_SNAPSHOT_SCHEMA_VERSION ||
    !(age <= (deps.maxAgeMs ?? SNAPSHOT_MAX_AGE_MS))
  )
    return { program: summary, snapshot: null };
  const projectIds = Object.values(snapshot.projectIds);
  const allowed = projectIds.length > 0 ? await deps.browsableProjectIds(projectIds) : new Set<string>();
  const visible = visibleProjectKeys(snapshot.projectIds, allowed);
  return { program: summary, snapshot: scopeSnapshotFor(snapshot, visible) };
}
