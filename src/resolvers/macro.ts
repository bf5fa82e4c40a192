import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { browsableProjectIds, projectIdsByKey } from '../adapters/jira/project-access';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { KvsScopeSnapshotStore } from '../adapters/storage/scope-snapshot-store';
import { KvsSnapshotStore } from '../adapters/storage/snapshot-store';
import type { LinkTypeRef } from '../domain/scope/types';
import { authorize, canRead } from '../services/access';
import { refreshProgramSnapshot, type SnapshotBuildDeps } from '../services/snapshot/program-snapshot';
import { loadStatusCard, memoByKeys } from '../services/snapshot/status-card';
import { defineResolver, type CallContext } from './define';
import { PayloadError } from './envelope';
import { ProgramIdSchema } from './schemas';

// Site fields and link types change rarely; a warm function reuses them for ten minutes.
const appFieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const appLinkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);
// A viewer's browse rights, per site and account, for one minute: a page with many readers asks once each.
const browsableFor = memoByKeys<Set<string>>(60 * 1000);

/** Building a snapshot runs as the app: the card filters it per viewer before anyone sees it. */
export function snapshotBuildDeps(siteId: string): SnapshotBuildDeps {
  return {
    jira: new ForgeJiraAdapter({
      actor: 'app',
      fieldCache: appFieldCacheFor(siteId),
      linkTypeCache: appLinkTypeCacheFor(siteId),
    }),
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    snapshots: new KvsSnapshotStore(),
    scopeSnapshots: new KvsScopeSnapshotStore(),
    projectIdsByKey,
    now: () => new Date(),
  };
}

const MacroConfigSchema = z.object({ programId: ProgramIdSchema }).passthrough();

/** The program the macro was configured with, from the Forge context (the host, not the UI, says). */
export function configuredProgramId(context: CallContext): string {
  const parsed = MacroConfigSchema.safeParse(context.extension?.config);
  if (!parsed.success)
    throw new PayloadError([
      {
        errorType: 'VALIDATION',
        message: 'This macro has no program yet: edit the macro and pick one.',
        path: 'config.programId',
      },
    ]);
  return parsed.data.programId;
}

export function defineMacroResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'macro/status', z.object({}).strict(), async (_request, context) => {
    const programId = configuredProgramId(context);
    const build = snapshotBuildDeps(context.siteId);
    return loadStatusCard(
      {
        programs: build.programs,
        snapshots: build.snapshots,
        refresh: (id) => refreshProgramSnapshot(build, id),
        browsableProjectIds: browsableFor(
          `${context.siteId}|${context.accountId ?? ''}`,
          browsableProjectIds,
        ),
        accountId: context.accountId,
        now: () => new Date(),
      },
      programId,
    );
  });

  defineResolver(resolver, 'macro/programs', z.object({}).strict(), async (_request, context) => ({
    programs: (await new KvsProgramStore().list())
      .filter((p) => !p.archived && canRead(p, context.accountId))
      .map((p) => ({ id: p.id, name: p.name, stage: p.stage })),
  }));

  defineResolver(
    resolver,
    'macro/snapshot/refresh',
    z.object({ programId: ProgramIdSchema }).strict(),
    async (request, context) => {
      const build = snapshotBuildDeps(context.siteId);
      const program = await authorize(build.programs, request.programId, context.accountId, 'edit');
      const snapshot = await refreshProgramSnapshot(build, program);
      return { programId: program.id, builtAt: snapshot.builtAt, initiatives: snapshot.initiatives.length };
    },
  );
}
