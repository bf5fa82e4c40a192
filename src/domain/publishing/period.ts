// Report periods: a status report is one page per period of the program's report cadence.

export type ReportCadence = 'weekly' | 'biweekly' | 'monthly';

export interface ReportPeriod {
  /** The first day of the period, ISO date; it names the page. */
  key: string;
  start: string;
  /** The last day, inclusive. */
  end: string;
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// 1970-01-05 was a Monday: biweekly periods count pairs of weeks from it, so every program agrees.
const FIRST_MONDAY = Date.UTC(1970, 0, 5);

/** The period of the cadence that contains the instant. */
export function reportPeriod(cadence: ReportCadence, at: string): ReportPeriod {
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) throw new RangeError(`Not a date: ${at}`);
  const day = Math.floor(instant / DAY) * DAY;
  if (cadence === 'monthly') {
    const d = new Date(day);
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return { key: isoDate(start), start: isoDate(start), end: isoDate(next - DAY) };
  }
  const weeks = cadence === 'weekly' ? 1 : 2;
  const index = Math.floor((day - FIRST_MONDAY) / (7 * DAY * weeks));
  const start = FIRST_MONDAY + index * 7 * DAY * weeks;
  return { key: isoDate(start), start: isoDate(start), end: isoDate(start + 7 * DAY * weeks - DAY) };
}
