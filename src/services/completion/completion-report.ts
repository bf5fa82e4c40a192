// The completion report's content for publishing: the records and the analysis as `deps.jira` sees the
// program (the owner for Publish now, the app for scheduled runs). Null until there is anything to report.
import { assessmentRows, verdictCounts } from '../../domain/completion/assessment';
import { orderActions, orderLessons } from '../../domain/completion/lessons';
import { hasCompletionContent, type CompletionReport } from '../../domain/completion/report';
import { closedAtOf, type ProgramRecord } from '../../domain/program/program';
import type { CompletionDeps } from './deps';
import { loadCompletionAnalysis } from './completion-view';

export async function loadCompletionReport(
  deps: Pick<CompletionDeps, 'programs' | 'plans' | 'jira' | 'now'>,
  program: ProgramRecord,
): Promise<CompletionReport | null> {
  const items = await deps.programs.items(program.id);
  const present = hasCompletionContent(program.stage, {
    assessments: items.assessment.length,
    lessons: items.lesson.length,
    actions: items['improvement-action'].length,
    handover: items.handover.length > 0,
  });
  if (!present) return null;
  const { analysis, plans } = await loadCompletionAnalysis(deps, program);
  const rows = assessmentRows(items.goal, plans, items.assessment);
  return {
    rows,
    counts: verdictCounts(rows),
    goalNames: Object.fromEntries(items.goal.map((g) => [g.id, g.statement])),
    lessons: orderLessons(items.lesson),
    actions: orderActions(items['improvement-action']),
    handover: items.handover[0] ?? null,
    analysis,
    closedAt: closedAtOf(program),
  };
}
