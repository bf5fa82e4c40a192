import type { InitiativeRow, ProgramInitiatives, ProgramSummary } from '../contract';
import { childProgress, owningTeam } from '../domain/initiative/initiative';
import type { ProgramRecord } from '../domain/program/program';
import { dependencyCounts, estimateOf } from '../domain/scope/rollup';
import type { JiraPort } from '../ports/jira';
import type { ProgramStore } from '../ports/program-store';
import { authorize } from './access';
import { loadProgramScope } from './scope/load-program-scope';

export interface ScopeDeps {
  jira: JiraPort;
  programs: ProgramStore;
  /** The viewer: they must have a role in the program. */
  accountId: string | undefined;
}

export function toProgramSummary(program: ProgramRecord): ProgramSummary {
  return { id: program.id, name: program.name, stage: program.stage, scopeJql: program.scopeJql };
}

/** The program's initiatives (its epics the viewer can see) with child progress, estimate and dependency counts. */
export async function loadProgramInitiatives(
  deps: ScopeDeps,
  programId: string,
): Promise<ProgramInitiatives> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  const scope = await loadProgramScope(deps.jira, program);
  const counts = dependencyCounts(scope.dependencies);

  const rows: InitiativeRow[] = scope.epics.map((epic) => {
    const children = scope.childrenByEpic.get(epic.key) ?? [];
    const count = counts.get(epic.key);
    return {
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      team: owningTeam(epic).name,
      status: epic.status,
      children: childProgress(children),
      estimate: estimateOf(epic, children),
      upstream: count?.upstream ?? 0,
      downstream: count?.downstream ?? 0,
    };
  });
  return { program: toProgramSummary(program), initiatives: rows, warnings: scope.warnings };
}
