import type { ProgramContract } from '../../contract';
import { traceEpics } from '../../domain/funnel/funnel';
import { BadRequestError } from '../../ports/atlassian-errors';
import type { JiraPort } from '../../ports/jira';
import type { ProgramStore } from '../../ports/program-store';
import { authorize } from '../access';
import { ScopeJqlError } from '../errors';

type TraceabilityView = ProgramContract['program/traceability']['response'];

/** Every epic in the program's scope the viewer can see, traced up to the OKRs it serves. */
export async function loadTraceability(
  deps: { programs: ProgramStore; jira: JiraPort },
  programId: string,
  accountId: string | undefined,
): Promise<TraceabilityView> {
  const program = await authorize(deps.programs, programId, accountId, 'read');
  let ids: string[];
  try {
    ids = await deps.jira.searchIssueIds(program.scopeJql);
  } catch (error) {
    if (error instanceof BadRequestError) throw new ScopeJqlError(program.scopeJql, error.messages);
    throw error;
  }
  const [epics, items] = await Promise.all([
    deps.jira.fetchInitiatives(ids),
    deps.programs.items(program.id),
  ]);
  const trace = traceEpics(
    epics.map((e) => ({ key: e.key, summary: e.summary })),
    items.strategy,
    items['strategic-initiative'],
  );
  const warnings: string[] = [];
  if (trace.mappedOutsideScope.length > 0)
    warnings.push(
      `Strategic initiatives name epics outside the scope, or ones you cannot see: ${trace.mappedOutsideScope.join(', ')}.`,
    );
  return { ...trace, warnings };
}
