import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { accountIdSchema, isoDateSchema, itemIdSchema, LIMITS } from '../domain/initiation/schemas';
import type { LinkTypeRef } from '../domain/scope/types';
import type { RiskRegisterDeps } from '../services/risks/deps';
import { recordRiskProblem, updateRiskProblem } from '../services/risks/problems';
import { detectNow, loadRiskRegister } from '../services/risks/risk-register';
import { forViewer } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver, type CallContext } from './define';
import { requestOf, versionSchema } from './program-schemas';
import { ProgramIdSchema } from './schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/**
 * The register use cases. Detection reads Jira as the app, for reads and Detect now alike: the register must
 * not depend on who looked or pressed; what a viewer is shown is then filtered by their browse rights, asked
 * of Jira as them.
 */
function riskDeps(context: CallContext): RiskRegisterDeps {
  return {
    jira: new ForgeJiraAdapter({
      actor: 'app',
      fieldCache: fieldCacheFor(context.siteId),
      linkTypeCache: linkTypeCacheFor(context.siteId),
    }),
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    now: () => new Date().toISOString(),
    accountId: context.accountId,
    ...browseCheckFor(context),
  };
}

const program = z.object({ programId: ProgramIdSchema }).strict();
const riskRef = {
  programId: ProgramIdSchema,
  riskId: itemIdSchema,
  expectedVersion: versionSchema,
};
const schemas = {
  record: z
    .object({
      ...riskRef,
      description: z.string().trim().min(1, 'say what happened').max(LIMITS.longText),
      ownerAccountId: accountIdSchema,
    })
    .strict(),
  update: z
    .object({
      ...riskRef,
      resolution: z.string().trim().max(LIMITS.longText),
      resolvedAt: isoDateSchema.nullable(),
      ownerAccountId: accountIdSchema.optional(),
    })
    .strict(),
};

/**
 * A register use case run as the caller, its answer cut to the projects they may browse: manual risks and
 * problems are shown whole, but their texts may name issues of other projects.
 */
function forCaller<R, T extends object>(run: (deps: RiskRegisterDeps, request: R) => Promise<T>) {
  return async (request: R, context: CallContext) => {
    const deps = riskDeps(context);
    return forViewer(deps, await run(deps, request));
  };
}

export function defineRiskResolvers(resolver: Resolver): void {
  defineResolver(
    resolver,
    'risks/get',
    program,
    forCaller((deps, r) => loadRiskRegister(deps, r.programId)),
  );
  defineResolver(resolver, 'risks/detect', program, (r, c) => detectNow(riskDeps(c), r.programId));
  defineResolver(resolver, 'risks/problem/record', schemas.record, forCaller(recordRiskProblem));
  defineResolver(
    resolver,
    'risks/problem/update',
    requestOf<'risks/problem/update'>(schemas.update),
    forCaller(updateRiskProblem),
  );
}
