// An initiative past its Jira target date and not done.
// Probability 5 (the date is already missed), impact 3, 4 when an open initiative waits for it.
import { days, daysBetween, type RiskRule } from '../facts';

export const pastTargetDate: RiskRule = {
  id: 'past-target-date',
  detect({ state, isDone, teamIdsOf }) {
    return state.initiatives.flatMap((i) => {
      if (i.targetDate === undefined || i.targetDate >= state.today || isDone(i.key)) return [];
      const children = i.children.length;
      const done = i.children.filter((c) => c.status === 'done').length;
      const waiting = state.edges.filter((e) => e.from === i.key && !isDone(e.to)).map((e) => e.to);
      const late = daysBetween(i.targetDate, state.today);
      return [
        {
          rule: 'past-target-date' as const,
          fingerprint: `past-target-date:${i.key}`,
          title: `${i.key} is past its target date`,
          reason:
            `${i.key} was due ${i.targetDate} (${days(late)} ago) and is not done: ${i.status.name}` +
            (children > 0 ? `, ${done} of ${children} child issues done.` : '.') +
            (waiting.length > 0
              ? ` ${waiting.join(', ')} wait${waiting.length === 1 ? 's' : ''} for it.`
              : ''),
          probability: 5,
          impact: waiting.length > 0 ? 4 : 3,
          initiativeKeys: [i.key, ...waiting],
          teamIds: teamIdsOf([i.key]),
        },
      ];
    });
  },
};
