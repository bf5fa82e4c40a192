// Who may answer for a cross-team dependency, and what an answer must carry.
import type { Commitment, CommitmentStatus } from './types';

/** A dependency `to` waits for `from`, between initiatives of two program teams. */
export interface CrossTeamDependency {
  readonly from: string;
  readonly to: string;
  /** The upstream team: it delivers `from`, so it commits. */
  readonly fromTeamId: string | null;
  readonly toTeamId: string | null;
}

export interface CommitmentActor {
  readonly accountId: string;
  readonly isOwner: boolean;
  readonly leadOfTeamIds: readonly string[];
}

export interface CommitmentChange {
  readonly from: string;
  readonly to: string;
  readonly status: CommitmentStatus;
  readonly reason?: string | undefined;
}

export type CommitmentRefusal =
  | { kind: 'unknown-dependency'; message: string }
  | { kind: 'not-upstream-lead'; message: string }
  | { kind: 'reason-required'; message: string };

export type CommitmentDecision =
  { ok: true; commitment: Commitment } | { ok: false; refusal: CommitmentRefusal };

export const dependencyId = (from: string, to: string): string => `${from}->${to}`;

/** A dependency nobody has answered for yet. */
export const proposedCommitment = (from: string, to: string): Commitment => ({
  from,
  to,
  status: 'proposed',
  reason: null,
  by: null,
  at: null,
});

/**
 * Applies one answer: only a cross-team dependency of the quarter, only by the upstream team's lead or a
 * program owner, and a declined one must say why.
 */
export function decideCommitment(
  dependency: CrossTeamDependency | undefined,
  change: CommitmentChange,
  actor: CommitmentActor,
  at: string,
): CommitmentDecision {
  const name = `${change.from} → ${change.to}`;
  if (!dependency)
    return {
      ok: false,
      refusal: {
        kind: 'unknown-dependency',
        message: `${name} is not a cross-team dependency of this quarter's initiatives.`,
      },
    };
  const isUpstreamLead =
    dependency.fromTeamId !== null && actor.leadOfTeamIds.includes(dependency.fromTeamId);
  if (!actor.isOwner && !isUpstreamLead)
    return {
      ok: false,
      refusal: {
        kind: 'not-upstream-lead',
        message: `Only the lead of the team delivering ${change.from}, or a program owner, can commit to ${name}.`,
      },
    };
  const reason = change.reason?.trim() ?? '';
  if (change.status === 'declined' && reason === '')
    return {
      ok: false,
      refusal: { kind: 'reason-required', message: `Say why ${name} is declined.` },
    };
  return {
    ok: true,
    commitment: {
      from: change.from,
      to: change.to,
      status: change.status,
      reason: change.status === 'committed' || change.status === 'proposed' || reason === '' ? null : reason,
      by: actor.accountId,
      at,
    },
  };
}

/** Replaces the commitment on the same dependency, keeps the others, in dependency order. */
export function withCommitment(commitments: readonly Commitment[], next: Commitment): Commitment[] {
  return [...commitments.filter((c) => c.from !== next.from || c.to !== next.to), next].sort((a, b) =>
    dependencyId(a.from, a.to).localeCompare(dependencyId(b.from, b.to)),
  );
}
