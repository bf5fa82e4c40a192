import type { RiskRuleId } from './detection/types';

export type RiskStatus = 'open' | 'mitigating' | 'accepted' | 'closed' | 'happened';
export const RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigating', 'accepted', 'closed', 'happened'];
export type RiskSource = 'manual' | 'detected';

/** One status change of a risk; `by` is null when the app made it (detection). */
export interface RiskStatusChange {
  at: string;
  by: string | null;
  /** null on the entry that opened the risk. */
  from: RiskStatus | null;
  to: RiskStatus;
  note: string;
}

/** A risk that happened: someone owns dealing with it until it is resolved. */
export interface Problem {
  /** What happened. */
  description: string;
  ownerAccountId: string;
  /** What was or is being done about it. */
  resolution: string;
  /** ISO date-time it was recorded as happened. */
  happenedAt: string;
  /** ISO date it was resolved; null while open. */
  resolvedAt: string | null;
}

export interface Risk {
  id: string;
  title: string;
  /** 1 (rare) to 5 (almost certain). */
  probability: number;
  /** 1 (negligible) to 5 (severe). */
  impact: number;
  ownerAccountId: string | null;
  mitigation: string;
  status: RiskStatus;
  source: RiskSource;
  /** Detected risks: the rule that found it and the condition's fingerprint (stable while it holds). */
  rule?: RiskRuleId;
  fingerprint?: string;
  /** Detected risks: why, as the rule last said it. */
  reason?: string;
  /** Detected risks: the issues it names (viewers who cannot browse one of them are not shown it). */
  initiativeKeys?: string[];
  /** Detected risks: the program teams concerned. */
  teamIds?: string[];
  /** First detected (ISO date-time). */
  detectedAt?: string;
  /** When the condition was last found cleared; absent while it holds. */
  clearedAt?: string;
  /** Every status change, oldest first; absent on risks stored before history was kept. */
  history?: RiskStatusChange[];
  /** Set once the risk happened. */
  problem?: Problem;
}

export type RiskSeverity = 'low' | 'medium' | 'high' | 'critical';

export const riskScore = (risk: Pick<Risk, 'probability' | 'impact'>): number =>
  risk.probability * risk.impact;

export function riskSeverity(risk: Pick<Risk, 'probability' | 'impact'>): RiskSeverity {
  const score = riskScore(risk);
  if (score >= 15) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

/** The fields the register's edit form sets (the Overview's risks). */
export type RiskFields = Pick<
  Risk,
  'title' | 'probability' | 'impact' | 'ownerAccountId' | 'mitigation' | 'status'
>;

/**
 * A risk after an edit of its fields: what detection and problems recorded stays, and a status change joins
 * the history.
 */
export function reviseRisk(
  id: string,
  fields: RiskFields,
  current: Risk | undefined,
  change: { at: string; by: string },
): Risk {
  const next: Risk = { ...current, id, ...fields, source: current?.source ?? 'manual' };
  if (!current) return { ...next, history: [{ ...change, from: null, to: fields.status, note: 'recorded' }] };
  if (current.status === fields.status) return next;
  return {
    ...next,
    history: withStatusChange(current, {
      ...change,
      from: current.status,
      to: fields.status,
      note: 'edited',
    }),
  };
}

/** Status changes kept per risk: the opening entry and the latest ones. */
export const HISTORY_LIMIT = 50;

/** The history with one more status change, keeping the opening entry and the latest ones. */
export function withStatusChange(risk: Pick<Risk, 'history'>, change: RiskStatusChange): RiskStatusChange[] {
  const history = [...(risk.history ?? []), change];
  if (history.length <= HISTORY_LIMIT) return history;
  return [history[0]!, ...history.slice(history.length - HISTORY_LIMIT + 1)];
}

const isLive = (risk: Risk) => risk.status !== 'closed';

/**
 * The 5×5 heat map of live risks: `cells[impact - 1][probability - 1]` holds the ids of the risks
 * there. Closed risks are left off; risks that happened stay, they are problems now.
 */
export function heatMap(risks: readonly Risk[]): string[][][] {
  const cells = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
  for (const risk of risks.filter(isLive)) cells[risk.impact - 1]?.[risk.probability - 1]?.push(risk.id);
  return cells;
}

/** Live risks, worst first. */
export function rankRisks(risks: readonly Risk[]): Risk[] {
  return risks
    .filter(isLive)
    .sort((a, b) => riskScore(b) - riskScore(a) || b.impact - a.impact || a.title.localeCompare(b.title));
}
