import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches } from '../adapters/jira/jira-adapter';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { loadProgramInitiatives } from '../services/load-program-initiatives';
import { defineResolver } from './define';
import { ProgramIdSchema } from './schemas';

// Site fields change rarely; a warm function reuses them for ten minutes.
const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);

export function defineScopeResolvers(resolver: Resolver): void {
  defineResolver(
    resolver,
    'program/initiatives',
    z.object({ programId: ProgramIdSchema }).strict(),
    async (request, context) =>
      loadProgramInitiatives(
        {
          jira: new ForgeJiraAdapter({ actor: 'user', fieldCache: fieldCacheFor(context.siteId) }),
          programs: new KvsProgramStore(),
        },
        request.programId,
      ),
  );
}
