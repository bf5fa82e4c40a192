// The adjusted plan use cases: any party reads the plan in force re-run on today's state against its baseline;
// owners accept it as the new plan of record, which freezes it as a new baseline (the earlier ones are kept).
//
// Accepting does not pin the adjusted starts into the plan. Pins are exact starts: once pinned, the next
// adjustment could no longer move a dependent earlier when its dependency finishes early, and a dependency
// slipping would turn into a "pin conflict" instead of the slip it is. The plan of record is the baseline;
// the adjusted plan (which knows what is done and what is left) is read against it, and right after accepting
// it shows no variance. The Plan tab's own schedule stays the plan as estimated, blind to progress.
import type { AdjustedPlanView, RequestOf } from '../../contract';
import { adjustPlan, baselineFromAdjusted, type AdjustedPlan } from '../../domain/execution/adjusted-plan';
import type { ExecutionState } from '../../domain/execution/state';
import type { ProgramRecord } from '../../domain/program/program';
import { StaleVersionError } from '../../ports/program-store';
import { allows, authorize, rolesOf } from '../access';
import { toProgramSummary } from '../load-program-initiatives';
import { PlanNotFoundError } from '../plan/deps';
import { loadExecutionState, type ExecutionStateDeps } from './load-execution-state';

/** What the adjusted plan use cases need, as the viewer; time and ids injected. */
export interface AdjustedPlanDeps extends ExecutionStateDeps {
  accountId: string | undefined;
  newId: () => string;
}

/** The note of every baseline frozen by accepting an adjusted plan. */
export const ACCEPTED_NOTE = 'Accepted adjusted plan';

/** The adjusted plan moved on since the owner read it (Jira changed, or the plan in force did): CONFLICT. */
export class AdjustedPlanChangedError extends StaleVersionError {
  constructor(message: string, expectedVersion: number, currentVersion: number | null) {
    super('The adjusted plan', expectedVersion, currentVersion);
    this.message = message;
  }
}

function viewOf(
  deps: Pick<AdjustedPlanDeps, 'accountId'>,
  program: ProgramRecord,
  state: ExecutionState,
  adjusted: AdjustedPlan | null,
): AdjustedPlanView {
  // The scope's own warnings (cycles, links) are the Plan tab's to show; these are the adjusted plan's.
  const warnings: string[] = [];
  if (!state.current)
    warnings.push(
      state.plans.length === 0
        ? 'The program has no quarter plan yet: there is nothing to adjust.'
        : `No quarter plan is in force on ${state.today}: the first one starts later.`,
    );
  return {
    program: toProgramSummary(program),
    teams: program.teams,
    roles: rolesOf(program, deps.accountId),
    canAccept: allows(program, deps.accountId, 'edit') && adjusted !== null,
    adjusted,
    baselines: state.current?.plan.baselines ?? [],
    warnings,
  };
}

export async function getAdjustedPlan(
  deps: AdjustedPlanDeps,
  request: RequestOf<'plan/adjusted'>,
): Promise<AdjustedPlanView> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'read');
  const state = await loadExecutionState(deps, program);
  return viewOf(deps, program, state, adjustPlan(state));
}

export async function acceptAdjustedPlan(
  deps: AdjustedPlanDeps,
  request: RequestOf<'plan/adjusted/accept'>,
): Promise<AdjustedPlanView> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  const state = await loadExecutionState(deps, program);
  const current = state.current;
  if (!current) throw new PlanNotFoundError(program.id, `No quarter plan is in force on ${state.today}.`);
  const plan = current.plan;
  if (plan.quarter !== request.quarter)
    throw new AdjustedPlanChangedError(
      `The plan in force is now ${plan.quarter}, not ${request.quarter}.`,
      request.expectedVersion,
      plan.version,
    );
  if (plan.version !== request.expectedVersion)
    throw new StaleVersionError(`The ${plan.quarter} plan`, request.expectedVersion, plan.version);
  const adjusted = adjustPlan(state)!;
  if (adjusted.fingerprint !== request.fingerprint)
    throw new AdjustedPlanChangedError(
      'The adjusted plan changed since you read it: work moved on in Jira.',
      request.expectedVersion,
      plan.version,
    );

  const at = deps.now();
  const note = request.note?.trim();
  const baseline = baselineFromAdjusted(plan, adjusted, {
    id: `${plan.quarter}-b${plan.baselines.length + 1}-${deps.newId()}`,
    at,
    by: deps.accountId ?? '',
    note: note ? `${ACCEPTED_NOTE}: ${note}` : ACCEPTED_NOTE,
  });
  const {
    schedule: _s,
    quarter: _q,
    sprints: _sp,
    initiatives: _i,
    estimates: _e,
    commitments: _c,
    ...summary
  } = baseline;
  const saved = await deps.plans.freeze(
    { ...plan, baselines: [...plan.baselines, summary], updatedAt: at },
    request.expectedVersion,
    baseline,
  );
  // Read again against the baseline just frozen, without asking Jira twice.
  const accepted: ExecutionState = {
    ...state,
    plans: state.plans.map((p) => (p.quarter === saved.quarter ? saved : p)),
    current: { ...current, plan: saved, baseline },
  };
  return viewOf(deps, program, accepted, adjustPlan(accepted));
}
