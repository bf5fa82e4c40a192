// One row per initiative as the Scope table shows it: team, status, child progress, estimate and how many
// dependencies wait on it or hold it up. Built from a loaded scope, as the viewer (live) or as the app (the
// scope snapshot, filtered per viewer before anyone sees it).
import { childProgress, owningTeam, type ChildProgress, type IssueStatus } from '../initiative/initiative';
import { dependencyCounts, estimateOf, type RolledUpDependencies } from './rollup';
import type { ScopeChild, ScopeEpic } from './types';

export interface InitiativeRow {
  id: string;
  key: string;
  summary: string;
  /** Team name from the site's Team field, else the project name. */
  team: string;
  status: IssueStatus;
  children: ChildProgress;
  /** Story points of the epic, else the sum of its children's; null when nobody estimated. */
  estimate: number | null;
  /** Initiatives and outside issues this one waits for. */
  upstream: number;
  /** Initiatives and outside issues that wait for this one. */
  downstream: number;
}

export interface InitiativeRowSource {
  epics: readonly ScopeEpic[];
  childrenByEpic: ReadonlyMap<string, readonly ScopeChild[]>;
  dependencies: Pick<RolledUpDependencies, 'edges' | 'external'>;
}

export function initiativeRows(source: InitiativeRowSource): InitiativeRow[] {
  const counts = dependencyCounts(source.dependencies);
  return source.epics.map((epic) => {
    const children = source.childrenByEpic.get(epic.key) ?? [];
    const count = counts.get(epic.key);
    return {
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      team: owningTeam(epic).name,
      status: { name: epic.status.name, category: epic.status.category },
      children: childProgress(children),
      estimate: estimateOf(epic, children),
      upstream: count?.upstream ?? 0,
      downstream: count?.downstream ?? 0,
    };
  });
}
