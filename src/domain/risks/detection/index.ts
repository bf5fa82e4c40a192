// Risk detection: every rule run over the execution state, one risk per condition, worst first.
import type { ExecutionState } from '../../execution/state';
import { riskScore } from '../risk';
import { factsOf, type RiskRule } from './facts';
import { commitmentAtRisk, commitmentDeclined, commitmentMissing } from './rules/commitments';
import { dependencyCycle } from './rules/dependency-cycle';
import { dependencyLate } from './rules/dependency-late';
import { dependencyUnestimated } from './rules/dependency-unestimated';
import { dependencyUnplanned } from './rules/dependency-unplanned';
import { noOkr } from './rules/no-okr';
import { pastTargetDate } from './rules/past-target-date';
import { scopeAddedAfterBaseline } from './rules/scope-added-after-baseline';
import { teamOverCapacity } from './rules/team-over-capacity';
import type { DetectedRisk } from './types';

export type { DetectedRisk, RiskRuleId } from './types';

const ISSUE_KEY = /\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b/g;

/** Every issue key the title and reason name, with those the rule listed: the register hides by these. */
export function withNamedKeys(risk: DetectedRisk): DetectedRisk {
  const named = [...risk.title.matchAll(ISSUE_KEY), ...risk.reason.matchAll(ISSUE_KEY)].map((m) => m[0]);
  const keys = [...new Set([...risk.initiativeKeys, ...named])];
  return keys.length === risk.initiativeKeys.length ? risk : { ...risk, initiativeKeys: keys };
}

/** In the order a tie in severity is listed. */
export const RISK_RULES: readonly RiskRule[] = [
  dependencyCycle,
  dependencyLate,
  dependencyUnestimated,
  dependencyUnplanned,
  teamOverCapacity,
  commitmentDeclined,
  commitmentAtRisk,
  commitmentMissing,
  pastTargetDate,
  scopeAddedAfterBaseline,
  noOkr,
];

/**
 * The risks the program's own data shows today: deduplicated by fingerprint (the first rule to find a
 * condition keeps it), ordered worst first, then by rule, then by fingerprint, so two runs over the same
 * state give the same list.
 */
export function detectRisks(state: ExecutionState): DetectedRisk[] {
  const facts = factsOf(state);
  const found = new Map<string, { risk: DetectedRisk; rule: number }>();
  RISK_RULES.forEach((rule, index) => {
    for (const risk of rule.detect(facts))
      if (!found.has(risk.fingerprint))
        found.set(risk.fingerprint, { risk: withNamedKeys(risk), rule: index });
  });
  return [...found.values()]
    .sort(
      (a, b) =>
        riskScore(b.risk) - riskScore(a.risk) ||
        a.rule - b.rule ||
        (a.risk.fingerprint < b.risk.fingerprint ? -1 : a.risk.fingerprint > b.risk.fingerprint ? 1 : 0),
    )
    .map((f) => f.risk);
}
