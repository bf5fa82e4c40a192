// Scheduled publishing in two steps: the weekly trigger finds the programs due a status report in the period
// of their report cadence and hands each to the publish queue; the queue consumer publishes one program.
// Both steps check the period's run record, so a trigger fired twice or an event delivered twice publishes
// once and writes nothing the second time.
import { reportPeriod } from '../../domain/publishing/period';
import type { PublishRun } from '../../domain/publishing/records';
import type { ProgramRecord } from '../../domain/program/program';
import { publishProgram, type PublishDeps } from './publish-program';

/** A program due its scheduled publish in this period (the queue event's body). */
export interface DueProgram {
  programId: string;
  period: string;
}

export interface DueScan {
  due: DueProgram[];
  /** Already published in this period. */
  skipped: string[];
}

async function dueProgram(
  deps: Pick<PublishDeps, 'records' | 'now'>,
  program: Pick<ProgramRecord, 'id' | 'archived' | 'stage'>,
): Promise<DueProgram | 'not-due' | 'published'> {
  if (program.archived || program.stage === 'closed') return 'not-due';
  const target = await deps.records.getTarget(program.id);
  if (!target) return 'not-due';
  const period = reportPeriod(target.reportCadence, deps.now()).key;
  if ((await deps.records.getScheduledRun(program.id, period)) !== undefined) return 'published';
  return { programId: program.id, period };
}

/** Live programs with a publish target and no scheduled run in their current period. */
export async function findDuePrograms(deps: PublishDeps): Promise<DueScan> {
  const scan: DueScan = { due: [], skipped: [] };
  for (const program of await deps.programs.list()) {
    const due = await dueProgram(deps, program);
    if (due === 'published') scan.skipped.push(program.id);
    else if (due !== 'not-due') scan.due.push(due);
  }
  return scan;
}

export type ScheduledOutcome =
  | { outcome: 'published'; run: PublishRun }
  /** The period's run exists: a second firing or a redelivered event. */
  | { outcome: 'already-published'; runId: string }
  /** Archived, closed, deleted or without a target since the trigger queued it. */
  | { outcome: 'not-due' };

/** Publishes one program for a period unless that period's scheduled run exists; records the run. */
export async function publishScheduledProgram(
  deps: PublishDeps,
  { programId, period }: DueProgram,
): Promise<ScheduledOutcome> {
  const runId = await deps.records.getScheduledRun(programId, period);
  if (runId !== undefined) return { outcome: 'already-published', runId };
  const program = await deps.programs.get(programId);
  if (!program || (await dueProgram(deps, program)) === 'not-due') return { outcome: 'not-due' };
  const run = await publishProgram(deps, program, 'scheduled', null);
  await deps.records.setScheduledRun(programId, period, run.id);
  return { outcome: 'published', run };
}
