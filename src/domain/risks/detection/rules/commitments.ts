// Cross-team dependencies of the plan whose upstream team has not promised delivery: declined, said to be
// at risk, or left unanswered past the alignment session (past the quarter's first day when no session date
// is set). A dependency counts when its dependent is chosen in the plan and neither end is done.
//   declined: probability 5 (the team said no), impact 4;
//   at risk:  probability 3, impact 4;
//   missing:  probability 3, impact 3.
import type { Commitment } from '../../../plan/types';
import type { DetectedRisk } from '../types';
import type { RiskFacts, RiskRule } from '../facts';

interface Open {
  from: string;
  to: string;
  commitment: Commitment | undefined;
}

function openCommitments({ state, byKey, isDone, watched }: RiskFacts): Open[] {
  if (!watched) return [];
  const chosen = new Set(watched.plan.initiatives.map((i) => i.key));
  return state.edges
    .filter((e) => e.crossTeam && chosen.has(e.to) && byKey.has(e.from) && byKey.has(e.to))
    .filter((e) => !isDone(e.from) && !isDone(e.to))
    .map((e) => ({
      from: e.from,
      to: e.to,
      commitment: watched.plan.commitments.find((c) => c.from === e.from && c.to === e.to),
    }));
}

const upstreamTeam = (facts: RiskFacts, key: string) => {
  const id = facts.teamIdOf(key);
  return id ? facts.teamName(id) : `The team delivering ${key}`;
};
const quoted = (reason: string | null) => (reason ? `: “${reason}”` : '');
const on = (at: string | null) => (at ? ` on ${at.slice(0, 10)}` : '');

function risk(
  facts: RiskFacts,
  rule: DetectedRisk['rule'],
  { from, to }: Open,
  text: { title: string; reason: string; probability: number; impact: number },
): DetectedRisk {
  return {
    rule,
    fingerprint: `${rule}:${from}>${to}`,
    ...text,
    initiativeKeys: [from, to],
    teamIds: facts.teamIdsOf([from, to]),
  };
}

export const commitmentDeclined: RiskRule = {
  id: 'commitment-declined',
  detect(facts) {
    return openCommitments(facts)
      .filter((o) => o.commitment?.status === 'declined')
      .map((o) =>
        risk(facts, 'commitment-declined', o, {
          title: `${o.from} → ${o.to}: commitment declined`,
          reason:
            `${upstreamTeam(facts, o.from)} declined to deliver ${o.from} for ${o.to}${on(o.commitment?.at ?? null)}` +
            `${quoted(o.commitment?.reason ?? null)}. ${o.to} waits for work its team will not get in time.`,
          probability: 5,
          impact: 4,
        }),
      );
  },
};

export const commitmentAtRisk: RiskRule = {
  id: 'commitment-at-risk',
  detect(facts) {
    return openCommitments(facts)
      .filter((o) => o.commitment?.status === 'at-risk')
      .map((o) =>
        risk(facts, 'commitment-at-risk', o, {
          title: `${o.from} → ${o.to}: commitment at risk`,
          reason:
            `${upstreamTeam(facts, o.from)} says delivering ${o.from} for ${o.to} is at risk${on(o.commitment?.at ?? null)}` +
            `${quoted(o.commitment?.reason ?? null)}.`,
          probability: 3,
          impact: 4,
        }),
      );
  },
};

export const commitmentMissing: RiskRule = {
  id: 'commitment-missing',
  detect(facts) {
    const { watched, state } = facts;
    if (!watched) return [];
    const { plan } = watched;
    const sessionDate = plan.session.date;
    const deadline = sessionDate ?? plan.calendar.sprints[0]?.start;
    if (deadline === undefined || state.today <= deadline) return [];
    const since = sessionDate
      ? `since the alignment session on ${sessionDate}`
      : `although the ${plan.quarter} plan started on ${deadline}`;
    return openCommitments(facts)
      .filter((o) => o.commitment === undefined || o.commitment.status === 'proposed')
      .map((o) =>
        risk(facts, 'commitment-missing', o, {
          title: `${o.from} → ${o.to}: no commitment`,
          reason: `${upstreamTeam(facts, o.from)} has not committed to deliver ${o.from} for ${o.to} ${since}.`,
          probability: 3,
          impact: 3,
        }),
      );
  },
};
