import { randomUUID } from 'node:crypto';
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ConfluenceAdapter } from '../adapters/confluence/confluence-adapter';
import type { Actor } from '../adapters/confluence/endpoints';
import { KvsPublishStore } from '../adapters/confluence/kvs-publish-store';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import type { LinkTypeRef } from '../domain/scope/types';
import { allows, authorize } from '../services/access';
import { publishNow, savePublishTarget, type PublishDeps } from '../services/publishing/publish-program';
import type { CallContext } from './define';
import { defineResolver } from './define';
import { ProgramIdSchema } from './schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** Publishing as `actor`: the owner for Publish now (their Jira and Confluence permissions), the app for the trigger. */
export function publishDeps(actor: Actor, siteId: string): PublishDeps {
  return {
    programs: new KvsProgramStore(),
    records: new KvsPublishStore(),
    confluence: new ConfluenceAdapter(actor),
    jira: new ForgeJiraAdapter({
      actor,
      fieldCache: fieldCacheFor(siteId),
      linkTypeCache: linkTypeCacheFor(siteId),
    }),
    now: () => new Date().toISOString(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
  };
}

const userDeps = (context: CallContext) => publishDeps('user', context.siteId);
const ConfluenceIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'a Confluence id is digits only');

export function definePublishResolvers(resolver: Resolver): void {
  const ref = z.object({ programId: ProgramIdSchema }).strict();

  defineResolver(resolver, 'publish/get', ref, async ({ programId }, context) => {
    const deps = userDeps(context);
    const program = await authorize(deps.programs, programId, context.accountId, 'read');
    return {
      target: (await deps.records.getTarget(programId)) ?? null,
      history: await deps.records.history(programId),
      canPublish: allows(program, context.accountId, 'edit'),
    };
  });

  defineResolver(resolver, 'publish/spaces', ref, async ({ programId }, context) => {
    const deps = userDeps(context);
    await authorize(deps.programs, programId, context.accountId, 'edit');
    const spaces = await deps.confluence.listSpaces();
    return {
      spaces: spaces.map((s) => ({ id: s.id, key: s.key, name: s.name, homepageId: s.homepageId ?? null })),
    };
  });

  defineResolver(
    resolver,
    'publish/target/save',
    z
      .object({
        programId: ProgramIdSchema,
        spaceId: ConfluenceIdSchema,
        parentPageId: ConfluenceIdSchema,
        reportCadence: z.enum(['weekly', 'biweekly', 'monthly']),
      })
      .strict(),
    (request, context) => savePublishTarget(userDeps(context), context.accountId, request),
  );

  defineResolver(resolver, 'publish/now', ref, ({ programId }, context) =>
    publishNow(userDeps(context), programId, context.accountId),
  );
}
