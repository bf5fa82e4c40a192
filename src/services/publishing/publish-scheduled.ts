// The weekly trigger: every live program with a publish target gets its status report once per period of
// its report cadence. Fired twice, the second run finds the period's run record and writes nothing.
import { reportPeriod } from '../../domain/publishing/period';
import type { PublishRun } from '../../domain/publishing/records';
import { publishProgram, type PublishDeps } from './publish-program';

export interface ScheduledResult {
  published: PublishRun[];
  skipped: string[];
  failed: { programId: string; message: string }[];
  /** Programs left for the next firing because this one ran out of time. */
  deferred: string[];
}

export async function publishDuePrograms(
  deps: PublishDeps,
  timeLeftMs: () => number,
): Promise<ScheduledResult> {
  const result: ScheduledResult = { published: [], skipped: [], failed: [], deferred: [] };
  // A program takes seconds; stop with a margin so a run never dies mid-page (the next firing resumes).
  const MARGIN_MS = 120_000;
  for (const program of await deps.programs.list()) {
    if (program.archived || program.stage === 'closed') continue;
    const target = await deps.records.getTarget(program.id);
    if (!target) continue;
    const period = reportPeriod(target.reportCadence, deps.now());
    if ((await deps.records.getScheduledRun(program.id, period.key)) !== undefined) {
      result.skipped.push(program.id);
      continue;
    }
    if (timeLeftMs() < MARGIN_MS) {
      result.deferred.push(program.id);
      continue;
    }
    try {
      const run = await publishProgram(deps, program, 'scheduled', null);
      await deps.records.setScheduledRun(program.id, period.key, run.id);
      result.published.push(run);
    } catch (error) {
      result.failed.push({
        programId: program.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
