// The adjusted plan keys: read by any party of the program, accepted as the plan of record by its owners.
import { randomUUID } from 'node:crypto';
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { shortText } from '../domain/initiation/schemas';
import type { LinkTypeRef } from '../domain/scope/types';
import {
  acceptAdjustedPlan,
  getAdjustedPlan,
  type AdjustedPlanDeps,
} from '../services/execution/adjusted-plan';
import { forViewer } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver, type CallContext } from './define';
import { requestOf, versionSchema } from './program-schemas';
import { ProgramIdSchema } from './schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** Everything the adjusted plan needs, as the viewer: Jira is read with their permissions. */
function adjustedPlanDeps(context: CallContext): AdjustedPlanDeps {
  return {
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    jira: new ForgeJiraAdapter({
      actor: 'user',
      fieldCache: fieldCacheFor(context.siteId),
      linkTypeCache: linkTypeCacheFor(context.siteId),
    }),
    accountId: context.accountId,
    now: () => new Date().toISOString(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
  };
}

export const adjustedPlanSchemas = {
  get: z.object({ programId: ProgramIdSchema }).strict(),
  accept: requestOf<'plan/adjusted/accept'>(
    z
      .object({
        programId: ProgramIdSchema,
        quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'is a quarter like 2027-Q1'),
        expectedVersion: versionSchema,
        fingerprint: z.string().regex(/^[0-9a-f]{8}$/, 'is the fingerprint of an adjusted plan you read'),
        note: shortText.optional(),
      })
      .strict(),
  ),
};

export function defineAdjustedPlanResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'plan/adjusted', adjustedPlanSchemas.get, async (r, c) =>
    forViewer(browseCheckFor(c), await getAdjustedPlan(adjustedPlanDeps(c), r)),
  );
  defineResolver(resolver, 'plan/adjusted/accept', adjustedPlanSchemas.accept, async (r, c) =>
    forViewer(browseCheckFor(c), await acceptAdjustedPlan(adjustedPlanDeps(c), r)),
  );
}
