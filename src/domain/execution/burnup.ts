// Burn-up: the program's scope and done work per day. Daily snapshots (kept per project, so each viewer sees
// only the projects they can browse) give the history; today's live point ends the series. With no history
// yet, a best-effort series is reconstructed from when today's issues were resolved.
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { initiativeProgress } from './progress';
import type { ExecutionInitiative } from './state';

/** One project's work on one day. */
export interface ProgressTotals {
  issues: number;
  issuesDone: number;
  points: number;
  pointsDone: number;
  initiatives: number;
  initiativesDone: number;
}

/** What the daily trigger stores: one per program and day. */
export interface ProgressSnapshot {
  programId: string;
  /** yyyy-mm-dd (UTC) the snapshot stands for. */
  date: string;
  /** ISO time it was taken. */
  takenAt: string;
  /** By Jira project key. */
  projects: Record<string, ProgressTotals>;
}

export interface BurnUpPoint {
  date: string;
  scopeIssues: number;
  doneIssues: number;
  scopePoints: number;
  donePoints: number;
}

export interface BurnUp {
  /** history: daily snapshots; reconstructed: from resolution dates; today: only today's point. */
  source: 'history' | 'reconstructed' | 'today';
  points: BurnUpPoint[];
  /** Said next to the chart: how the series was made and what it cannot show. */
  note: string | null;
}

/** Days of history the store keeps per program; older snapshots are dropped. */
export const HISTORY_MAX_DAYS = 400;
/** How far back a reconstruction goes. */
export const RECONSTRUCT_MAX_DAYS = 180;

const round2 = (n: number) => Math.round(n * 100) / 100;
const emptyTotals = (): ProgressTotals => ({
  issues: 0,
  issuesDone: 0,
  points: 0,
  pointsDone: 0,
  initiatives: 0,
  initiativesDone: 0,
});

/** Today's totals per project of the initiatives given. */
export function totalsByProject(initiatives: readonly ExecutionInitiative[]): Record<string, ProgressTotals> {
  const projects: Record<string, ProgressTotals> = {};
  for (const initiative of [...initiatives].sort((a, b) => a.key.localeCompare(b.key))) {
    const p = initiativeProgress(initiative);
    const t = (projects[initiative.projectKey] ??= emptyTotals());
    t.issues += p.issues.total;
    t.issuesDone += p.issues.done;
    t.points = round2(t.points + p.points.total);
    t.pointsDone = round2(t.pointsDone + p.points.done);
    t.initiatives += 1;
    if (initiative.status.category === 'done') t.initiativesDone += 1;
  }
  return Object.fromEntries(Object.entries(projects).sort(([a], [b]) => a.localeCompare(b)));
}

export function progressSnapshotOf(
  programId: string,
  date: string,
  takenAt: string,
  initiatives: readonly ExecutionInitiative[],
): ProgressSnapshot {
  return { programId, date, takenAt, projects: totalsByProject(initiatives) };
}

/** The point of a snapshot counting only `projects`. */
export function pointOf(
  date: string,
  projects: Readonly<Record<string, ProgressTotals>>,
  visible: ReadonlySet<string> | null,
): BurnUpPoint {
  const point: BurnUpPoint = { date, scopeIssues: 0, doneIssues: 0, scopePoints: 0, donePoints: 0 };
  for (const [project, t] of Object.entries(projects)) {
    if (visible && !visible.has(project)) continue;
    point.scopeIssues += t.issues;
    point.doneIssues += t.issuesDone;
    point.scopePoints = round2(point.scopePoints + t.points);
    point.donePoints = round2(point.donePoints + t.pointsDone);
  }
  return point;
}

/**
 * Snapshots of the projects the viewer sees, one point a day, ending with today's live point (which
 * replaces a snapshot taken earlier today).
 */
export function burnUpFromHistory(
  snapshots: readonly ProgressSnapshot[],
  visibleProjects: ReadonlySet<string>,
  live: BurnUpPoint,
): BurnUp {
  const byDate = new Map<string, BurnUpPoint>();
  for (const s of snapshots)
    if (s.date < live.date) byDate.set(s.date, pointOf(s.date, s.projects, visibleProjects));
  byDate.set(live.date, live);
  const points = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { source: points.length > 1 ? 'history' : 'today', points, note: null };
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * A best-effort burn-up from today's issues: done work counted from the day each issue was resolved (done
 * issues with no resolution date count from the start); the scope line is today's scope throughout, since
 * when an issue joined the scope is not known.
 */
export function reconstructBurnUp(initiatives: readonly ExecutionInitiative[], today: string): BurnUp {
  const live = pointOf(today, totalsByProject(initiatives), null);
  const resolved: { date: string; issues: number; points: number }[] = [];
  let doneUndatedIssues = 0;
  let doneUndatedPoints = 0;
  for (const initiative of initiatives) {
    const p = initiativeProgress(initiative);
    const items =
      initiative.children.length > 0
        ? initiative.children.map((c) => ({
            done: c.status === 'done',
            resolvedAt: c.resolvedAt,
            points: c.storyPoints,
          }))
        : [
            {
              done: initiative.status.category === 'done',
              resolvedAt: initiative.resolvedAt,
              points: initiative.storyPoints,
            },
          ];
    // Points as progress counts them (an epic's own points may be spread over its children).
    const pointsEach =
      p.pointsFrom === 'epic-spread' ? p.points.total / Math.max(1, initiative.children.length) : null;
    for (const item of items) {
      if (!item.done) continue;
      const pts = pointsEach ?? (item.points !== null && item.points > 0 ? item.points : 0);
      if (item.resolvedAt && day(item.resolvedAt) <= today)
        resolved.push({ date: day(item.resolvedAt), issues: 1, points: pts });
      else {
        doneUndatedIssues += 1;
        doneUndatedPoints += pts;
      }
    }
  }
  if (resolved.length === 0)
    return {
      source: 'today',
      points: [live],
      note: 'No history yet: the daily snapshot starts the burn-up from today, and no issue has a resolution date to rebuild the past from.',
    };
  resolved.sort((a, b) => a.date.localeCompare(b.date));
  const earliest = resolved[0]?.date ?? today;
  const limit = format(addDays(parseISO(today), -RECONSTRUCT_MAX_DAYS), 'yyyy-MM-dd');
  const start = earliest < limit ? limit : format(addDays(parseISO(earliest), -1), 'yyyy-MM-dd');
  const days = differenceInCalendarDays(parseISO(today), parseISO(start));
  const points: BurnUpPoint[] = [];
  let cursor = 0;
  let doneIssues = doneUndatedIssues;
  let donePoints = doneUndatedPoints;
  for (let n = 0; n <= days; n++) {
    const date = format(addDays(parseISO(start), n), 'yyyy-MM-dd');
    while (cursor < resolved.length && (resolved[cursor]?.date ?? '') <= date) {
      doneIssues += resolved[cursor]?.issues ?? 0;
      donePoints += resolved[cursor]?.points ?? 0;
      cursor++;
    }
    points.push({
      date,
      scopeIssues: live.scopeIssues,
      doneIssues,
      scopePoints: live.scopePoints,
      donePoints: round2(donePoints),
    });
  }
  // Today's point is the live one: the same numbers the progress bars show.
  points[points.length - 1] = live;
  return {
    source: 'reconstructed',
    points,
    note: 'Reconstructed: no daily history yet, so done work is rebuilt from when issues were resolved and the scope line is today’s scope. The daily snapshot records the real history from now on.',
  };
}

/** The burn-up a viewer sees: history when there is any for their projects, else a reconstruction. */
export function burnUpFor(
  snapshots: readonly ProgressSnapshot[],
  initiatives: readonly ExecutionInitiative[],
  today: string,
): BurnUp {
  const visible = new Set(initiatives.map((i) => i.projectKey));
  const earlier = snapshots.filter(
    (s) => s.date < today && Object.keys(s.projects).some((p) => visible.has(p)),
  );
  if (earlier.length === 0) return reconstructBurnUp(initiatives, today);
  return burnUpFromHistory(earlier, visible, pointOf(today, totalsByProject(initiatives), null));
}
