// The baselines the analysis compares against: per quarter, the first freeze (what was agreed) and the
// latest (the plan of record at the end).
import type { Baseline } from '../../plan/types';

export interface QuarterBaselines {
  quarter: string;
  /** The first baseline of the quarter; null when the plan was never frozen. */
  first: Baseline | null;
  latest: Baseline | null;
}

export interface PlannedWindow {
  quarter: string;
  baselineId: string;
  /** yyyy-mm-dd: the first day of its first sprint and the last day of its last sprint. */
  start: string;
  end: string;
}

/** Where a baseline placed the initiative, in dates; null when it was not placed (or not in it). */
export function windowIn(baseline: Baseline, key: string): PlannedWindow | null {
  const entry = baseline.schedule.find((e) => e.key === key);
  if (!entry || entry.startSprint === null || entry.endSprint === null) return null;
  const start = baseline.sprints[entry.startSprint];
  const end = baseline.sprints[entry.endSprint];
  if (!start || !end) return null;
  return { quarter: baseline.quarter, baselineId: baseline.id, start: start.start, end: end.end };
}

const byQuarter = (baselines: readonly QuarterBaselines[]) =>
  [...baselines].sort((a, b) => a.quarter.localeCompare(b.quarter));

/** The window the earliest quarter's first baseline gave it: the original plan. */
export function originalWindow(baselines: readonly QuarterBaselines[], key: string): PlannedWindow | null {
  for (const q of byQuarter(baselines)) {
    const window = q.first ? windowIn(q.first, key) : null;
    if (window) return window;
  }
  return null;
}

/** The window the latest quarter's latest baseline gave it: the plan of record when the work ended. */
export function latestWindow(baselines: readonly QuarterBaselines[], key: string): PlannedWindow | null {
  for (const q of byQuarter(baselines).reverse()) {
    const window = q.latest ? windowIn(q.latest, key) : null;
    if (window) return window;
  }
  return null;
}
