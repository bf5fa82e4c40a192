// Test-data builders: an execution state with three teams, a 2027-Q1 plan of six two-week sprints (from
// 2027-01-04) scheduled by the real scheduler, and a baseline frozen from that schedule when asked.
import type { DependencyEdge } from '../../../contract/scope';
import { generateSprints } from '../../calendar/sprints';
import type { ExecutionInitiative, ExecutionState } from '../../execution/state';
import type { StrategicInitiative, Strategy } from '../../funnel/funnel';
import type { IssueStatus } from '../../initiative/initiative';
import { baselineEntriesOf, scheduleInputOf } from '../../plan';
import type {
  Baseline,
  BaselineEntry,
  Commitment,
  PlanEstimate,
  PlanPin,
  QuarterPlan,
} from '../../plan/types';
import { newProgramRecord, type ProgramTeam } from '../../program/program';
import { schedule } from '../../schedule/schedule';
import type { QuarterSchedule } from '../../schedule/types';
import { buildDependencyGraph, findCycles } from '../../graph';

export const QUARTER = '2027-Q1';
export const SPRINTS = generateSprints({ quarter: QUARTER });

const TEAMS: Record<string, { id: string; name: string }> = {
  PAY: { id: 'team-pay', name: 'Payments' },
  ID: { id: 'team-id', name: 'Identity' },
  MOB: { id: 'team-mob', name: 'Mobile' },
};

export const STATUS: Record<'todo' | 'doing' | 'done', IssueStatus> = {
  todo: { name: 'To Do', category: 'new' },
  doing: { name: 'In Progress', category: 'indeterminate' },
  done: { name: 'Done', category: 'done' },
};

/** An epic of the team its project names (PAY → Payments). */
export function anInitiative(key: string, overrides: Partial<ExecutionInitiative> = {}): ExecutionInitiative {
  const project = key.slice(0, key.lastIndexOf('-'));
  const team = TEAMS[project];
  return {
    key,
    summary: `Epic ${key}`,
    projectKey: project,
    team: team?.name ?? project,
    teamId: team?.id ?? null,
    status: STATUS.todo,
    storyPoints: null,
    estimate: 8,
    children: [],
    ...overrides,
  };
}

export interface PlanSpec {
  /** Chosen initiatives; default every initiative of the state. */
  chosen?: string[];
  /** Sprints per chosen initiative, for its owning team; load 1 unless given. Missing: no estimate. */
  estimates?: Record<string, number | { sprints: number; load: number; teamId?: string }>;
  pins?: Record<string, number>;
  commitments?: Partial<Commitment>[];
  sessionDate?: string | null;
  /** Freeze a baseline: 'now' from the current schedule, or these entries (and chosen keys). */
  baseline?: 'now' | { initiatives: string[]; schedule?: BaselineEntry[]; frozenAt?: string };
  capacity?: Record<string, number>;
  /** The plan is in force (default) or still to come. */
  upcoming?: boolean;
}

export interface StateSpec {
  today?: string;
  initiatives?: ExecutionInitiative[];
  /** `[from, to]`: `to` waits for `from`. */
  edges?: [string, string][];
  plan?: PlanSpec | null;
  strategies?: Strategy[];
  strategicInitiatives?: StrategicInitiative[];
}

const AT = '2026-12-01T10:00:00.000Z';

export function anExecutionState(spec: StateSpec = {}): ExecutionState {
  const today = spec.today ?? '2027-02-10';
  const initiatives = spec.initiatives ?? [];
  const byKey = new Map(initiatives.map((i) => [i.key, i]));
  const capacity = spec.plan?.capacity ?? {};
  const teams: ProgramTeam[] = Object.values(TEAMS).map((t) => ({
    id: t.id,
    name: t.name,
    jiraTeam: t.name,
    leadAccountId: `lead-${t.id}`,
    capacityPerSprint: capacity[t.id] ?? 3,
  }));
  const program = newProgramRecord({
    id: 'prog',
    name: 'Atlas',
    stage: 'execution',
    scopeJql: 'labels = atlas',
    owners: ['tpm'],
    createdAt: AT,
    teams,
  });
  const edges: DependencyEdge[] = (spec.edges ?? []).map(([from, to]) => ({
    from,
    to,
    crossTeam: byKey.get(from)?.teamId !== byKey.get(to)?.teamId,
    evidence: [{ linkId: `${from}>${to}`, linkType: 'Blocks', fromKey: from, toKey: to }],
  }));
  const graph = buildDependencyGraph(
    initiatives.map((i) => i.key),
    edges.map((e) => ({ from: e.from, to: e.to })),
  );
  const cycles = findCycles(graph).map(({ path }) => ({
    path,
    evidence: edges
      .filter((e) => path.some((k, i) => k === e.from && path[i + 1] === e.to))
      .flatMap((e) => e.evidence),
  }));

  const state: ExecutionState = {
    today,
    program,
    initiatives,
    edges,
    cycles,
    goals: [],
    milestones: [],
    risks: [],
    strategies: spec.strategies ?? [],
    strategicInitiatives: spec.strategicInitiatives ?? [],
    plans: [],
    current: null,
    warnings: [],
  };
  if (!spec.plan) return state;

  const plan = aPlan(spec.plan, initiatives);
  const current = schedule(
    scheduleInputOf({
      sprints: plan.calendar.sprints,
      teams: teams.map((t) => ({ team: t.id, capacityPerSprint: t.capacityPerSprint })),
      initiatives: plan.initiatives,
      estimates: plan.estimates,
      pins: plan.pins,
      dependencies: edges.map((e) => ({ from: e.from, to: e.to })),
    }),
  );
  const baseline = spec.plan.baseline ? aBaseline(spec.plan.baseline, plan, current) : null;
  if (baseline) plan.baselines = [baseline];
  state.plans = [plan];
  if (!spec.plan.upcoming)
    state.current = {
      plan,
      schedule: current,
      baseline,
      currentSprint: SPRINTS.findIndex((s) => s.start <= today && today <= s.end),
    };
  return state;
}

function aPlan(spec: PlanSpec, initiatives: readonly ExecutionInitiative[]): QuarterPlan {
  const chosen = spec.chosen ?? initiatives.map((i) => i.key);
  const teamOf = (key: string) => initiatives.find((i) => i.key === key)?.teamId ?? 'team-unknown';
  const estimates: PlanEstimate[] = Object.entries(spec.estimates ?? {}).map(([key, e]) => {
    const { sprints, load, teamId } = typeof e === 'number' ? { sprints: e, load: 1, teamId: undefined } : e;
    return {
      initiativeKey: key,
      teamId: teamId ?? teamOf(key),
      sprints,
      load,
      storyPoints: null,
      by: 'lead',
      at: AT,
    };
  });
  const pins: PlanPin[] = Object.entries(spec.pins ?? {}).map(([key, startSprint]) => ({
    initiativeKey: key,
    startSprint,
    by: 'tpm',
    at: AT,
  }));
  return {
    programId: 'prog',
    quarter: QUARTER,
    calendar: {
      source: 'generated',
      boardId: null,
      boardName: null,
      lengthDays: 14,
      firstStart: null,
      sprints: SPRINTS,
      refreshedAt: AT,
    },
    initiatives: chosen.map((key) => ({ key, priority: null, carriedOver: false })),
    estimates,
    pins,
    session: {
      date: spec.sessionDate === undefined ? '2026-12-09' : spec.sessionDate,
      attendees: [],
      outcome: '',
      updatedBy: null,
      updatedAt: null,
    },
    commitments: (spec.commitments ?? []).map((c) => ({
      from: c.from ?? '',
      to: c.to ?? '',
      status: c.status ?? 'committed',
      reason: c.reason ?? null,
      by: c.by ?? 'lead',
      at: c.at ?? AT,
    })),
    successCriteria: [],
    communication: {
      slackChannelUrl: null,
      confluenceSpaceKey: null,
      otherChannels: [],
      meetings: [],
      reportCadence: 'weekly',
    },
    okrLinks: [],
    baselines: [],
    createdAt: AT,
    createdBy: 'tpm',
    updatedAt: AT,
    version: 1,
  };
}

function aBaseline(
  spec: NonNullable<PlanSpec['baseline']>,
  plan: QuarterPlan,
  now: QuarterSchedule,
): Baseline {
  const keys = spec === 'now' ? plan.initiatives.map((i) => i.key) : spec.initiatives;
  return {
    id: 'bl1',
    frozenAt: spec === 'now' ? '2027-01-03T09:00:00.000Z' : (spec.frozenAt ?? '2027-01-03T09:00:00.000Z'),
    frozenBy: 'tpm',
    note: 'Agreed at the alignment session',
    planVersion: 1,
    quarter: plan.quarter,
    sprints: plan.calendar.sprints,
    initiatives: keys.map((key) => ({ key, priority: null, carriedOver: false })),
    estimates: plan.estimates,
    commitments: plan.commitments,
    schedule: spec === 'now' || !spec.schedule ? baselineEntriesOf(keys, now) : spec.schedule,
  };
}

export const aStrategy = (id: string): Strategy => ({
  id,
  level: 'company',
  name: `Strategy ${id}`,
  objective: 'Grow',
  keyResults: [],
});

export const aStrategicInitiative = (
  id: string,
  strategyIds: string[],
  epicKeys: string[],
): StrategicInitiative => ({ id, name: `Initiative ${id}`, description: '', strategyIds, epicKeys });
