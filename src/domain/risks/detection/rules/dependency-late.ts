// A dependency planned to finish after its dependent starts: the dependent will wait, or start without it.
// The upstream finishes at the later of its current schedule's end sprint and its Jira target date; the
// dependent starts at the earlier of its planned start sprint (the baseline's when there is one, the
// current schedule's otherwise) and its Jira start date.
// Probability 4 when it overlaps two sprints (or 15 days) or more, else 3; impact 4 across teams, else 3.
import type { Sprint } from '../../../calendar/types';
import {
  count,
  days as dayCount,
  daysBetween,
  earlierOf,
  laterOf,
  type RiskFacts,
  type RiskRule,
} from '../facts';

interface Dated {
  date: string;
  /** Where the date comes from, for the reason. */
  source: string;
}

const sprintHolding = (sprints: readonly Sprint[], date: string) =>
  sprints.findIndex((s) => s.start <= date && date <= s.end);

function upstreamFinish({ byKey, watched }: RiskFacts, key: string): Dated | undefined {
  const placed = watched?.schedule?.initiatives.find((p) => p.key === key);
  const planned = placed ? watched?.plan.calendar.sprints[placed.endSprint]?.end : undefined;
  const target = byKey.get(key)?.targetDate;
  const date = laterOf(planned, target);
  if (date === undefined) return undefined;
  return {
    date,
    source: date === planned ? `its end in the ${watched?.plan.quarter} plan` : 'its Jira target date',
  };
}

function dependentStart({ byKey, watched }: RiskFacts, key: string): Dated | undefined {
  const frozen = watched?.baseline?.schedule.find((e) => e.key === key && e.startSprint !== null);
  const placed = watched?.schedule?.initiatives.find((p) => p.key === key);
  const planned =
    frozen && frozen.startSprint !== null
      ? { date: watched?.baseline?.sprints[frozen.startSprint]?.start, source: 'its start in the baseline' }
      : placed
        ? { date: watched?.plan.calendar.sprints[placed.startSprint]?.start, source: 'its planned start' }
        : undefined;
  const jira = byKey.get(key)?.startDate;
  const date = earlierOf(planned?.date, jira);
  if (date === undefined) return undefined;
  return { date, source: date === planned?.date ? (planned?.source ?? '') : 'its Jira start date' };
}

export const dependencyLate: RiskRule = {
  id: 'dependency-late',
  detect(facts) {
    const { state, byKey, isDone, teamIdsOf, watched } = facts;
    const sprints = watched?.plan.calendar.sprints ?? [];
    return state.edges.flatMap((edge) => {
      const { from, to } = edge;
      if (!byKey.has(from) || !byKey.has(to) || isDone(from) || isDone(to)) return [];
      const finish = upstreamFinish(facts, from);
      const start = dependentStart(facts, to);
      if (!finish || !start || finish.date < start.date) return [];
      const finishSprint = sprintHolding(sprints, finish.date);
      const startSprint = sprintHolding(sprints, start.date);
      const days = daysBetween(start.date, finish.date) + 1;
      const overlap =
        finishSprint >= 0 && startSprint >= 0
          ? count(finishSprint - startSprint + 1, 'sprint')
          : dayCount(days);
      const long = finishSprint >= 0 && startSprint >= 0 ? finishSprint - startSprint + 1 >= 2 : days >= 15;
      return [
        {
          rule: 'dependency-late' as const,
          fingerprint: `dependency-late:${from}>${to}`,
          title: `${to} waits for ${from}, planned to finish later`,
          reason:
            `${to} is blocked by ${from}, which is planned to finish ${overlap} later ` +
            `(ends ${finish.date}, ${to} starts ${start.date}). ` +
            `${from}'s end is ${finish.source}; ${to}'s start is ${start.source}.`,
          probability: long ? 4 : 3,
          impact: edge.crossTeam ? 4 : 3,
          initiativeKeys: [from, to],
          teamIds: teamIdsOf([from, to]),
        },
      ];
    });
  },
};
