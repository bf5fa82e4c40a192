// Scheduled trigger (weekly): hands each program due its status report to the publish queue, one event per
// program, so every program publishes in its own consumer invocation (up to 900 s) however long it takes.
// Fired twice, it may queue a program twice: the consumer's run record makes the second event a no-op.
import { PUBLISH_QUEUE, pushPublishEvents } from '../adapters/events/publish-queue';
import { consoleLogger } from '../adapters/logging/console-logger';
import { publishDeps } from '../resolvers/publish';
import { findDuePrograms, type DueProgram } from '../services/publishing/publish-scheduled';
import { siteIdOf } from './site-id';

/** manifest.yml: the `consumer` module of this queue runs publishQueueConsumer. */
export { PUBLISH_QUEUE };
/** Forge takes at most 50 events per push. */
const EVENTS_PER_PUSH = 50;

export interface ScheduledPublishResult {
  /** Handed to the queue, each with the period it publishes. */
  queued: DueProgram[];
  /** Already published in their current period. */
  skipped: string[];
  /** Programs the queue refused (rate limit, platform error); the next firing queues them again. */
  notQueued: { programId: string; message: string }[];
  jobIds: string[];
}

export async function publishScheduled(_event: unknown, context: unknown): Promise<ScheduledPublishResult> {
  const logger = consoleLogger(`publish-trigger-${Date.now()}`);
  const scan = await findDuePrograms(publishDeps('app', siteIdOf(context)));
  const result: ScheduledPublishResult = { queued: [], skipped: scan.skipped, notQueued: [], jobIds: [] };
  for (let start = 0; start < scan.due.length; start += EVENTS_PER_PUSH) {
    const batch = scan.due.slice(start, start + EVENTS_PER_PUSH);
    try {
      const { jobId } = await pushPublishEvents(
        batch.map((due) => ({ programId: due.programId, period: due.period })),
      );
      result.queued.push(...batch);
      result.jobIds.push(jobId);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      result.notQueued.push(...batch.map((due) => ({ programId: due.programId, message })));
    }
  }
  if (result.notQueued.length > 0)
    logger.error('scheduled publish could not queue some programs', { notQueued: result.notQueued });
  logger.info('scheduled publish queued', {
    queued: result.queued.length,
    skipped: result.skipped.length,
    jobIds: result.jobIds,
  });
  return result;
}
