// Scheduled trigger (daily), as the app: records every executing program's progress snapshot of the day for
// the burn-up. Fired twice the same day, the second run finds each day's snapshot and writes nothing.
import { consoleLogger } from '../adapters/logging/console-logger';
import { executionDeps } from '../resolvers/status';
import { runDailyExecution, type DailyResult } from '../services/execution/daily';
import { siteIdOf } from './site-id';

export async function executionDaily(_event: unknown, context: unknown): Promise<DailyResult> {
  const logger = consoleLogger(`execution-daily-${Date.now()}`);
  const result = await runDailyExecution(executionDeps('app', siteIdOf(context)));
  if (result.failed.length > 0)
    logger.error('daily execution snapshot failed for some programs', { failed: result.failed });
  logger.info('daily execution snapshots', {
    recorded: result.recorded.length,
    unchanged: result.unchanged.length,
    skipped: result.skipped.length,
  });
  return result;
}
