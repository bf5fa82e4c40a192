// A team with more planned work than capacity: initiatives the scheduler could not fit for lack of the team's
// room (capacity, a pin into full sprints, more sprints than the quarter), sprints loaded beyond capacity,
// a team with no capacity at all included. One risk per team.
// Probability 5 (the work already does not fit), impact 3, 4 when something planned waits for it.
import type { RiskRule } from '../facts';
import { byIssueKey, listOf } from '../facts';

const EPSILON = 1e-9;

export const teamOverCapacity: RiskRule = {
  id: 'team-over-capacity',
  detect({ state, teamName, watched }) {
    const schedule = watched?.schedule;
    if (!watched || !schedule) return [];
    const { plan } = watched;
    const sprintName = (i: number) => plan.calendar.sprints[i]?.name ?? `sprint ${i + 1}`;
    const byTeam = new Map<string, { keys: string[]; causes: string[] }>();
    const entry = (team: string) => {
      const found = byTeam.get(team) ?? { keys: [], causes: [] };
      byTeam.set(team, found);
      return found;
    };
    // The scheduler names teams by id; the TPM reads them by name.
    const readable = (text: string, team: string) => text.split(`team ${team}`).join(teamName(team));

    for (const u of schedule.unplaced) {
      const team = u.blockedBy.team;
      const forRoom =
        u.reason === 'capacity' ||
        u.reason === 'pin-conflict' ||
        (u.reason === 'beyond-quarter' && u.blockedBy.dependency === undefined);
      if (team === undefined || !forRoom) continue;
      const e = entry(team);
      e.keys.push(u.key);
      e.causes.push(readable(u.detail, team));
    }
    for (const load of schedule.load) {
      const over = load.used.flatMap((used, s) =>
        used > load.capacityPerSprint + EPSILON
          ? [`${sprintName(s)} (${used} of ${load.capacityPerSprint})`]
          : [],
      );
      if (over.length > 0) entry(load.team).causes.push(`Loaded beyond capacity in ${listOf(over)}.`);
    }

    const waitedFor = new Set(
      state.edges.filter((e) => plan.initiatives.some((i) => i.key === e.to)).map((e) => e.from),
    );
    return [...byTeam.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([team, { keys, causes }]) => {
        const unfit = byIssueKey(keys);
        const name = teamName(team);
        const load = schedule.load.find((l) => l.team === team);
        const full = (load?.used ?? []).flatMap((used, s) =>
          load && used >= load.capacityPerSprint - EPSILON ? [sprintName(s)] : [],
        );
        const summary =
          unfit.length > 0
            ? `${name} cannot fit ${listOf(unfit)} in the ${plan.quarter} plan` +
              (full.length > 0 ? `; its capacity is used up in ${listOf(full)}.` : '.')
            : `${name} is planned beyond its capacity in the ${plan.quarter} plan.`;
        return {
          rule: 'team-over-capacity' as const,
          fingerprint: `team-over-capacity:${team}`,
          title: `${name} is over capacity in ${plan.quarter}`,
          reason: [summary, ...causes].join(' '),
          probability: 5,
          impact: unfit.some((k) => waitedFor.has(k)) ? 4 : 3,
          initiativeKeys: unfit,
          teamIds: [team],
        };
      });
  },
};
