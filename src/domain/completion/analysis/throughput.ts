// Throughput per sprint: child issues resolved in each sprint of every plan's calendar, by count and points.
import type { ExecutionInitiative } from '../../execution/state';
import type { ProgramSprint } from './calendar';

export interface SprintThroughput {
  quarter: string;
  sprint: string;
  start: string;
  end: string;
  resolved: number;
  points: number;
  /** Resolved issues without story points (counted, not in `points`). */
  unpointed: number;
}

export interface Throughput {
  sprints: SprintThroughput[];
  /** Resolved on a day no plan's sprint covers. */
  outsideSprints: number;
  /** Done, but Jira gives no resolution date. */
  undated: number;
}

export function throughput(
  initiatives: readonly ExecutionInitiative[],
  calendar: readonly ProgramSprint[],
): Throughput {
  const sprints = calendar.map((s): SprintThroughput => ({
    quarter: s.quarter,
    sprint: s.name,
    start: s.start,
    end: s.end,
    resolved: 0,
    points: 0,
    unpointed: 0,
  }));
  let outsideSprints = 0;
  let undated = 0;
  for (const child of initiatives.flatMap((i) => i.children)) {
    if (child.resolvedAt === undefined) {
      if (child.status === 'done') undated++;
      continue;
    }
    const day = child.resolvedAt.slice(0, 10);
    const sprint = sprints.find((s) => s.start <= day && day <= s.end);
    if (!sprint) {
      outsideSprints++;
      continue;
    }
    sprint.resolved++;
    if (child.storyPoints === null) sprint.unpointed++;
    else sprint.points += child.storyPoints;
  }
  return { sprints, outsideSprints, undated };
}
