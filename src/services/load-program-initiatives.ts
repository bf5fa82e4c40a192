import type { ProgramInitiatives, ProgramSummary } from '../contract';
import type { ProgramRecord } from '../domain/program/program';
import { initiativeRows } from '../domain/scope/initiative-rows';
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
  return { program: toProgramSummary(program), initiatives: initiativeRows(scope), warnings: scope.warnings };
}
