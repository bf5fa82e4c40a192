// Risks that happened become problems: someone owns them until they are resolved. Every status change is
// kept in the risk's history.
import { withStatusChange, type Risk, type RiskStatus } from './risk';

export interface ProblemRecord {
  description: string;
  ownerAccountId: string;
}

export interface ProblemUpdate {
  resolution: string;
  /** ISO date it was resolved; null reopens a resolved problem. */
  resolvedAt: string | null;
  ownerAccountId?: string;
}

export type ProblemRefusal =
  | { kind: 'already-a-problem'; message: string }
  | { kind: 'not-a-problem'; message: string }
  | { kind: 'resolved-before-it-happened'; message: string };

export type ProblemDecision = { ok: true; risk: Risk } | { ok: false; refusal: ProblemRefusal };

const moved = (risk: Risk, to: RiskStatus, at: string, by: string, note: string): Risk =>
  risk.status === to
    ? risk
    : { ...risk, status: to, history: withStatusChange(risk, { at, by, from: risk.status, to, note }) };

/** Marks a risk as happened, with what happened and who owns dealing with it. */
export function recordProblem(risk: Risk, record: ProblemRecord, at: string, by: string): ProblemDecision {
  if (risk.problem)
    return {
      ok: false,
      refusal: {
        kind: 'already-a-problem',
        message: `“${risk.title}” is already a problem since ${risk.problem.happenedAt.slice(0, 10)}; update it instead.`,
      },
    };
  const problem = {
    description: record.description,
    ownerAccountId: record.ownerAccountId,
    resolution: '',
    happenedAt: at,
    resolvedAt: null,
  };
  return { ok: true, risk: moved({ ...risk, problem }, 'happened', at, by, 'recorded as a problem') };
}

/** Records how a problem is dealt with; a resolution date closes it, clearing the date reopens it. */
export function updateProblem(risk: Risk, update: ProblemUpdate, at: string, by: string): ProblemDecision {
  const current = risk.problem;
  if (!current)
    return {
      ok: false,
      refusal: {
        kind: 'not-a-problem',
        message: `“${risk.title}” has not happened; record it as a problem first.`,
      },
    };
  if (update.resolvedAt !== null && update.resolvedAt < current.happenedAt.slice(0, 10))
    return {
      ok: false,
      refusal: {
        kind: 'resolved-before-it-happened',
        message: `A problem cannot be resolved (${update.resolvedAt}) before it happened (${current.happenedAt.slice(0, 10)}).`,
      },
    };
  const problem = {
    ...current,
    resolution: update.resolution,
    resolvedAt: update.resolvedAt,
    ownerAccountId: update.ownerAccountId ?? current.ownerAccountId,
  };
  let next: Risk = { ...risk, problem };
  if (update.resolvedAt !== null && current.resolvedAt === null)
    next = moved(next, 'closed', at, by, 'problem resolved');
  else if (update.resolvedAt === null && current.resolvedAt !== null)
    next = moved(next, 'happened', at, by, 'problem reopened');
  return { ok: true, risk: next };
}
