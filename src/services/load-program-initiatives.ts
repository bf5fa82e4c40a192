import type { InitiativeRow, ProgramInitiatives, ProgramSummary } from '../contract';
import { childProgress, groupChildrenByEpic, owningTeam } from '../domain/initiative/initiative';
import type { ProgramRecord } from '../domain/program/program';
import type { JiraPort } from '../ports/jira';
import type { ProgramStore } from '../ports/program-store';
import { BadRequestError } from '../ports/atlassian-errors';
import { ProgramNotFoundError, ScopeJqlError } from './errors';

export interface ScopeDeps {
  jira: JiraPort;
  programs: ProgramStore;
}

export function toProgramSummary(program: ProgramRecord): ProgramSummary {
  return { id: program.id, name: program.name, stage: program.stage, scopeJql: program.scopeJql };
}

/** The program's initiatives (its epics the viewer can see) with their child progress. */
export async function loadProgramInitiatives(
  deps: ScopeDeps,
  programId: string,
): Promise<ProgramInitiatives> {
  const program = await deps.programs.get(programId);
  if (!program) throw new ProgramNotFoundError(programId);

  const [fields, ids] = await Promise.all([deps.jira.siteFields(), searchScope(deps.jira, program.scopeJql)]);
  const initiatives = await deps.jira.fetchInitiatives(ids);
  const children = groupChildrenByEpic(await deps.jira.fetchChildren(initiatives.map((i) => i.key)));

  const warnings: string[] = [];
  if (!fields.team) warnings.push('This site has no Team field: initiatives are grouped by project instead.');
  if (!fields.epicLink)
    warnings.push('This site has no Epic Link field: only children linked through Parent are counted.');

  const rows: InitiativeRow[] = initiatives.map((initiative) => ({
    id: initiative.id,
    key: initiative.key,
    summary: initiative.summary,
    team: owningTeam(initiative).name,
    status: initiative.status,
    children: childProgress(children.get(initiative.key) ?? []),
  }));
  return { program: toProgramSummary(program), initiatives: rows, warnings };
}

async function searchScope(jira: JiraPort, jql: string): Promise<string[]> {
  try {
    return await jira.searchIssueIds(jql);
  } catch (error) {
    if (error instanceof BadRequestError) throw new ScopeJqlError(jql, error.messages);
    throw error;
  }
}
