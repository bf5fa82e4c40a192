import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches } from '../adapters/jira/jira-adapter';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { loadProgramInitiatives, toProgramSummary } from '../services/load-program-initiatives';
import { defineResolver } from './define';

const ProgramIdSchema = z
  .string()
  .trim()
  .min(1, 'programId is required')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'programId has only lower-case letters, digits and dashes');

// Site fields change rarely; a warm function reuses them for ten minutes.
const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);

export function defineProgramResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'program/list', z.object({}).strict(), async () => {
    const programs = await new KvsProgramStore().list();
    return { programs: programs.map(toProgramSummary) };
  });

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
