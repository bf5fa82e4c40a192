// Writes what today's detection changes in the register, and nothing else: new conditions created (with
// their stable id, so a second run at the same time cannot open one twice), changed ones updated with the
// version read. A risk someone edited meanwhile is left for the next run.
import type { ExecutionState } from '../../domain/execution/state';
import type { ProgramRecord } from '../../domain/program/program';
import { detectRisks, type DetectedRisk } from '../../domain/risks/detection';
import { reconcileRegister, type RegisterChangeKind } from '../../domain/risks/register';
import { StaleVersionError } from '../../ports/program-store';
import type { RiskSyncDeps } from './deps';

export interface RiskSyncResult {
  detectedAt: string;
  /** Risk ids by what happened to them. */
  opened: string[];
  refreshed: string[];
  closed: string[];
  reopened: string[];
  /** Risks people keep (happened, accepted, closed by hand) whose condition cleared. */
  cleared: string[];
  duplicates: string[];
  /** Edited by someone else during the sync, or opened by a sync running at the same time: left as they are. */
  conflicts: string[];
  /** Detected conditions already in the register as they are. */
  unchanged: number;
}

const KIND_LIST: Record<RegisterChangeKind, keyof RiskSyncResult> = {
  refreshed: 'refreshed',
  closed: 'closed',
  reopened: 'reopened',
  cleared: 'cleared',
  duplicate: 'duplicates',
};

/** The lead of the first program team a detected risk concerns owns it until someone says otherwise. */
const leadOf = (program: ProgramRecord) => (risk: DetectedRisk) =>
  program.teams.find((t) => t.id === risk.teamIds[0])?.leadAccountId ?? null;

export async function syncDetectedRisks(
  deps: RiskSyncDeps,
  program: ProgramRecord,
  state: ExecutionState,
): Promise<RiskSyncResult> {
  const at = deps.now();
  const detected = detectRisks(state);
  // The register as stored now, with the versions the writes must name.
  const stored = (await deps.programs.items(program.id)).risk;
  const { create, update } = reconcileRegister(stored, detected, { at, ownerOf: leadOf(program) });
  const result: RiskSyncResult = {
    detectedAt: at,
    opened: [],
    refreshed: [],
    closed: [],
    reopened: [],
    cleared: [],
    duplicates: [],
    conflicts: [],
    unchanged: 0,
  };
  for (const risk of create) {
    try {
      await deps.programs.createItem(program.id, 'risk', risk);
      result.opened.push(risk.id);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
      result.conflicts.push(risk.id);
    }
  }
  for (const { before, after, kind } of update) {
    try {
      await deps.programs.updateItem(program.id, 'risk', after, before.version);
      (result[KIND_LIST[kind]] as string[]).push(after.id);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
      result.conflicts.push(after.id);
    }
  }
  const written = new Set(update.map((u) => u.before.fingerprint));
  result.unchanged = detected.filter(
    (d) => !written.has(d.fingerprint) && !create.some((c) => c.fingerprint === d.fingerprint),
  ).length;
  return result;
}
