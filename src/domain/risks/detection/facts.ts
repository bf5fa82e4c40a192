// What several rules read from the execution state: initiatives by key, which are done, team names, the plan
// the rules watch, and the wording they share.
import { differenceInCalendarDays } from 'date-fns';
import { parseDate } from '../../calendar/quarter';
import type { ExecutionInitiative, ExecutionState } from '../../execution/state';
import type { Baseline, QuarterPlan } from '../../plan/types';
import type { QuarterSchedule } from '../../schedule/types';
import { compareIssueKeys } from '../../scope/issue-key';
import type { DetectedRisk, RiskRuleId } from './types';

export interface RiskFacts {
  state: ExecutionState;
  byKey: ReadonlyMap<string, ExecutionInitiative>;
  isDone: (key: string) => boolean;
  /** The program team's name, else the Jira team the initiative shows, else the id. */
  teamName: (teamId: string) => string;
  teamIdOf: (key: string) => string | null;
  /** Distinct team ids of these initiatives, in the order first met. */
  teamIdsOf: (keys: readonly string[]) => string[];
  watched: WatchedPlan | null;
}

/**
 * The quarter plan the rules look at: the one in force (with its schedule on today's scope and its latest
 * baseline), else, before the first plan starts, the next one, so a declined commitment shows while it is
 * still being planned. An upcoming plan has no schedule or baseline here.
 */
export interface WatchedPlan {
  plan: QuarterPlan;
  schedule: QuarterSchedule | null;
  baseline: Baseline | null;
  inForce: boolean;
}

export function watchedPlan(state: ExecutionState): WatchedPlan | null {
  if (state.current)
    return {
      plan: state.current.plan,
      schedule: state.current.schedule,
      baseline: state.current.baseline,
      inForce: true,
    };
  const upcoming = state.plans
    .filter((p) => (p.calendar.sprints[0]?.start ?? '') > state.today)
    .sort((a, b) => a.quarter.localeCompare(b.quarter))[0];
  return upcoming ? { plan: upcoming, schedule: null, baseline: null, inForce: false } : null;
}

export function factsOf(state: ExecutionState): RiskFacts {
  const byKey = new Map(state.initiatives.map((i) => [i.key, i]));
  const teams = new Map(state.program.teams.map((t) => [t.id, t.name]));
  const teamIdOf = (key: string) => byKey.get(key)?.teamId ?? null;
  return {
    state,
    byKey,
    isDone: (key) => byKey.get(key)?.status.category === 'done',
    teamName: (teamId) =>
      teams.get(teamId) ?? state.initiatives.find((i) => i.teamId === teamId)?.team ?? teamId,
    teamIdOf,
    teamIdsOf: (keys) => [
      ...new Set(keys.map(teamIdOf).filter((id): id is string => id !== null && id !== undefined)),
    ],
    watched: watchedPlan(state),
  };
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `2 sprints` → "two sprints"; plural only when needed. */
export function count(n: number, noun: string): string {
  const number = Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
  return `${number} ${noun}${n === 1 ? '' : 's'}`;
}

/** `10` → "10 days". */
export const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** "PAY-1", "PAY-1 and ID-4", "PAY-1, ID-4 and MOB-2". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const byIssueKey = (keys: Iterable<string>): string[] => [...new Set(keys)].sort(compareIssueKeys);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(parseDate(to), parseDate(from));

/** The later of two ISO dates, either of which may be missing. */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

/** The earlier of two ISO dates, either of which may be missing. */
export function earlierOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/** One detection rule: a pure function of the facts, finding every instance of its condition. */
export interface RiskRule {
  id: RiskRuleId;
  detect(facts: RiskFacts): DetectedRisk[];
}
