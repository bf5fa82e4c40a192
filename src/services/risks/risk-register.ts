// The register as one viewer reads it: stored risks they may see (detected ones naming an issue in a project
// they cannot browse are hidden and counted), what detection finds now that the register does not hold yet,
// the heat map, and what they may do.
import type { PendingRisk, RegisterRisk, RiskRegisterView } from '../../contract';
import type { ProgramRecord } from '../../domain/program/program';
import { detectRisks } from '../../domain/risks/detection';
import { detectedRiskId, riskFromDetection } from '../../domain/risks/register';
import { heatMap, rankRisks, riskScore, riskSeverity, type Risk } from '../../domain/risks/risk';
import type { Versioned } from '../../ports/program-store';
import { allows, authorize } from '../access';
import { loadExecutionState } from '../execution/load-execution-state';
import { toProgramSummary } from '../load-program-initiatives';
import { canManageProblem, viewerFilter } from './access';
import type { RiskRegisterDeps } from './deps';
import { syncDetectedRisks, type RiskSyncResult } from './sync-detected-risks';

export function registerRow(
  program: ProgramRecord,
  accountId: string | undefined,
  risk: Versioned<Risk>,
): RegisterRisk {
  return {
    ...risk,
    severity: riskSeverity(risk),
    score: riskScore(risk),
    canManageProblem: canManageProblem(program, accountId, risk),
  };
}

/** Live risks worst first, then closed ones, most recently cleared first. */
function inRegisterOrder<R extends Risk>(risks: readonly R[]): R[] {
  const closed = risks
    .filter((r) => r.status === 'closed')
    .sort((a, b) => (b.clearedAt ?? '').localeCompare(a.clearedAt ?? '') || a.title.localeCompare(b.title));
  return [...rankRisks(risks), ...closed] as R[];
}

/**
 * Detection runs over what the app sees (`deps.jira` acts as the app), the same view the daily sync uses, so
 * the viewer sees what the register will hold; what names a project they cannot browse is left out.
 */
export async function loadRiskRegister(deps: RiskRegisterDeps, programId: string): Promise<RiskRegisterView> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  const [state, items] = await Promise.all([
    loadExecutionState(deps, program),
    deps.programs.items(program.id),
  ]);
  const at = deps.now();
  const byFingerprint = new Map(items.risk.filter((r) => r.fingerprint).map((r) => [r.fingerprint, r]));
  const notYetSynced = detectRisks(state).flatMap((d) => {
    const stored = byFingerprint.get(d.fingerprint);
    const reopens = stored?.status === 'closed' && stored.clearedAt !== undefined;
    return stored && !reopens ? [] : [{ detected: d, reopens }];
  });
  const filter = await viewerFilter(
    deps,
    [...items.risk, ...notYetSynced.map((p) => ({ source: 'detected' as const, ...p.detected }))],
    state.warnings,
  );
  const shown = items.risk.filter(filter.canSee);
  const pending: PendingRisk[] = notYetSynced
    .filter((p) => filter.canSee({ source: 'detected', ...p.detected }))
    .map(({ detected: d, reopens }) => ({
      ...d,
      id: detectedRiskId(d.fingerprint),
      severity: riskSeverity(d),
      score: riskScore(d),
      reopens,
    }));
  const pendingAsRisks = pending.map((p) => riskFromDetection(p, { at }));

  return {
    program: toProgramSummary(program),
    risks: inRegisterOrder(shown).map((r) => registerRow(program, deps.accountId, r)),
    pending,
    heatMap: heatMap([...shown, ...pendingAsRisks]),
    hidden: items.risk.length - shown.length + (notYetSynced.length - pending.length),
    canDetect: allows(program, deps.accountId, 'edit'),
    people: program.people,
    teams: program.teams.map((t) => ({ id: t.id, name: t.name })),
    warnings: state.warnings.filter(filter.canRead),
  };
}

/** Owners: detection now, over what the app sees, written to the register. */
export async function detectNow(deps: RiskRegisterDeps, programId: string): Promise<RiskSyncResult> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'edit');
  const state = await loadExecutionState(deps, program);
  return syncDetectedRisks(deps, program, state);
}
