// The program's scope snapshot: the Scope table's rows as the app last read them (the hourly snapshot
// trigger, an owner's refresh), so the table can show rows at once while the live load as the viewer runs.
// A viewer is shown only the rows of projects they may browse; epics with an issue security level are never
// kept, since a project permission says nothing about them.
import { initiativeRows, type InitiativeRow, type InitiativeRowSource } from '../scope/initiative-rows';
import { projectIdsOf } from './snapshot';

/** Bumped when the stored shape changes: an older snapshot is ignored until the next rebuild. */
export const SCOPE_SNAPSHOT_SCHEMA_VERSION = 1;

export interface ScopeSnapshotRow extends InitiativeRow {
  projectKey: string;
}

export interface ScopeSnapshot {
  schemaVersion: number;
  programId: string;
  /** ISO time the app read the scope. */
  builtAt: string;
  /** Jira project id by key, for one permission check per view. */
  projectIds: Record<string, string>;
  /** In the scope's order. */
  rows: ScopeSnapshotRow[];
  /** Epics left out because they have an issue security level. */
  restricted: number;
}

export interface ScopeSnapshotSource extends InitiativeRowSource {
  programId: string;
  projectIds: Readonly<Record<string, string>>;
  builtAt: string;
}

export function buildScopeSnapshot(source: ScopeSnapshotSource): ScopeSnapshot {
  const open = source.epics.filter((epic) => !epic.restricted);
  const projectOf = new Map(open.map((epic) => [epic.key, epic.projectKey]));
  const rows = initiativeRows({ ...source, epics: open }).map((row): ScopeSnapshotRow => ({
    ...row,
    projectKey: projectOf.get(row.key) ?? '',
  }));
  const projectIds = projectIdsOf(rows, source.projectIds);
  return {
    schemaVersion: SCOPE_SNAPSHOT_SCHEMA_VERSION,
    programId: source.programId,
    builtAt: source.builtAt,
    projectIds,
    rows,
    restricted: source.epics.length - open.length,
  };
}

export interface ScopeSnapshotView {
  builtAt: string;
  initiatives: InitiativeRow[];
  /** Rows the viewer is not shown: other projects' and restricted epics (a count, never their keys). */
  hidden: number;
}

/** The rows one viewer may see: those of projects they may browse (a project without a known id is hidden). */
export function scopeSnapshotFor(
  snapshot: ScopeSnapshot,
  visibleProjects: ReadonlySet<string>,
): ScopeSnapshotView {
  const initiatives: InitiativeRow[] = [];
  for (const { projectKey, ...row } of snapshot.rows)
    if (visibleProjects.has(projectKey) && snapshot.projectIds[projectKey] !== undefined)
      initiatives.push(row);
  return {
    builtAt: snapshot.builtAt,
    initiatives,
    hidden: snapshot.rows.length - initiatives.length + snapshot.restricted,
  };
}
