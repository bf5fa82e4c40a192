import type { ProgramStore } from '../../ports/program-store';
import type { ExecutionStateDeps } from '../execution/load-execution-state';

/** What syncing the register needs: the store and the time. */
export interface RiskSyncDeps {
  programs: ProgramStore;
  /** The current time as an ISO string. */
  now: () => string;
}

/** What the register use cases need, with Jira read as the viewer (or as the app for Detect now). */
export interface RiskRegisterDeps extends ExecutionStateDeps {
  accountId: string | undefined;
  /** Project ids by key, asked as the app. */
  projectIdsByKey(keys: readonly string[]): Promise<Record<string, string>>;
  /** The ids among `projectIds` the viewer may browse, asked as the viewer. */
  browsableProjectIds(projectIds: readonly string[]): Promise<Set<string>>;
}
