// Initiatives chosen in the plan in force that its latest baseline does not hold: work the teams did not
// agree to when the plan was frozen, taking capacity from what they did.
// Probability 3, impact 3.
import { byIssueKey, count, type RiskRule } from '../facts';

export const scopeAddedAfterBaseline: RiskRule = {
  id: 'scope-added-after-baseline',
  detect({ byKey, isDone, teamIdOf, teamIdsOf, teamName, watched }) {
    const baseline = watched?.baseline;
    if (!watched || !baseline) return [];
    const frozen = new Set(baseline.initiatives.map((i) => i.key));
    const added = byIssueKey(watched.plan.initiatives.map((i) => i.key)).filter(
      (key) => !frozen.has(key) && byKey.has(key) && !isDone(key),
    );
    return added.map((key) => {
      const estimate = watched.plan.estimates
        .filter((e) => e.initiativeKey === key && e.sprints > 0)
        .map((e) => `${count(e.sprints, 'sprint')} of ${teamName(e.teamId)}`);
      const team = teamIdOf(key);
      return {
        rule: 'scope-added-after-baseline' as const,
        fingerprint: `scope-added-after-baseline:${key}`,
        title: `${key} added after the baseline`,
        reason:
          `${key} joined the ${watched.plan.quarter} plan after the baseline of ${baseline.frozenAt.slice(0, 10)}` +
          (baseline.note ? ` (“${baseline.note}”)` : '') +
          (estimate.length > 0
            ? `; it takes ${estimate.join(' and ')}.`
            : `; ${team ? teamName(team) : 'its team'} has not estimated it yet.`),
        probability: 3,
        impact: 3,
        initiativeKeys: [key],
        teamIds: teamIdsOf([key]),
      };
    });
  },
};
