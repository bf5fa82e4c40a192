import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { KvsScopeSnapshotStore } from '../adapters/storage/scope-snapshot-store';
import type { LinkTypeRef } from '../domain/scope/types';
import { loadProgramInitiatives } from '../services/load-program-initiatives';
import { loadProgramDependencies } from '../services/scope/load-program-dependencies';
import { loadScopeSnapshot } from '../services/scope/scope-snapshot';
import { browseCheckFor } from './browse-check';
import type { CallContext } from './define';
import { defineResolver } from './define';
import { ProgramIdSchema } from './schemas';

// Site fields and link types change rarely; a warm function reuses them for ten minutes.
const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** Everything a scope use case needs, as the viewer. */
function scopeDeps(context: CallContext) {
  return {
    jira: new ForgeJiraAdapter({
      actor: 'user',
      fieldCache: fieldCacheFor(context.siteId),
      linkTypeCache: linkTypeCacheFor(context.siteId),
    }),
    programs: new KvsProgramStore(),
    accountId: context.accountId,
  };
}

export function defineScopeResolvers(resolver: Resolver): void {
  const request = z.object({ programId: ProgramIdSchema }).strict();
  defineResolver(resolver, 'program/initiatives', request, async ({ programId }, context) =>
    loadProgramInitiatives(scopeDeps(context), programId),
  );
  defineResolver(resolver, 'program/initiatives/snapshot', request, async ({ programId }, context) =>
    loadScopeSnapshot(
      {
        programs: new KvsProgramStore(),
        scopeSnapshots: new KvsScopeSnapshotStore(),
        browsableProjectIds: browseCheckFor(context).browsableProjectIds,
        accountId: context.accountId,
        now: () => new Date(),
      },
      programId,
    ),
  );
  defineResolver(resolver, 'program/dependencies', request, async ({ programId }, context) =>
    loadProgramDependencies(scopeDeps(context), programId),
  );
}
