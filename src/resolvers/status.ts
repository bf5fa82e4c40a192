import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { KvsProgressHistoryStore } from '../adapters/storage/progress-history-store';
import { ragThresholdProblems, type RagThresholds } from '../domain/program/program';
import type { RiskSeverity } from '../domain/risks/risk';
import type { LinkTypeRef } from '../domain/scope/types';
import type { DailyDeps } from '../services/execution/daily';
import { getImplementationReport, getProgramStatus, setRagThresholds } from '../services/execution/status';
import { browseCheckFor } from './browse-check';
import { defineResolver } from './define';
import { ProgramIdSchema } from './schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** The execution use cases as `actor`: the viewer in resolvers (their Jira permissions), the app in triggers. */
export function executionDeps(actor: 'user' | 'app', siteId: string): DailyDeps {
  return {
    jira: new ForgeJiraAdapter({
      actor,
      fieldCache: fieldCacheFor(siteId),
      linkTypeCache: linkTypeCacheFor(siteId),
    }),
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    history: new KvsProgressHistoryStore(),
    now: () => new Date().toISOString(),
  };
}

const IssueKeySchema = z
  .string()
  .trim()
  .min(1, 'key is required')
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/, 'key looks like PAY-12');

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly RiskSeverity[];
const severities = z.array(z.enum(SEVERITIES)).max(SEVERITIES.length);
const points = z.number().int('a whole number of points').min(0).max(100);
const days = z.number().int('a whole number of days').min(1).max(365);

const ThresholdsSchema: z.ZodType<RagThresholds> = z
  .object({
    behindAmber: points,
    behindRed: points,
    riskAmber: severities,
    riskRed: severities,
    milestoneSlipAmberDays: days,
    milestoneSlipRedDays: days,
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const problem of ragThresholdProblems(t))
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

const schemas = {
  get: z.object({ programId: ProgramIdSchema }).strict(),
  initiative: z.object({ programId: ProgramIdSchema, key: IssueKeySchema }).strict(),
  thresholds: z
    .object({
      programId: ProgramIdSchema,
      expectedVersion: z.number().int().min(1),
      thresholds: ThresholdsSchema,
    })
    .strict(),
};

export function defineStatusResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'status/get', schemas.get, (r, c) =>
    getProgramStatus(
      { ...executionDeps('user', c.siteId), accountId: c.accountId, browse: browseCheckFor(c) },
      r.programId,
    ),
  );
  defineResolver(resolver, 'status/initiative', schemas.initiative, (r, c) =>
    getImplementationReport(
      { ...executionDeps('user', c.siteId), accountId: c.accountId },
      r.programId,
      r.key,
    ),
  );
  defineResolver(resolver, 'status/thresholds/set', schemas.thresholds, (r, c) =>
    setRagThresholds({ ...executionDeps('user', c.siteId), accountId: c.accountId }, r),
  );
}
