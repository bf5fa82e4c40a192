// The analysis of how the program went, a pure function of its execution state and its baselines: planned
// against actual dates, scope change, estimate accuracy per team and throughput per sprint, with what could
// not be measured said plainly.
import type { ExecutionState } from '../../execution/state';
import { compareIssueKeys } from '../../scope/issue-key';
import type { QuarterBaselines } from './baselines';
import { programCalendar, usualSprintDays } from './calendar';
import { estimateAccuracy, type TeamAccuracy } from './estimate-accuracy';
import { plannedVsActual, type DateOutcome, type InitiativeDates } from './planned-vs-actual';
import { scopeChange, type QuarterScopeChange } from './scope-change';
import { throughput, type Throughput } from './throughput';

export interface CompletionAnalysis {
  /** yyyy-mm-dd the analysis was computed on. */
  asOf: string;
  /** Every initiative in scope (as the viewer sees it), in key order. */
  initiatives: InitiativeDates[];
  outcomes: Record<DateOutcome, number>;
  scopeChange: QuarterScopeChange[];
  estimateAccuracy: TeamAccuracy[];
  throughput: Throughput;
  /** What could not be measured, and why. */
  gaps: string[];
}

const OUTCOMES: readonly DateOutcome[] = [
  'early',
  'on-time',
  'late',
  'overdue',
  'in-progress',
  'done-undated',
  'no-plan',
];

export function analyzeCompletion(
  state: Pick<ExecutionState, 'today' | 'program' | 'initiatives' | 'plans'>,
  baselines: readonly QuarterBaselines[],
): CompletionAnalysis {
  const plans = [...state.plans].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const initiatives = [...state.initiatives].sort((a, b) => compareIssueKeys(a.key, b.key));
  const dates = initiatives.map((i) => plannedVsActual(i, baselines, state.today));
  const datesByKey = new Map(dates.map((d) => [d.key, d]));
  const calendar = programCalendar(plans);
  const baselinesByQuarter = new Map(baselines.map((b) => [b.quarter, b]));
  const jiraPoints = new Map(initiatives.map((i) => [i.key, i.estimate]));
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<DateOutcome, number>;
  for (const d of dates) outcomes[d.outcome]++;
  const flow = throughput(initiatives, calendar);

  const gaps: string[] = [];
  if (plans.length === 0)
    gaps.push(
      'The program has no quarter plan: planned dates come from the epics’ target dates; scope change, estimate accuracy and throughput per sprint need a plan.',
    );
  for (const plan of plans)
    if (!baselinesByQuarter.get(plan.quarter)?.first)
      gaps.push(
        `${plan.quarter} was never baselined: its scope change cannot be measured, and its initiatives’ planned dates come from their target dates.`,
      );
  if (outcomes['done-undated'] > 0)
    gaps.push(
      `${outcomes['done-undated']} done initiative(s) have no resolution date in Jira: their actual end is unknown.`,
    );
  if (outcomes['no-plan'] > 0)
    gaps.push(
      `${outcomes['no-plan']} initiative(s) are in no baseline and have no target date: there is no planned date to compare with.`,
    );
  if (flow.undated > 0)
    gaps.push(`${flow.undated} done issue(s) have no resolution date: they are not in the throughput.`);
  if (flow.outsideSprints > 0)
    gaps.push(`${flow.outsideSprints} issue(s) were resolved outside every plan’s sprints.`);

  return {
    asOf: state.today,
    initiatives: dates,
    outcomes,
    scopeChange: plans.map((p) => scopeChange(p, baselinesByQuarter.get(p.quarter), jiraPoints)),
    estimateAccuracy: estimateAccuracy({
      initiatives,
      dates: datesByKey,
      baselines,
      plans,
      teams: state.program.teams,
      calendar,
      sprintDays: usualSprintDays(plans),
    }),
    throughput: flow,
    gaps,
  };
}
