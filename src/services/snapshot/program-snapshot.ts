// Builds and stores a program's snapshots as the app: its scope from Jira (asApp), milestones and risks from
// the program store; the macro's summary and the Scope table's rows come from the same load.
// Callers: the scheduled trigger, the owner's "refresh", and a view that finds it stale.
import type { ProgramRecord } from '../../domain/program/program';
import { buildScopeSnapshot, type ScopeSnapshot } from '../../domain/snapshot/scope-snapshot';
import { buildSnapshot, type ProgramSnapshot } from '../../domain/snapshot/snapshot';
import type { JiraPort } from '../../ports/jira';
import type { PlanStore } from '../../ports/plan-store';
import type { ProgramStore } from '../../ports/program-store';
import { ProgramNotFoundError } from '../errors';
import { executionStateOf } from '../execution/load-execution-state';
import { assessState } from '../execution/status';
import { loadProgramScope } from '../scope/load-program-scope';

export interface SnapshotStorePort {
  get(programId: string): Promise<ProgramSnapshot | undefined>;
  put(snapshot: ProgramSnapshot): Promise<{ partsWritten: number }>;
}

export interface ScopeSnapshotStorePort {
  get(programId: string): Promise<ScopeSnapshot | undefined>;
  put(snapshot: ScopeSnapshot): Promise<{ partsWritten: number }>;
}

export interface SnapshotBuildDeps {
  /** Acting as the app: sees every project, so the result must be filtered before a user sees it. */
  jira: JiraPort;
  programs: ProgramStore;
  /** The quarter plans: the RAG weighs progress against the plan in force, as the Status tab does. */
  plans: Pick<PlanStore, 'list' | 'getBaseline'>;
  snapshots: SnapshotStorePort;
  /** The Scope table's rows, read from the same load. */
  scopeSnapshots: ScopeSnapshotStorePort;
  projectIdsByKey(keys: readonly string[]): Promise<Record<string, string>>;
  now(): Date;
}

export async function refreshProgramSnapshot(
  deps: SnapshotBuildDeps,
  programOrId: string | ProgramRecord,
): Promise<ProgramSnapshot> {
  const program = typeof programOrId === 'string' ? await deps.programs.get(programOrId) : programOrId;
  if (!program) throw new ProgramNotFoundError(String(programOrId));
  const [scope, items, plans] = await Promise.all([
    loadProgramScope(deps.jira, program),
    deps.programs.items(program.id),
    deps.plans.list(program.id),
  ]);
  const projectKeys = [...new Set(scope.epics.map((e) => e.projectKey))].sort();
  const builtAt = deps.now().toISOString();
  // The Status tab's assessment, from the same read: the macro and the app never disagree on the status.
  const [projectIds, state] = await Promise.all([
    deps.projectIdsByKey(projectKeys),
    executionStateOf({ plans: deps.plans, now: () => builtAt }, program, { scope, items, plans }),
  ]);
  const snapshot = buildSnapshot({
    program,
    epics: scope.epics,
    childrenByEpic: scope.childrenByEpic,
    milestones: items.milestone,
    risks: items.risk,
    rag: assessState(state).rag,
    projectIds,
    builtAt,
  });
  const scopeSnapshot = buildScopeSnapshot({ programId: program.id, ...scope, projectIds, builtAt });
  await Promise.all([deps.snapshots.put(snapshot), deps.scopeSnapshots.put(scopeSnapshot)]);
  return snapshot;
}

/** Refreshes every live program (archived and closed ones keep their last snapshot); one failure does not stop the rest. */
export async function refreshAllSnapshots(
  deps: SnapshotBuildDeps,
): Promise<{ refreshed: string[]; failed: { programId: string; message: string }[] }> {
  const refreshed: string[] = [];
  const failed: { programId: string; message: string }[] = [];
  for (const program of await deps.programs.list()) {
    if (program.archived || program.stage === 'closed') continue;
    try {
      await refreshProgramSnapshot(deps, program);
      refreshed.push(program.id);
    } catch (error) {
      failed.push({ programId: program.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { refreshed, failed };
}
