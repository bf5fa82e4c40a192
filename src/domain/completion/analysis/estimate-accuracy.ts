// Estimate accuracy per team: the sprints each team estimated for an initiative against the sprints the
// initiative actually took, from when its work started to when it was resolved.
import type { ExecutionInitiative } from '../../execution/state';
import type { PlanEstimate } from '../../plan/types';
import type { ProgramTeam } from '../../program/program';
import { compareIssueKeys } from '../../scope/issue-key';
import type { QuarterBaselines } from './baselines';
import { sprintsSpanned, type ProgramSprint } from './calendar';
import type { InitiativeDates } from './planned-vs-actual';

export interface EstimateRow {
  key: string;
  estimatedSprints: number;
  /** Null when it cannot be measured yet (see `unmeasuredReason`). */
  actualSprints: number | null;
  unmeasuredReason: 'not-done' | 'no-dates' | null;
}

export interface TeamAccuracy {
  teamId: string;
  teamName: string;
  rows: EstimateRow[];
  /** Sums over the measured rows only. */
  estimatedSprints: number;
  actualSprints: number;
  /** Actual ÷ estimated over the measured rows: above 1 took longer than estimated. Null with none measured. */
  ratio: number | null;
  measured: number;
  unmeasured: number;
}

export interface PlanEstimates {
  quarter: string;
  initiatives: readonly { key: string }[];
  estimates: readonly PlanEstimate[];
}

/** The estimates as first agreed: the earliest baseline holding the initiative, else the latest plan choosing it. */
export function originalEstimates(
  key: string,
  baselines: readonly QuarterBaselines[],
  plans: readonly PlanEstimates[],
): PlanEstimate[] {
  const frozen = [...baselines]
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .find((q) => q.first?.initiatives.some((i) => i.key === key));
  if (frozen?.first) return frozen.first.estimates.filter((e) => e.initiativeKey === key);
  const plan = [...plans]
    .sort((a, b) => b.quarter.localeCompare(a.quarter))
    .find((p) => p.initiatives.some((i) => i.key === key));
  return plan ? plan.estimates.filter((e) => e.initiativeKey === key) : [];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Work starts on the epic's Jira start date, else where the baseline planned it; it ends when it was
 * resolved. Each team's estimate is read against the initiative's whole span: it ends when every team is done.
 */
export function estimateAccuracy(input: {
  initiatives: readonly ExecutionInitiative[];
  dates: ReadonlyMap<string, InitiativeDates>;
  baselines: readonly QuarterBaselines[];
  plans: readonly PlanEstimates[];
  teams: readonly ProgramTeam[];
  calendar: readonly ProgramSprint[];
  sprintDays: number;
}): TeamAccuracy[] {
  const byTeam = new Map<string, EstimateRow[]>();
  for (const initiative of [...input.initiatives].sort((a, b) => compareIssueKeys(a.key, b.key))) {
    const dates = input.dates.get(initiative.key);
    const start = initiative.startDate ?? dates?.plannedStart ?? null;
    const end = dates?.actualEnd ?? null;
    const done = initiative.status.category === 'done';
    const actual = done && start && end ? sprintsSpanned(input.calendar, start, end, input.sprintDays) : null;
    for (const estimate of originalEstimates(initiative.key, input.baselines, input.plans)) {
      if (estimate.sprints <= 0) continue;
      const rows = byTeam.get(estimate.teamId) ?? [];
      rows.push({
        key: initiative.key,
        estimatedSprints: estimate.sprints,
        actualSprints: actual,
        unmeasuredReason: actual !== null ? null : done ? 'no-dates' : 'not-done',
      });
      byTeam.set(estimate.teamId, rows);
    }
  }
  const nameOf = (id: string) => input.teams.find((t) => t.id === id)?.name ?? id;
  return [...byTeam.entries()]
    .map(([teamId, rows]): TeamAccuracy => {
      const measured = rows.filter((r) => r.actualSprints !== null);
      const estimated = measured.reduce((s, r) => s + r.estimatedSprints, 0);
      const actual = measured.reduce((s, r) => s + (r.actualSprints ?? 0), 0);
      return {
        teamId,
        teamName: nameOf(teamId),
        rows,
        estimatedSprints: round2(estimated),
        actualSprints: actual,
        ratio: measured.length > 0 && estimated > 0 ? round2(actual / estimated) : null,
        measured: measured.length,
        unmeasured: rows.length - measured.length,
      };
    })
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}
