import { randomUUID } from 'node:crypto';
import type Resolver from '@forge/resolver';
import { getBoardsOfProject, getSprintsOfBoard } from '../adapters/jira/agile';
import { getCommitmentsProperty, setCommitmentsProperty } from '../adapters/jira/commitment-properties';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import type { QuarterPlanView } from '../contract';
import type { LinkTypeRef } from '../domain/scope/types';
import { authorize } from '../services/access';
import type { PlanDeps } from '../services/plan/deps';
import { teamBoards } from '../services/plan/plan-calendar';
import {
  createPlan,
  deleteSuccessCriterion,
  freezeBaseline,
  getBaseline,
  getPlan,
  linkTeamOkrs,
  listPlans,
  saveSuccessCriterion,
  setCalendar,
  setCommitments,
  setEstimates,
  setInitiatives,
  setPins,
  updateCommunication,
  updateSession,
} from '../services/plan/plan-mutations';
import { loadPlanScope, requirePlan, teamOkrsOf } from '../services/plan/plan-view';
import { forViewer } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver, type CallContext } from './define';
import { planSchemas as s } from './plan-schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** Everything a plan use case needs, as the viewer. */
function planDeps(context: CallContext): PlanDeps {
  return {
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    jira: new ForgeJiraAdapter({
      actor: 'user',
      fieldCache: fieldCacheFor(context.siteId),
      linkTypeCache: linkTypeCacheFor(context.siteId),
    }),
    agile: { boardsOfProject: getBoardsOfProject, sprintsOfBoard: getSprintsOfBoard },
    commitmentsProperty: { get: getCommitmentsProperty, set: setCommitmentsProperty },
    accountId: context.accountId,
    browse: browseCheckFor(context),
    now: () => new Date().toISOString(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
  };
}

/** A plan's view as the caller may see it: every answer, a mutation's too, leaves out what they cannot browse. */
async function viewed(context: CallContext, view: Promise<QuarterPlanView>) {
  return forViewer(browseCheckFor(context), await view);
}

export function definePlanResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'plan/list', s.list, (r, c) => listPlans(planDeps(c), r.programId));
  defineResolver(resolver, 'plan/get', s.get, async (r, c) =>
    forViewer(browseCheckFor(c), await getPlan(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/create', s.create, (r, c) => viewed(c, createPlan(planDeps(c), r)));
  defineResolver(resolver, 'plan/boards', s.boards, async (r, c) => {
    const deps = planDeps(c);
    return teamBoards(deps, await authorize(deps.programs, r.programId, deps.accountId, 'read'));
  });
  defineResolver(resolver, 'plan/calendar/set', s.calendar, (r, c) => viewed(c, setCalendar(planDeps(c), r)));
  defineResolver(resolver, 'plan/initiatives/set', s.initiatives, (r, c) =>
    viewed(c, setInitiatives(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/estimates/set', s.estimates, (r, c) =>
    viewed(c, setEstimates(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/pins/set', s.pins, (r, c) => viewed(c, setPins(planDeps(c), r)));
  defineResolver(resolver, 'plan/session/update', s.session, (r, c) =>
    viewed(c, updateSession(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/commitments/set', s.commitments, (r, c) =>
    viewed(c, setCommitments(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/success-criteria/save', s.saveCriterion, (r, c) =>
    viewed(c, saveSuccessCriterion(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/success-criteria/delete', s.deleteCriterion, (r, c) =>
    viewed(c, deleteSuccessCriterion(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/communication/update', s.communication, (r, c) =>
    viewed(c, updateCommunication(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/team-okrs/link', s.okrLink, (r, c) =>
    viewed(c, linkTeamOkrs(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/team-okrs', s.teamOkrs, async (r, c) => {
    const deps = planDeps(c);
    const program = await authorize(deps.programs, r.programId, deps.accountId, 'read');
    const plan = await requirePlan(deps, r.programId, r.quarter);
    return { teams: teamOkrsOf(program, plan, await loadPlanScope(deps, program)) };
  });
  defineResolver(resolver, 'plan/baseline/freeze', s.freeze, (r, c) =>
    viewed(c, freezeBaseline(planDeps(c), r)),
  );
  defineResolver(resolver, 'plan/baseline/get', s.baseline, (r, c) => getBaseline(planDeps(c), r));
}
