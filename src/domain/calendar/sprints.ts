import { addDays, differenceInCalendarDays } from 'date-fns';
import { formatDate, parseDate, quarterEnd, quarterFirstMonday, quarterStart } from './quarter';
import type { BoardSprint, GenerateSprintsInput, Sprint, SprintsFromBoardInput } from './types';

const DEFAULT_LENGTH_DAYS = 14;

function requireLength(lengthDays: number): number {
  if (!Number.isInteger(lengthDays) || lengthDays < 1)
    throw new RangeError(`A sprint lasts a whole number of days, at least 1 (got ${lengthDays})`);
  return lengthDays;
}

/**
 * Consecutive sprints of `lengthDays` from `firstStart` that lie wholly within the quarter; a first start
 * before the quarter is stepped forward by whole sprints, keeping the cadence.
 */
export function generateSprints(input: GenerateSprintsInput): Sprint[] {
  const length = requireLength(input.lengthDays ?? DEFAULT_LENGTH_DAYS);
  const first = parseDate(quarterStart(input.quarter));
  const last = parseDate(quarterEnd(input.quarter));
  let cursor = parseDate(input.firstStart ?? quarterFirstMonday(input.quarter));
  const behind = differenceInCalendarDays(first, cursor);
  if (behind > 0) cursor = addDays(cursor, Math.ceil(behind / length) * length);
  const sprints: Sprint[] = [];
  while (differenceInCalendarDays(last, addDays(cursor, length - 1)) >= 0) {
    const index = sprints.length;
    sprints.push({
      id: `${input.quarter}-S${index + 1}`,
      name: `Sprint ${index + 1}`,
      start: formatDate(cursor),
      end: formatDate(addDays(cursor, length - 1)),
      index,
      source: 'generated',
    });
    cursor = addDays(cursor, length);
  }
  return sprints;
}

interface DatedSprint {
  sprint: BoardSprint;
  start: Date;
  end: Date;
}

function datesOf(sprint: BoardSprint): { start: Date; end: Date } | undefined {
  if (!sprint.startDate || !sprint.endDate) return undefined;
  try {
    const start = parseDate(sprint.startDate);
    const end = parseDate(sprint.endDate);
    return differenceInCalendarDays(end, start) >= 0 ? { start, end } : undefined;
  } catch {
    // A date Jira sent that we cannot read leaves the sprint dateless; a future one is then filled by cadence.
    return undefined;
  }
}

/**
 * A board's sprints that overlap the quarter, cut to its bounds, in date order. Future sprints without
 * dates follow the last dated sprint in the board's order, one cadence each; the cadence is the length of
 * the last dated sprint, else `lengthDays`. Closed or active sprints without dates are left out.
 */
export function sprintsFromBoard(input: SprintsFromBoardInput): Sprint[] {
  const fallback = requireLength(input.lengthDays ?? DEFAULT_LENGTH_DAYS);
  const first = parseDate(quarterStart(input.quarter));
  const last = parseDate(quarterEnd(input.quarter));

  const dated: DatedSprint[] = [];
  const dateless: BoardSprint[] = [];
  for (const sprint of input.boardSprints) {
    const dates = datesOf(sprint);
    if (dates) dated.push({ sprint, ...dates });
    else if (sprint.state === 'future') dateless.push(sprint);
  }
  dated.sort((a, b) => a.start.getTime() - b.start.getTime() || a.sprint.id - b.sprint.id);

  const lastDated = dated.reduce<DatedSprint | undefined>(
    (latest, s) => (!latest || s.end.getTime() > latest.end.getTime() ? s : latest),
    undefined,
  );
  const cadence = lastDated ? differenceInCalendarDays(lastDated.end, lastDated.start) + 1 : fallback;
  let cursor = lastDated ? addDays(lastDated.end, 1) : parseDate(quarterFirstMonday(input.quarter));
  for (const sprint of dateless) {
    dated.push({ sprint, start: cursor, end: addDays(cursor, cadence - 1) });
    cursor = addDays(cursor, cadence);
  }

  const sprints: Sprint[] = [];
  for (const { sprint, start, end } of dated) {
    if (differenceInCalendarDays(end, first) < 0 || differenceInCalendarDays(last, start) < 0) continue;
    const clippedStart = differenceInCalendarDays(start, first) < 0 ? first : start;
    const clippedEnd = differenceInCalendarDays(last, end) < 0 ? last : end;
    const clipped = clippedStart !== start || clippedEnd !== end;
    sprints.push({
      id: String(sprint.id),
      name: sprint.name,
      start: formatDate(clippedStart),
      end: formatDate(clippedEnd),
      index: sprints.length,
      source: 'board',
      boardSprintId: sprint.id,
      ...(clipped ? { clipped: true } : {}),
    });
  }
  return sprints;
}
