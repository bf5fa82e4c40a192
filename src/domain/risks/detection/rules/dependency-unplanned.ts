// A planned initiative waits for one nobody planned: the upstream epic is neither chosen in the plan nor done.
// Probability 4 (unplanned work is not scheduled, so rarely on time), impact 4 (the planned dependent stalls).
import type { RiskRule } from '../facts';

export const dependencyUnplanned: RiskRule = {
  id: 'dependency-unplanned',
  detect({ state, byKey, isDone, teamIdsOf, watched }) {
    if (!watched) return [];
    const { plan } = watched;
    const chosen = new Set(plan.initiatives.map((i) => i.key));
    return state.edges.flatMap(({ from, to }) => {
      if (
        !byKey.has(from) ||
        !byKey.has(to) ||
        !chosen.has(to) ||
        chosen.has(from) ||
        isDone(from) ||
        isDone(to)
      )
        return [];
      return [
        {
          rule: 'dependency-unplanned' as const,
          fingerprint: `dependency-unplanned:${from}>${to}`,
          title: `${to} depends on ${from}, which is not planned`,
          reason:
            `${to} is in the ${plan.quarter} plan and depends on ${from}, which is neither in the plan nor done: ` +
            `nobody has planned the work ${to} waits for.`,
          probability: 4,
          impact: 4,
          initiativeKeys: [from, to],
          teamIds: teamIdsOf([from, to]),
        },
      ];
    });
  },
};
