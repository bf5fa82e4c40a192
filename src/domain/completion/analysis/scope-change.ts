// Scope change per quarter: the initiatives added to or removed from the plan since its first baseline,
// by count and by story points.
import type { PlanEstimate } from '../../plan/types';
import { compareIssueKeys } from '../../scope/issue-key';
import type { QuarterBaselines } from './baselines';

export interface ScopeDelta {
  key: string;
  /** Story points: the epic's estimate from Jira, else the plan's estimates; null when nobody gave any. */
  points: number | null;
}

export interface QuarterScopeChange {
  quarter: string;
  /** The first baseline the change is measured against; null when the quarter was never frozen. */
  baseline: { id: string; frozenAt: string } | null;
  baselineCount: number;
  currentCount: number;
  added: ScopeDelta[];
  removed: ScopeDelta[];
  addedPoints: number;
  removedPoints: number;
  /** Added or removed initiatives without points (not in the sums). */
  unpointed: number;
}

export interface PlanScope {
  quarter: string;
  initiatives: readonly { key: string }[];
  estimates: readonly PlanEstimate[];
}

const sumPoints = (estimates: readonly PlanEstimate[], key: string): number | null => {
  const points = estimates.filter((e) => e.initiativeKey === key && e.storyPoints !== null);
  return points.length === 0 ? null : points.reduce((sum, e) => sum + (e.storyPoints ?? 0), 0);
};

export function scopeChange(
  plan: PlanScope,
  baselines: QuarterBaselines | undefined,
  jiraPoints: ReadonlyMap<string, number | null>,
): QuarterScopeChange {
  const first = baselines?.first ?? null;
  const current = new Set(plan.initiatives.map((i) => i.key));
  if (!first)
    return {
      quarter: plan.quarter,
      baseline: null,
      baselineCount: 0,
      currentCount: current.size,
      added: [],
      removed: [],
      addedPoints: 0,
      removedPoints: 0,
      unpointed: 0,
    };
  const before = new Set(first.initiatives.map((i) => i.key));
  const pointsOf = (key: string): number | null =>
    jiraPoints.get(key) ?? sumPoints(plan.estimates, key) ?? sumPoints(first.estimates, key);
  const delta = (keys: string[]) =>
    keys.sort(compareIssueKeys).map((key): ScopeDelta => ({ key, points: pointsOf(key) }));
  const added = delta([...current].filter((k) => !before.has(k)));
  const removed = delta([...before].filter((k) => !current.has(k)));
  const sum = (list: ScopeDelta[]) => list.reduce((s, d) => s + (d.points ?? 0), 0);
  return {
    quarter: plan.quarter,
    baseline: { id: first.id, frozenAt: first.frozenAt },
    baselineCount: before.size,
    currentCount: current.size,
    added,
    removed,
    addedPoints: sum(added),
    removedPoints: sum(removed),
    unpointed: [...added, ...removed].filter((d) => d.points === null).length,
  };
}
