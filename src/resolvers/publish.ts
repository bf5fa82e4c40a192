import { randomUUID } from 'node:crypto';
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ConfluenceAdapter } from '../adapters/confluence/confluence-adapter';
import type { Actor } from '../adapters/confluence/endpoints';
import { KvsPublishStore } from '../adapters/confluence/kvs-publish-store';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import type { ProgramRecord } from '../domain/program/program';
import type { QuarterPlanContent } from '../domain/publishing/quarter-plan';
import { buildPlanView, loadPlanScope } from '../services/plan/plan-view';
import type { LinkTypeRef } from '../domain/scope/types';
import { allows, authorize } from '../services/access';
import { publishNow, savePublishTarget, type PublishDeps } from '../services/publishing/publish-program';
import { loadCompletionReport } from '../services/completion/completion-report'; // completion
import { loadStatusReportExecution } from '../services/execution/status';
import { memoizeJira } from '../services/scope/memo-jira';
import type { JiraPort } from '../ports/jira';
import type { CallContext } from './define';
import { defineResolver } from './define';
import { ProgramIdSchema } from './schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** Publishing as `actor`: the owner for Publish now (their Jira and Confluence permissions), the app for the trigger. */
export function publishDeps(actor: Actor, siteId: string): PublishDeps {
  // One publish reads the scope for the charter, the plans, the status and the completion report: once.
  const jira = memoizeJira(
    new ForgeJiraAdapter({
      actor,
      fieldCache: fieldCacheFor(siteId),
      linkTypeCache: linkTypeCacheFor(siteId),
    }),
  );
  const executionDeps = {
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    jira,
    now: () => new Date().toISOString(),
  };
  return {
    programs: new KvsProgramStore(),
    records: new KvsPublishStore(),
    confluence: new ConfluenceAdapter(actor),
    jira,
    now: () => new Date().toISOString(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
    loadQuarterPlans: (program) => quarterPlans(jira, program),
    // completion: the completion report, once the program has completion records or reached Completion
    loadCompletion: (program) => loadCompletionReport(executionDeps, program),
    // The status report's RAG, reasons and story points, as the Status tab computes them.
    loadStatusExecution: (program) => loadStatusReportExecution(executionDeps, program),
  };
}

/** Every quarter plan of the program with its schedule and dependencies, as the plan tab computes them. */
async function quarterPlans(jira: JiraPort, program: ProgramRecord): Promise<QuarterPlanContent[]> {
  const plans = new KvsPlanStore();
  const stored = await plans.list(program.id);
  if (stored.length === 0) return [];
  const scope = await loadPlanScope({ jira }, program);
  const views = await Promise.all(
    stored.map((plan) => buildPlanView({ plans, accountId: undefined }, program, plan, scope)),
  );
  return views.map((view) => ({
    plan: view.plan,
    initiatives: view.initiatives,
    schedule: view.schedule,
    dependencies: view.dependencies,
  }));
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
