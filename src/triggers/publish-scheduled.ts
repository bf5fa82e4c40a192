// Scheduled trigger (weekly): publishes each program's pages as the app, following its report cadence.
// Programs are published one after another inside the trigger (900 s) rather than through a queue: a run
// record per program and period makes a cut-short run resume on the next firing without duplicates.
import { consoleLogger } from '../adapters/logging/console-logger';
import { publishDeps } from '../resolvers/publish';
import { publishDuePrograms, type ScheduledResult } from '../services/publishing/publish-scheduled';

const TRIGGER_BUDGET_MS = 900_000;

export async function publishScheduled(_event: unknown, context: unknown): Promise<ScheduledResult> {
  const started = Date.now();
  const installContext =
    typeof context === 'object' && context !== null && 'installContext' in context
      ? context.installContext
      : undefined;
  const siteId = typeof installContext === 'string' ? installContext : 'unknown-site';
  const logger = consoleLogger(`publish-trigger-${started}`);
  const result = await publishDuePrograms(
    publishDeps('app', siteId),
    () => TRIGGER_BUDGET_MS - (Date.now() - started),
  );
  if (result.failed.length > 0)
    logger.error('scheduled publish failed for some programs', { failed: result.failed });
  logger.info('scheduled publish', {
    published: result.published.length,
    skipped: result.skipped.length,
    deferred: result.deferred.length,
  });
  return result;
}
