// Scheduled trigger: rebuilds every live program's snapshot as the app (no user). Idempotent: a second
// firing writes the same snapshot again (unchanged initiative parts are not rewritten).
import { snapshotBuildDeps } from '../resolvers/macro';
import { consoleLogger } from '../adapters/logging/console-logger';
import { refreshAllSnapshots } from '../services/snapshot/program-snapshot';
import { siteIdOf } from './site-id';

export async function refreshSnapshots(
  _event: unknown,
  context: unknown,
): Promise<{ refreshed: string[]; failed: { programId: string; message: string }[] }> {
  const logger = consoleLogger(`snapshot-trigger-${Date.now()}`);
  const result = await refreshAllSnapshots(snapshotBuildDeps(siteIdOf(context)));
  if (result.failed.length > 0)
    logger.error('snapshot refresh failed for some programs', { failed: result.failed });
  else logger.info('snapshots refreshed', { programs: result.refreshed.length });
  return result;
}
