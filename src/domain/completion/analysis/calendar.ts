// The program's sprints across every quarter plan, and how many of them a stretch of days spans.
import { differenceInCalendarDays } from 'date-fns';
import { parseDate } from '../../calendar/quarter';

export interface ProgramSprint {
  quarter: string;
  name: string;
  /** yyyy-mm-dd, both inclusive. */
  start: string;
  end: string;
}

export interface PlanCalendarLike {
  quarter: string;
  calendar: { lengthDays: number; sprints: readonly { name: string; start: string; end: string }[] };
}

export const DEFAULT_SPRINT_DAYS = 14;

/** Every plan's sprints in date order; a sprint overlapping an earlier one (a re-planned quarter) is dropped. */
export function programCalendar(plans: readonly PlanCalendarLike[]): ProgramSprint[] {
  const all = plans
    .flatMap((p) =>
      p.calendar.sprints.map((s) => ({ quarter: p.quarter, name: s.name, start: s.start, end: s.end })),
    )
    .sort((a, b) => a.start.localeCompare(b.start) || a.quarter.localeCompare(b.quarter));
  const kept: ProgramSprint[] = [];
  for (const sprint of all) {
    const last = kept.at(-1);
    if (!last || sprint.start > last.end) kept.push(sprint);
  }
  return kept;
}

/** The usual sprint length of the plans, for days outside every plan's calendar. */
export function usualSprintDays(plans: readonly PlanCalendarLike[]): number {
  const lengths = plans
    .map((p) => p.calendar.lengthDays)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? DEFAULT_SPRINT_DAYS;
}

export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(parseDate(to), parseDate(from));

/**
 * Sprints the days `start`…`end` (inclusive) touch: the calendar's sprints they overlap, plus, for days
 * before or after the calendar, those days in sprints of `sprintDays`. At least one.
 */
export function sprintsSpanned(
  calendar: readonly ProgramSprint[],
  start: string,
  end: string,
  sprintDays: number,
): number {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const first = calendar[0];
  const last = calendar.at(-1);
  const extra = (days: number) => Math.ceil(days / Math.max(1, sprintDays));
  if (!first || !last) return Math.max(1, extra(daysBetween(from, to) + 1));
  let count = calendar.filter((s) => s.start <= to && s.end >= from).length;
  if (from < first.start)
    count += extra(daysBetween(from, to < first.start ? to : first.start) + (to < first.start ? 1 : 0));
  if (to > last.end)
    count += extra(daysBetween(from > last.end ? from : last.end, to) + (from > last.end ? 1 : 0));
  return Math.max(1, count);
}
