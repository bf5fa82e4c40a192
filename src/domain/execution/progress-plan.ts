// Progress against the plan in force: where each initiative was planned (baseline) and is scheduled now, and
// how much of the work the plan expects done by today (the elapsed share of each initiative's sprint window).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { ScheduleSprint } from '../schedule/types';
import { percentOf, type InitiativeProgress, type ProgramProgress } from './progress';
import type { ExecutionPlan } from './state';

/** An initiative's place in a sprint calendar: sprint indexes with their names and dates. */
export interface SprintWindow {
  startSprint: number;
  endSprint: number;
  startName: string;
  endName: string;
  /** First day of the first sprint and last day of the last (yyyy-mm-dd). */
  start: string;
  end: string;
}

type DatedSprint = Pick<ScheduleSprint, 'name' | 'start' | 'end'>;

export function sprintWindow(
  sprints: readonly DatedSprint[],
  startSprint: number | null,
  endSprint: number | null,
): SprintWindow | null {
  if (startSprint === null || endSprint === null) return null;
  const first = sprints[startSprint];
  const last = sprints[endSprint];
  if (!first || !last) return null;
  return {
    startSprint,
    endSprint,
    startName: first.name,
    endName: last.name,
    start: first.start,
    end: last.end,
  };
}

/** One initiative in the plan in force: its baseline window, its window in today's schedule, or why it has none. */
export interface PlanPlacement {
  key: string;
  /** Where the latest baseline put it; null when not baselined or not placed then. */
  planned: SprintWindow | null;
  /** Where today's schedule puts it; null when unplaced (see `unplacedDetail`). */
  current: SprintWindow | null;
  unplacedDetail: string | null;
  /** Current end minus baseline end, in sprints, when both are placed. */
  endDeltaSprints: number | null;
}

/** Every initiative of the plan in force (chosen now or in its baseline), by key. */
export function planPlacements(current: ExecutionPlan): Map<string, PlanPlacement> {
  const { plan, schedule, baseline } = current;
  const sprints = plan.calendar.sprints;
  const placed = new Map(schedule.initiatives.map((p) => [p.key, p]));
  const unplaced = new Map(schedule.unplaced.map((u) => [u.key, u]));
  const frozen = new Map((baseline?.schedule ?? []).map((e) => [e.key, e]));
  const keys = new Set([...plan.initiatives.map((i) => i.key), ...frozen.keys()]);
  const out = new Map<string, PlanPlacement>();
  for (const key of keys) {
    const now = placed.get(key);
    const then = frozen.get(key);
    const planned =
      then && baseline ? sprintWindow(baseline.sprints, then.startSprint, then.endSprint) : null;
    const currentWindow = now ? sprintWindow(sprints, now.startSprint, now.endSprint) : null;
    out.set(key, {
      key,
      planned,
      current: currentWindow,
      unplacedDetail: currentWindow ? null : (unplaced.get(key)?.detail ?? null),
      endDeltaSprints: planned && currentWindow ? currentWindow.endSprint - planned.endSprint : null,
    });
  }
  return out;
}

/** The share (0–1) of a window's days before `today`: 0 before it starts, 1 after its last day. */
export function elapsedShare(window: { start: string; end: string }, today: string): number {
  const length = differenceInCalendarDays(parseISO(window.end), parseISO(window.start)) + 1;
  if (length <= 0) return today > window.end ? 1 : 0;
  const elapsed = differenceInCalendarDays(parseISO(today), parseISO(window.start));
  return Math.max(0, Math.min(1, elapsed / length));
}

export interface InitiativeExpectation {
  key: string;
  /** The window the expectation is read from (baseline, else today's schedule). */
  window: SprintWindow;
  expectedPercent: number;
  /** Done so far by the plan's measure; 0 when the initiative has no work recorded. */
  actualPercent: number;
  /** Its window has ended and it is not done. */
  overdue: boolean;
}

export interface ExpectedProgress {
  quarter: string;
  /** The windows expectations come from: the agreed baseline, else today's schedule. */
  basis: 'baseline' | 'schedule';
  /** Story points when every planned initiative has some, else issue count. */
  measure: 'points' | 'issues';
  sprintCount: number;
  /** Today's sprint, or the next one between sprints; null before the first or after the last. */
  currentSprint: { index: number; name: string; start: string; end: string } | null;
  /** Sprints elapsed by today, to one decimal (3.5 = halfway through the fourth). */
  sprintsElapsed: number;
  /** Over the planned initiatives the viewer can see. */
  expectedPercent: number;
  actualPercent: number;
  /** expected − actual in percentage points; negative when ahead. */
  behind: number;
  initiatives: InitiativeExpectation[];
}

const weightOf = (p: InitiativeProgress, measure: ExpectedProgress['measure']) =>
  measure === 'points' ? p.points : p.issues;

/**
 * How far the work should be by `today` under the plan in force, against how far it is. Each planned
 * initiative is expected done in proportion to the days of its window elapsed; the program's expectation
 * weighs them by size (points or issues). Null when the plan places none of the initiatives the viewer sees.
 */
export function expectedProgress(
  current: ExecutionPlan,
  today: string,
  progress: ProgramProgress,
): ExpectedProgress | null {
  const sprints = current.plan.calendar.sprints;
  const placements = planPlacements(current);
  const frozenPlaced = [...placements.values()].some((p) => p.planned !== null);
  const basis: ExpectedProgress['basis'] = current.baseline && frozenPlaced ? 'baseline' : 'schedule';
  const byKey = new Map(progress.byInitiative.map((p) => [p.key, p]));
  const planned = [...placements.values()]
    .map((p) => ({ progress: byKey.get(p.key), window: basis === 'baseline' ? p.planned : p.current }))
    .filter(
      (p): p is { progress: InitiativeProgress; window: SprintWindow } =>
        p.progress !== undefined && p.window !== null,
    )
    .sort((a, b) => a.progress.key.localeCompare(b.progress.key));
  if (planned.length === 0) return null;
  const measure = planned.every((p) => p.progress.points.total > 0) ? 'points' : 'issues';

  let weight = 0;
  let expected = 0;
  let done = 0;
  const initiatives = planned.map(({ progress: p, window }): InitiativeExpectation => {
    const tally = weightOf(p, measure);
    const share = elapsedShare(window, today);
    weight += tally.total;
    expected += share * tally.total;
    done += tally.done;
    return {
      key: p.key,
      window,
      expectedPercent: Math.round(100 * share),
      actualPercent: percentOf(tally.done, tally.total) ?? 0,
      overdue: window.end < today && tally.done < tally.total,
    };
  });
  const expectedPercent = weight > 0 ? Math.round((100 * expected) / weight) : 0;
  const actualPercent = percentOf(done, weight) ?? 0;
  const index = current.currentSprint;
  const sprint = sprints[index];
  return {
    quarter: current.plan.quarter,
    basis,
    measure,
    sprintCount: sprints.length,
    currentSprint: sprint ? { index, name: sprint.name, start: sprint.start, end: sprint.end } : null,
    sprintsElapsed: Math.round(10 * sprints.reduce((n, s) => n + elapsedShare(s, today), 0)) / 10,
    expectedPercent,
    actualPercent,
    behind: expectedPercent - actualPercent,
    initiatives,
  };
}
