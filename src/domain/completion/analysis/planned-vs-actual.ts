// Planned against actual dates per initiative: the original baseline window (else the epic's Jira target
// date) against when Jira says the epic was resolved.
import type { ExecutionInitiative } from '../../execution/state';
import { latestWindow, originalWindow, type PlannedWindow, type QuarterBaselines } from './baselines';
import { daysBetween } from './calendar';

export type DateOutcome =
  /** Done before the planned end. */
  | 'early'
  | 'on-time'
  | 'late'
  /** Not done, and the planned end has passed. */
  | 'overdue'
  /** Not done, still within plan. */
  | 'in-progress'
  /** Done, but Jira has no resolution date for it or all of its children. */
  | 'done-undated'
  /** No baseline placed it and it has no target date. */
  | 'no-plan';

export interface InitiativeDates {
  key: string;
  summary: string;
  team: string;
  teamId: string | null;
  /** Where the planned end comes from. */
  plannedFrom: 'baseline' | 'target-date' | null;
  /** yyyy-mm-dd; the baseline's sprint dates, or the epic's start and target dates. */
  plannedStart: string | null;
  plannedEnd: string | null;
  /** The quarter whose baseline planned it, when one did. */
  plannedQuarter: string | null;
  /** The end the last baseline gave it, when it differs from the original. */
  replannedEnd: string | null;
  targetDate: string | null;
  actualEnd: string | null;
  actualFrom: 'epic-resolution' | 'children-resolution' | null;
  outcome: DateOutcome;
  /** Days past the planned end: actual end (or today, while overdue) minus planned end; negative is early. */
  slipDays: number | null;
}

const day = (iso: string | undefined): string | null => (iso ? iso.slice(0, 10) : null);

/** When the work ended: the epic's resolution, else the last child's when every child is resolved. */
export function actualEndOf(
  initiative: ExecutionInitiative,
): Pick<InitiativeDates, 'actualEnd' | 'actualFrom'> | null {
  if (initiative.status.category !== 'done') return null;
  const resolved = day(initiative.resolvedAt);
  if (resolved) return { actualEnd: resolved, actualFrom: 'epic-resolution' };
  const children = initiative.children;
  if (children.length > 0 && children.every((c) => c.status === 'done' && c.resolvedAt !== undefined)) {
    const last =
      children
        .map((c) => day(c.resolvedAt) ?? '')
        .sort()
        .at(-1) ?? null;
    return { actualEnd: last, actualFrom: 'children-resolution' };
  }
  return { actualEnd: null, actualFrom: null };
}

function outcomeOf(
  plannedEnd: string | null,
  done: boolean,
  actualEnd: string | null,
  today: string,
): { outcome: DateOutcome; slipDays: number | null } {
  if (done && actualEnd === null) return { outcome: 'done-undated', slipDays: null };
  if (plannedEnd === null) return { outcome: 'no-plan', slipDays: null };
  if (done && actualEnd !== null) {
    const slip = daysBetween(plannedEnd, actualEnd);
    return { outcome: slip > 0 ? 'late' : slip < 0 ? 'early' : 'on-time', slipDays: slip };
  }
  const slip = daysBetween(plannedEnd, today);
  return slip > 0 ? { outcome: 'overdue', slipDays: slip } : { outcome: 'in-progress', slipDays: null };
}

export function plannedVsActual(
  initiative: ExecutionInitiative,
  baselines: readonly QuarterBaselines[],
  today: string,
): InitiativeDates {
  const original: PlannedWindow | null = originalWindow(baselines, initiative.key);
  const latest = latestWindow(baselines, initiative.key);
  const target = initiative.targetDate ?? null;
  const planned = original
    ? { plannedFrom: 'baseline' as const, plannedStart: original.start, plannedEnd: original.end }
    : target
      ? {
          plannedFrom: 'target-date' as const,
          plannedStart: initiative.startDate ?? null,
          plannedEnd: target,
        }
      : { plannedFrom: null, plannedStart: null, plannedEnd: null };
  const done = initiative.status.category === 'done';
  const actual = actualEndOf(initiative) ?? { actualEnd: null, actualFrom: null };
  return {
    key: initiative.key,
    summary: initiative.summary,
    team: initiative.team,
    teamId: initiative.teamId,
    ...planned,
    plannedQuarter: original?.quarter ?? null,
    replannedEnd: latest && original && latest.end !== original.end ? latest.end : null,
    targetDate: target,
    ...actual,
    ...outcomeOf(planned.plannedEnd, done, actual.actualEnd, today),
  };
}
