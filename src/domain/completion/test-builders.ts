// Test builders for the Completion domain: initiatives as execution reads them, baselines, plans.
import type { ExecutionChild, ExecutionInitiative } from '../execution/state';
import type { Baseline, PlanEstimate, QuarterPlan } from '../plan/types';
import type { Sprint } from '../calendar/types';
import type { QuarterBaselines } from './analysis/baselines';

/** Overrides where `undefined` removes an optional field (e.g. `resolvedAt: undefined`: not resolved). */
type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

function withOverrides<T extends object>(base: T, overrides: Overrides<T>): T {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged as T;
}

export const buildChild = (overrides: Overrides<ExecutionChild> = {}): ExecutionChild =>
  withOverrides<ExecutionChild>(
    { key: 'PAY-101', status: 'done', storyPoints: 3, resolvedAt: '2027-01-12T10:00:00.000+0000' },
    overrides,
  );

export const buildInitiative = (overrides: Overrides<ExecutionInitiative> = {}): ExecutionInitiative =>
  withOverrides<ExecutionInitiative>(
    {
      key: 'PAY-1',
      summary: 'One checkout',
      projectKey: 'PAY',
      team: 'Payments',
      teamId: 'team-pay',
      status: { name: 'Done', category: 'done' },
      storyPoints: null,
      estimate: 8,
      children: [],
    },
    overrides,
  );

/** Two-week sprints from `firstStart` (a Monday), named S1, S2, … */
export function twoWeekSprints(firstStart: string, count: number): Sprint[] {
  const start = new Date(`${firstStart}T00:00:00Z`).getTime();
  const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`,
    name: `S${i + 1}`,
    start: day(i * 14),
    end: day(i * 14 + 13),
    index: i,
    source: 'generated' as const,
  }));
}

/** 2027-Q1: six sprints, 2027-01-04 … 2027-03-28. */
export const Q1_SPRINTS = twoWeekSprints('2027-01-04', 6);
/** 2027-Q2: six sprints, 2027-04-05 … 2027-06-27. */
export const Q2_SPRINTS = twoWeekSprints('2027-04-05', 6);

export const buildEstimate = (overrides: Partial<PlanEstimate> = {}): PlanEstimate => ({
  initiativeKey: 'PAY-1',
  teamId: 'team-pay',
  sprints: 2,
  load: 1,
  storyPoints: 8,
  by: 'tpm',
  at: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

export const buildBaseline = (overrides: Partial<Baseline> = {}): Baseline => ({
  id: 'b1',
  frozenAt: '2026-12-10T00:00:00.000Z',
  frozenBy: 'tpm',
  note: '',
  planVersion: 3,
  quarter: '2027-Q1',
  sprints: Q1_SPRINTS,
  initiatives: [{ key: 'PAY-1', priority: 1, carriedOver: false }],
  estimates: [buildEstimate()],
  commitments: [],
  schedule: [{ key: 'PAY-1', startSprint: 0, endSprint: 1 }],
  ...overrides,
});

export const buildPlan = (overrides: Partial<QuarterPlan> = {}): QuarterPlan => ({
  programId: 'prog-atlas',
  quarter: '2027-Q1',
  calendar: {
    source: 'generated',
    boardId: null,
    boardName: null,
    lengthDays: 14,
    firstStart: '2027-01-04',
    sprints: Q1_SPRINTS,
    refreshedAt: '2026-12-01T00:00:00.000Z',
  },
  initiatives: [{ key: 'PAY-1', priority: 1, carriedOver: false }],
  estimates: [buildEstimate()],
  pins: [],
  session: { date: null, attendees: [], outcome: '', updatedBy: null, updatedAt: null },
  commitments: [],
  successCriteria: [],
  communication: {
    slackChannelUrl: null,
    confluenceSpaceKey: null,
    otherChannels: [],
    meetings: [],
    reportCadence: 'biweekly',
  },
  okrLinks: [],
  baselines: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'tpm',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

export const frozen = (baseline: Baseline, latest: Baseline = baseline): QuarterBaselines => ({
  quarter: baseline.quarter,
  first: baseline,
  latest,
});
