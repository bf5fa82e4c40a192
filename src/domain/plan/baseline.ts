// A baseline freezes where each initiative was planned; a later schedule is read against it.
import type { QuarterSchedule } from '../schedule/types';
import { compareIssueKeys } from '../scope/issue-key';
import type { BaselineChange, BaselineEntry, BaselineVariance } from './types';

/** Where each chosen initiative sits in a schedule; unplaced ones have no sprints. */
export function baselineEntriesOf(keys: readonly string[], schedule: QuarterSchedule): BaselineEntry[] {
  const placed = new Map(schedule.initiatives.map((p) => [p.key, p]));
  return [...new Set(keys)].sort(compareIssueKeys).map((key) => {
    const p = placed.get(key);
    return { key, startSprint: p?.startSprint ?? null, endSprint: p?.endSprint ?? null };
  });
}

const isPlaced = (e: BaselineEntry) => e.startSprint !== null && e.endSprint !== null;

function changeOf(before: BaselineEntry | undefined, now: BaselineEntry | undefined): BaselineChange {
  if (!before) return 'added';
  if (!now) return 'removed';
  if (isPlaced(before) && !isPlaced(now)) return 'now-unplaced';
  if (!isPlaced(before) && isPlaced(now)) return 'now-placed';
  if (!isPlaced(before)) return 'unchanged';
  const endDelta = (now.endSprint ?? 0) - (before.endSprint ?? 0);
  if (endDelta !== 0) return endDelta > 0 ? 'later' : 'earlier';
  const startDelta = (now.startSprint ?? 0) - (before.startSprint ?? 0);
  if (startDelta !== 0) return startDelta > 0 ? 'later' : 'earlier';
  return 'unchanged';
}

/** Every initiative in either the baseline or the current plan, with how it moved, in key order. */
export function compareToBaseline(
  baseline: readonly BaselineEntry[],
  current: readonly BaselineEntry[],
): BaselineVariance[] {
  const before = new Map(baseline.map((e) => [e.key, e]));
  const now = new Map(current.map((e) => [e.key, e]));
  const keys = [...new Set([...before.keys(), ...now.keys()])].sort(compareIssueKeys);
  return keys.map((key) => {
    const b = before.get(key);
    const c = now.get(key);
    const both = b && c && isPlaced(b) && isPlaced(c);
    return {
      key,
      baseline: b ? { startSprint: b.startSprint, endSprint: b.endSprint } : null,
      current: c ? { startSprint: c.startSprint, endSprint: c.endSprint } : null,
      change: changeOf(b, c),
      endDeltaSprints: both ? (c.endSprint ?? 0) - (b.endSprint ?? 0) : null,
    };
  });
}
