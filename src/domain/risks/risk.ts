export type RiskStatus = 'open' | 'mitigating' | 'accepted' | 'closed' | 'happened';
export const RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigating', 'accepted', 'closed', 'happened'];
export type RiskSource = 'manual' | 'detected';

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
