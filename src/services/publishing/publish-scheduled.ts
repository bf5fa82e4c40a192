// Scheduled publishing in two steps: the weekly trigger finds the programs due a status report in the period
// of their report cadence and hands each to the publish queue; the queue consumer publishes one program.
// Both steps check the period's run record, so a trigger fired twice or an event delivered twice publishes
// once and writes nothing the second time.
import type { ClosingReport } from '../../contract';
import { reportPeriod } from '../../domain/publishing/period';
import type { PublishRun } from '../../domain/publishing/records';
import { closedAtOf, type ProgramRecord } from '../../domain/program/program';
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

/** The final publish of a program just closed (the queue event's body): its pages with the completion report. */
export interface ClosingPublish {
  programId: string;
  /** When it was closed: a reopened program, or one closed again since, is not published for this closing. */
  closedAt: string;
}

/** The run record of a closing, so a redelivered event publishes once. */
const closingRun = (closedAt: string) => `closed-${closedAt}`;

/** Publishes a closed program's pages once per closing, as the app; nothing without a publish target. */
export async function publishClosedProgram(
  deps: PublishDeps,
  { programId, closedAt }: ClosingPublish,
): Promise<ScheduledOutcome> {
  const runId = await deps.records.getScheduledRun(programId, closingRun(closedAt));
  if (runId !== undefined) return { outcome: 'already-published', runId };
  const program = await deps.programs.get(programId);
  if (!program || closedAtOf(program) !== closedAt || !(await deps.records.getTarget(programId)))
    return { outcome: 'not-due' };
  const run = await publishProgram(deps, program, 'closing', null);
  await deps.records.setScheduledRun(programId, closingRun(closedAt), run.id);
  return { outcome: 'published', run };
}

/**
 * Hands a program just closed to the publish queue when it publishes to Confluence. The closing stands either
 * way: without a target, or when the queue refuses, the owner is told how to publish it themselves.
 */
export async function queueClosingPublish(
  deps: {
    records: Pick<PublishDeps['records'], 'getTarget'>;
    push(body: ClosingPublish): Promise<unknown>;
  },
  program: { programId: string; closedAt: string | null },
): Promise<ClosingReport> {
  if (!program.closedAt || !(await deps.records.getTarget(program.programId)))
    return {
      state: 'no-target',
      message:
        'No Confluence space is set for this program, so nothing was published. Choose one on the Publishing tab and press Publish now to publish the completion report.',
    };
  try {
    await deps.push({ programId: program.programId, closedAt: program.closedAt });
    return {
      state: 'queued',
      message: 'The completion report and the program’s other pages are being published to Confluence.',
    };
  } catch (error) {
    return {
      state: 'not-queued',
      message: `The completion report could not be queued for publishing (${error instanceof Error ? error.message : String(error)}). Press Publish now on the Publishing tab.`,
    };
  }
}
