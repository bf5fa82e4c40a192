// The daily execution job, as the app (no user): for every live program that is executing (or has a quarter
// plan in force) it loads the execution state, records the day's progress snapshot for the burn-up and syncs
// the risk register with what detection finds. Idempotent: a second firing the same day finds the day's
// snapshot and an up-to-date register, and writes nothing.
import { progressSnapshotOf } from '../../domain/execution/burnup';
import { planInForce, type ExecutionState } from '../../domain/execution/state';
import type { ProgramRecord } from '../../domain/program/program';
import type { ProgressHistoryStore } from '../../ports/program-store';
import { loadExecutionState, type ExecutionStateDeps } from './load-execution-state';
import { historyCutoff } from './progress-history';
import { syncDetectedRisks } from '../risks/sync-detected-risks';

export interface DailyDeps extends ExecutionStateDeps {
  history: ProgressHistoryStore;
}

export interface DailyResult {
  /** Programs whose snapshot of the day was written now. */
  recorded: string[];
  /** Programs that already had the day's snapshot (the trigger fired twice). */
  unchanged: string[];
  /** Live programs not executing and with no plan in force. */
  skipped: string[];
  failed: { programId: string; message: string }[];
}

/** Executing, or planned with a quarter plan in force today; archived and closed programs are left alone. */
async function isTracked(deps: DailyDeps, program: ProgramRecord, today: string): Promise<boolean> {
  if (program.archived || program.stage === 'closed') return false;
  if (program.stage === 'execution') return true;
  return planInForce(await deps.plans.list(program.id), today) !== null;
}

async function recordProgram(deps: DailyDeps, state: ExecutionState, takenAt: string) {
  const outcome = await deps.history.record(
    progressSnapshotOf(state.program.id, state.today, takenAt, state.initiatives),
  );
  await deps.history.dropBefore(state.program.id, historyCutoff(state.today));
  return outcome;
}

export async function runDailyExecution(deps: DailyDeps): Promise<DailyResult> {
  const takenAt = deps.now();
  const today = takenAt.slice(0, 10);
  const result: DailyResult = { recorded: [], unchanged: [], skipped: [], failed: [] };
  for (const program of await deps.programs.list()) {
    try {
      if (!(await isTracked(deps, program, today))) {
        if (!program.archived && program.stage !== 'closed') result.skipped.push(program.id);
        continue;
      }
      const state = await loadExecutionState(deps, program);
      const outcome = await recordProgram(deps, state, takenAt);
      (outcome === 'written' ? result.recorded : result.unchanged).push(program.id);
      // Risk register: detected risks opened, refreshed, closed or reopened on the same state.
      await syncDetectedRisks(deps, program, state);
    } catch (error) {
      result.failed.push({
        programId: program.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
