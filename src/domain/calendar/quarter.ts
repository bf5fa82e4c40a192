import { addDays, addMonths, format, isValid, lastDayOfMonth, parseISO } from 'date-fns';
import type { Quarter, QuarterId } from './types';

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar dates as `yyyy-MM-dd`, read and written in local time so no time zone shifts a day. */
export const formatDate = (date: Date): string => format(date, 'yyyy-MM-dd');

/** An ISO date (or the date part of a date-time) as a local Date; RangeError when it is not one. */
export function parseDate(iso: string): Date {
  const day = iso.slice(0, 10);
  const date = ISO_DATE.test(day) ? parseISO(day) : new Date(NaN);
  if (!isValid(date) || formatDate(date) !== day) throw new RangeError(`Not an ISO date: ${iso}`);
  return date;
}

/** `2027-Q1` → { year: 2027, quarter: 1 }; null for anything else. */
export function parseQuarter(id: string): Quarter | null {
  const match = QUARTER_ID.exec(id);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function formatQuarter({ year, quarter }: Quarter): QuarterId {
  return `${String(year).padStart(4, '0')}-Q${quarter}`;
}

export function isQuarterId(id: string): boolean {
  return parseQuarter(id) !== null;
}

function requireQuarter(id: QuarterId): Quarter {
  const quarter = parseQuarter(id);
  if (!quarter) throw new RangeError(`Not a quarter: ${id} (expected e.g. 2027-Q1)`);
  return quarter;
}

const firstDay = ({ year, quarter }: Quarter) =>
  parseISO(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`);

/** ISO date of the quarter's first day (`2027-01-01`). Throws RangeError for an invalid id. */
export function quarterStart(id: QuarterId): string {
  return formatDate(firstDay(requireQuarter(id)));
}

/** ISO date of the quarter's last day (`2027-03-31`). Throws RangeError for an invalid id. */
export function quarterEnd(id: QuarterId): string {
  return formatDate(lastDayOfMonth(addMonths(firstDay(requireQuarter(id)), 2)));
}

/** ISO date of the quarter's first Monday, where generated sprints start by default. */
export function quarterFirstMonday(id: QuarterId): string {
  const start = firstDay(requireQuarter(id));
  return formatDate(addDays(start, (8 - start.getDay()) % 7));
}

/** The quarter an ISO date falls in. */
export function quarterOf(date: string): QuarterId {
  const day = parseDate(date);
  return formatQuarter({
    year: day.getFullYear(),
    quarter: (Math.floor(day.getMonth() / 3) + 1) as Quarter['quarter'],
  });
}

export function nextQuarter(id: QuarterId): QuarterId {
  const { year, quarter } = requireQuarter(id);
  return quarter === 4
    ? formatQuarter({ year: year + 1, quarter: 1 })
    : formatQuarter({ year, quarter: (quarter + 1) as Quarter['quarter'] });
}

export function previousQuarter(id: QuarterId): QuarterId {
  const { year, quarter } = requireQuarter(id);
  return quarter === 1
    ? formatQuarter({ year: year - 1, quarter: 4 })
    : formatQuarter({ year, quarter: (quarter - 1) as Quarter['quarter'] });
}
