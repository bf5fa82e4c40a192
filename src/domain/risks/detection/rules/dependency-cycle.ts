// Initiatives that wait for one another: none can finish first, so the scheduler places none of them.
// Probability 5 (the cycle is there now), impact 4 (every initiative on it, and what waits for them, stalls).
import { compareIssueKeys } from '../../../scope/issue-key';
import { byIssueKey, listOf, type RiskRule } from '../facts';

export const dependencyCycle: RiskRule = {
  id: 'dependency-cycle',
  detect({ state, isDone, teamIdsOf }) {
    return state.cycles.flatMap((cycle) => {
      const members = byIssueKey(cycle.path);
      // A cycle among finished work threatens nothing any more.
      if (members.every(isDone)) return [];
      const path = cycle.path.join(' → ');
      const links = [...cycle.evidence]
        .sort((a, b) => compareIssueKeys(a.fromKey, b.fromKey) || compareIssueKeys(a.toKey, b.toKey))
        .map((e) => `${e.fromKey} ${e.linkType.toLowerCase()} ${e.toKey}`);
      return [
        {
          rule: 'dependency-cycle' as const,
          // Sorted members: the same cycle read from another start keeps its fingerprint.
          fingerprint: `dependency-cycle:${members.join(',')}`,
          title: `Dependency cycle: ${path}`,
          reason:
            `${listOf(members)} wait for one another (${path}): none can finish first, so none can be scheduled.` +
            (links.length > 0 ? ` Break one of the Jira links: ${links.join('; ')}.` : ''),
          probability: 5,
          impact: 4,
          initiativeKeys: members,
          teamIds: teamIdsOf(members),
        },
      ];
    });
  },
};
