// The Completion tab: the records with the analysis of how the program went, computed from its execution
// state (Jira as the viewer) and every quarter's first and latest baseline.
import type { CompletionView } from '../../contract';
import { analyzeCompletion, type CompletionAnalysis } from '../../domain/completion/analysis/analysis';
import type { QuarterBaselines } from '../../domain/completion/analysis/baselines';
import type { QuarterPlan } from '../../domain/plan/types';
import type { ProgramRecord } from '../../domain/program/program';
import type { PlanStore } from '../../ports/plan-store';
import { authorize } from '../access';
import { loadExecutionState } from '../execution/load-execution-state';
import { completionRecordsFor } from './completion-records';
import type { CompletionDeps } from './deps';

/** Each plan's first baseline (what was agreed) and latest (the plan of record); nulls before a freeze. */
export async function loadQuarterBaselines(
  plans: PlanStore,
  programId: string,
  quarterPlans: readonly QuarterPlan[],
): Promise<QuarterBaselines[]> {
  return Promise.all(
    quarterPlans.map(async (plan): Promise<QuarterBaselines> => {
      const firstId = plan.baselines[0]?.id;
      const latestId = plan.baselines.at(-1)?.id;
      const first = firstId ? ((await plans.getBaseline(programId, plan.quarter, firstId)) ?? null) : null;
      const latest =
        latestId && latestId !== firstId
          ? ((await plans.getBaseline(programId, plan.quarter, latestId)) ?? null)
          : first;
      return { quarter: plan.quarter, first, latest };
    }),
  );
}

/** The analysis as `deps.jira` sees the program. */
export async function loadCompletionAnalysis(
  deps: Pick<CompletionDeps, 'programs' | 'plans' | 'jira' | 'now'>,
  program: ProgramRecord,
): Promise<{ analysis: CompletionAnalysis; warnings: string[]; plans: QuarterPlan[] }> {
  const state = await loadExecutionState(deps, program);
  const baselines = await loadQuarterBaselines(deps.plans, program.id, state.plans);
  return { analysis: analyzeCompletion(state, baselines), warnings: state.warnings, plans: state.plans };
}

export async function getCompletion(deps: CompletionDeps, programId: string): Promise<CompletionView> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  const [items, { analysis, warnings, plans }] = await Promise.all([
    deps.programs.items(program.id),
    loadCompletionAnalysis(deps, program),
  ]);
  return {
    ...completionRecordsFor(program, items, plans, deps.accountId, deps.now().slice(0, 10)),
    analysis,
    warnings,
  };
}
