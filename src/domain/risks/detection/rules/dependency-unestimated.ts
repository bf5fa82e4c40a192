// A dependency nobody has estimated: the scheduler cannot place it, nor its dependent after it. With a plan,
// "estimated" means a team gave sprints for it in the plan; before any plan, story points in Jira.
// Probability 4 (an unestimated epic is rarely delivered on time), impact 3.
import type { RiskRule } from '../facts';

export const dependencyUnestimated: RiskRule = {
  id: 'dependency-unestimated',
  detect({ state, byKey, isDone, teamIdsOf, teamIdOf, teamName, watched }) {
    const chosen = watched ? new Set(watched.plan.initiatives.map((i) => i.key)) : null;
    const estimated = new Set(
      watched?.plan.estimates.filter((e) => e.sprints > 0).map((e) => e.initiativeKey),
    );
    return state.edges.flatMap(({ from, to }) => {
      const upstream = byKey.get(from);
      if (!upstream || !byKey.has(to) || isDone(from) || isDone(to)) return [];
      let where: string;
      if (watched && chosen) {
        // Dependencies outside the plan are the unplanned rule's.
        if (!chosen.has(to) || !chosen.has(from) || estimated.has(from)) return [];
        where = `has no estimate in the ${watched.plan.quarter} plan, so the schedule can place neither it nor ${to}`;
      } else {
        if (upstream.estimate !== null) return [];
        where = 'has no estimate in Jira (no story points on it or its child issues)';
      }
      const team = teamIdOf(from);
      return [
        {
          rule: 'dependency-unestimated' as const,
          fingerprint: `dependency-unestimated:${from}>${to}`,
          title: `${to} depends on ${from}, which has no estimate`,
          reason:
            `${to} depends on ${from}, which ${where}.` + (team ? ` ${teamName(team)} can estimate it.` : ''),
          probability: 4,
          impact: 3,
          initiativeKeys: [from, to],
          teamIds: teamIdsOf([from, to]),
        },
      ];
    });
  },
};
