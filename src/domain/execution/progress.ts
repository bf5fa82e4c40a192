// Progress of the program and of each initiative, rolled up from the children's status categories, by issue
// count and by estimate (story points). An epic with no children counts as one issue of its own.
import type { StatusCategory } from '../initiative/initiative';
import type { ExecutionInitiative } from './state';

/** Issues (or points) by status category. */
export interface ProgressTally {
  total: number;
  done: number;
  inProgress: number;
  toDo: number;
}

export interface Progress {
  issues: ProgressTally;
  /** Story points; all zero when nobody estimated. */
  points: ProgressTally;
  /** Share of the issues done, 0–100, rounded down (100 only when all are done); null with no issues. */
  percentByCount: number | null;
  /** Share of the points done, 0–100, rounded down; null when there are no points. */
  percentByPoints: number | null;
  /** Issues counted without points (their points are unknown). */
  unestimatedIssues: number;
}

export interface InitiativeProgress extends Progress {
  key: string;
  /** How its points were found: its children's, its own spread over its children, its own, or none. */
  pointsFrom: 'children' | 'epic-spread' | 'epic' | 'none';
}

export interface ProgramProgress extends Progress {
  /** Initiatives by the epic's own status category. */
  initiatives: ProgressTally;
  byInitiative: InitiativeProgress[];
}

export const emptyTally = (): ProgressTally => ({ total: 0, done: 0, inProgress: 0, toDo: 0 });

function add(tally: ProgressTally, category: StatusCategory, amount: number): void {
  tally.total += amount;
  if (category === 'done') tally.done += amount;
  else if (category === 'indeterminate') tally.inProgress += amount;
  else tally.toDo += amount;
}

const sum = (a: ProgressTally, b: ProgressTally): ProgressTally => ({
  total: a.total + b.total,
  done: a.done + b.done,
  inProgress: a.inProgress + b.inProgress,
  toDo: a.toDo + b.toDo,
});

/** `part` of `whole` as 0–100, rounded down so that 100 means everything; null when there is no whole. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(100, Math.floor((100 * part) / whole + 1e-9));
}

/** Rounds story points to two decimals: spread points are fractions. */
const points = (n: number) => Math.round(n * 100) / 100;

const roundTally = (t: ProgressTally): ProgressTally => ({
  total: points(t.total),
  done: points(t.done),
  inProgress: points(t.inProgress),
  toDo: points(t.toDo),
});

function withPercents<T extends { issues: ProgressTally; points: ProgressTally }>(
  p: T,
): T & Pick<Progress, 'percentByCount' | 'percentByPoints'> {
  return {
    ...p,
    percentByCount: percentOf(p.issues.done, p.issues.total),
    percentByPoints: percentOf(p.points.done, p.points.total),
  };
}

/**
 * One initiative's progress. With children: their statuses by count, and their story points; when no child has
 * points but the epic does, the epic's points are spread evenly over its children (so the estimate follows
 * the work done). Without children: the epic is its own single issue, with its own points.
 */
export function initiativeProgress(initiative: ExecutionInitiative): InitiativeProgress {
  const issues = emptyTally();
  const pts = emptyTally();
  let unestimatedIssues = 0;
  let pointsFrom: InitiativeProgress['pointsFrom'] = 'none';
  const children = initiative.children;
  if (children.length === 0) {
    add(issues, initiative.status.category, 1);
    if (initiative.storyPoints !== null && initiative.storyPoints > 0) {
      add(pts, initiative.status.category, initiative.storyPoints);
      pointsFrom = 'epic';
    } else unestimatedIssues = 1;
  } else {
    const childPoints = children.some((c) => c.storyPoints !== null && c.storyPoints > 0);
    const spread =
      !childPoints && initiative.storyPoints !== null && initiative.storyPoints > 0
        ? initiative.storyPoints / children.length
        : null;
    for (const child of children) {
      add(issues, child.status, 1);
      if (spread !== null) add(pts, child.status, spread);
      else if (child.storyPoints !== null && child.storyPoints > 0) add(pts, child.status, child.storyPoints);
      else unestimatedIssues++;
    }
    pointsFrom = spread !== null ? 'epic-spread' : childPoints ? 'children' : 'none';
  }
  return {
    key: initiative.key,
    pointsFrom,
    unestimatedIssues,
    ...withPercents({ issues, points: roundTally(pts) }),
  };
}

/** The program's progress: every initiative's rolled up, and the initiatives themselves by status. */
export function programProgress(initiatives: readonly ExecutionInitiative[]): ProgramProgress {
  const byInitiative = initiatives.map(initiativeProgress);
  const tallies = emptyTally();
  for (const i of initiatives) add(tallies, i.status.category, 1);
  const issues = byInitiative.reduce((t, p) => sum(t, p.issues), emptyTally());
  const pts = byInitiative.reduce((t, p) => sum(t, p.points), emptyTally());
  return {
    initiatives: tallies,
    byInitiative,
    unestimatedIssues: byInitiative.reduce((n, p) => n + p.unestimatedIssues, 0),
    ...withPercents({ issues, points: roundTally(pts) }),
  };
}

/** "42 of 120 issues done (35%)", for reasons and reports. */
export function progressText(p: Progress, measure: 'issues' | 'points'): string {
  if (measure === 'issues')
    return `${p.issues.done} of ${p.issues.total} issues done (${p.percentByCount ?? 0}%)`;
  return `${p.points.done} of ${p.points.total} story points done (${p.percentByPoints ?? 0}%)`;
}
