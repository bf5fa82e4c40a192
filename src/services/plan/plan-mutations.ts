// Quarter plan use cases: each checks the caller's role and the plan's version, validates against the
// program and its scope, then writes the plan once (conditionally); a refused request writes nothing.
import type { CalendarRequest, CommunicationPlanFields, QuarterPlanView, RequestOf } from '../../contract';
import { isQuarterId, previousQuarter } from '../../domain/calendar';
import {
  COMMITMENTS_PROPERTY_KEY,
  baselineEntriesOf,
  decideCommitment,
  effectiveLoad,
  mergeCommitmentProperty,
  withCommitment,
  type Baseline,
  type Commitment,
  type PlanEstimate,
  type QuarterPlan,
} from '../../domain/plan';
import type { ProgramRecord } from '../../domain/program/program';
import { compareIssueKeys } from '../../domain/scope/issue-key';
import { PlanExistsError } from '../../ports/plan-store';
import { StaleVersionError } from '../../ports/program-store';
import { allows, authorize, type AccessNeed } from '../access';
import { NotAllowedError, ProgramRuleError } from '../errors';
import { restoreHiddenKeys } from '../visibility';
import { PlanNotFoundError, type PlanDeps } from './deps';
import { resolveCalendar } from './plan-calendar';
import {
  buildPlanView,
  loadPlanScope,
  quarterCrossTeamDependencies,
  requirePlan,
  scheduleOf,
  unfinishedOf,
  type PlanScope,
} from './plan-view';

interface MutationContext {
  program: ProgramRecord;
  plan: QuarterPlan;
  scope: () => Promise<PlanScope>;
  accountId: string;
  at: string;
  isOwner: boolean;
  leadOf: string[];
}

type PlanRef = { programId: string; quarter: string; expectedVersion: number };

function scopeLoader(deps: PlanDeps, program: ProgramRecord): () => Promise<PlanScope> {
  let loaded: Promise<PlanScope> | undefined;
  return () => (loaded ??= loadPlanScope(deps, program));
}

/**
 * Runs one change: role check, version check, the change (which validates and may refuse), one
 * conditional write, then `after` (e.g. mirroring to Jira) whose warnings the answer carries.
 */
async function mutate(
  deps: PlanDeps,
  ref: PlanRef,
  need: AccessNeed | 'any-lead',
  change: (ctx: MutationContext) => Promise<QuarterPlan> | QuarterPlan,
  after?: (ctx: MutationContext, saved: QuarterPlan) => Promise<string[]>,
): Promise<QuarterPlanView> {
  const program = await authorize(deps.programs, ref.programId, deps.accountId, need);
  const accountId = deps.accountId ?? '';
  const isOwner = allows(program, accountId, 'edit');
  const leadOf = program.teams.filter((t) => t.leadAccountId === accountId).map((t) => t.id);
  if (need === 'any-lead' && !isOwner && leadOf.length === 0)
    throw new NotAllowedError('Only the program’s owners and team leads can change this.');
  const plan = await requirePlan(deps, ref.programId, ref.quarter);
  if (plan.version !== ref.expectedVersion)
    throw new StaleVersionError(`The ${plan.quarter} plan`, ref.expectedVersion, plan.version);
  const ctx: MutationContext = {
    program,
    plan,
    scope: scopeLoader(deps, program),
    accountId,
    at: deps.now(),
    isOwner,
    leadOf,
  };
  const next = await change(ctx);
  // Jira is read before the write: when it fails, the user is told so and nothing was saved behind their back.
  const scope = await ctx.scope();
  const saved = await deps.plans.update({ ...next, updatedAt: ctx.at }, ref.expectedVersion);
  const warnings = after ? await after(ctx, saved) : [];
  return buildPlanView(deps, program, saved, scope, { warnings });
}

/** `edited` with what the caller could not see of `stored` put back (no change when they see it all). */
function keepHidden<T>(deps: PlanDeps, stored: unknown, edited: T): Promise<T> {
  return deps.browse ? restoreHiddenKeys(deps.browse, stored, edited) : Promise.resolve(edited);
}

/** Initiatives a quarter plan may hold; the chosen list is sent whole. */
const MAX_PLAN_INITIATIVES = 500;

const EMPTY_COMMUNICATION: QuarterPlan['communication'] = {
  slackChannelUrl: null,
  confluenceSpaceKey: null,
  otherChannels: [],
  meetings: [],
  reportCadence: 'biweekly',
};

function requireQuarter(quarter: string): void {
  if (!isQuarterId(quarter))
    throw new ProgramRuleError(`“${quarter}” is not a quarter like 2027-Q1.`, 'quarter');
}

async function calendarFor(
  deps: PlanDeps,
  program: ProgramRecord,
  quarter: string,
  request: CalendarRequest,
) {
  try {
    return await resolveCalendar(deps, program, quarter, request);
  } catch (error) {
    if (error instanceof RangeError) throw new ProgramRuleError(error.message, 'calendar');
    throw error;
  }
}

export async function getPlan(deps: PlanDeps, request: RequestOf<'plan/get'>): Promise<QuarterPlanView> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'read');
  const plan = await requirePlan(deps, request.programId, request.quarter);
  return buildPlanView(deps, program, plan, await loadPlanScope(deps, program), {
    baselineId: request.baselineId,
  });
}

export async function listPlans(deps: PlanDeps, programId: string) {
  await authorize(deps.programs, programId, deps.accountId, 'read');
  const plans = await deps.plans.list(programId);
  return {
    plans: plans.map((p) => ({
      quarter: p.quarter,
      version: p.version,
      initiatives: p.initiatives.length,
      baselined: p.baselines.length > 0,
      updatedAt: p.updatedAt,
    })),
  };
}

export async function createPlan(
  deps: PlanDeps,
  request: RequestOf<'plan/create'>,
): Promise<QuarterPlanView> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  requireQuarter(request.quarter);
  if (await deps.plans.get(request.programId, request.quarter))
    throw new PlanExistsError(request.programId, request.quarter);
  const at = deps.now();
  const scope = await loadPlanScope(deps, program);
  const { calendar, warnings } = await calendarFor(
    deps,
    program,
    request.quarter,
    request.calendar ?? { source: 'board' },
  );
  const previous =
    request.carryOver === false
      ? undefined
      : await deps.plans.get(request.programId, previousQuarter(request.quarter));
  const carried = previous ? unfinishedOf(previous, scope) : [];
  const plan: QuarterPlan = {
    programId: program.id,
    quarter: request.quarter,
    calendar,
    initiatives: carried.map((key) => ({
      key,
      priority: previous?.initiatives.find((i) => i.key === key)?.priority ?? null,
      carriedOver: true,
    })),
    estimates: [],
    pins: [],
    session: { date: null, attendees: [], outcome: '', updatedBy: null, updatedAt: null },
    commitments: [],
    successCriteria: [],
    communication: previous?.communication ?? EMPTY_COMMUNICATION,
    okrLinks: [],
    baselines: [],
    createdAt: at,
    createdBy: deps.accountId ?? '',
    updatedAt: at,
    version: 1,
  };
  const saved = await deps.plans.create(plan);
  return buildPlanView(deps, program, saved, scope, { warnings });
}

export function setCalendar(deps: PlanDeps, request: RequestOf<'plan/calendar/set'>) {
  return mutate(deps, request, 'edit', async ({ program, plan }) => {
    const { calendar } = await calendarFor(deps, program, plan.quarter, request.calendar);
    const last = calendar.sprints.length - 1;
    return { ...plan, calendar, pins: plan.pins.filter((p) => p.startSprint <= last) };
  });
}

export function setInitiatives(deps: PlanDeps, request: RequestOf<'plan/initiatives/set'>) {
  return mutate(deps, request, 'edit', async ({ plan, scope }) => {
    const { nodes } = await scope();
    const seen = new Set<string>();
    request.initiatives.forEach(({ key }, i) => {
      if (seen.has(key)) throw new ProgramRuleError(`${key} is listed twice.`, `initiatives.${i}.key`);
      seen.add(key);
      if (!nodes.has(key) && !plan.initiatives.some((p) => p.key === key))
        throw new ProgramRuleError(`${key} is not an initiative of the program.`, `initiatives.${i}.key`);
    });
    // Chosen initiatives the editor cannot see stay chosen (they were never shown the list with them); one they
    // listed themselves keeps their priority.
    const restored = await keepHidden(deps, plan.initiatives, request.initiatives);
    const chosen = restored.filter((row) => request.initiatives.includes(row) || !seen.has(row.key));
    if (chosen.length > MAX_PLAN_INITIATIVES)
      throw new ProgramRuleError(
        `With the ${chosen.length - request.initiatives.length} initiatives you cannot see, which stay chosen, the plan would hold ${chosen.length}; it holds at most ${MAX_PLAN_INITIATIVES}.`,
        'initiatives',
      );
    return {
      ...plan,
      initiatives: chosen.map(({ key, priority }) => ({
        key,
        priority,
        carriedOver: plan.initiatives.find((p) => p.key === key)?.carriedOver ?? false,
      })),
    };
  });
}

export function setEstimates(deps: PlanDeps, request: RequestOf<'plan/estimates/set'>) {
  return mutate(deps, request, 'any-lead', ({ program, plan, isOwner, leadOf, accountId, at }) => {
    let estimates: PlanEstimate[] = [...plan.estimates];
    request.estimates.forEach((row, i) => {
      const path = `estimates.${i}`;
      const team = program.teams.find((t) => t.id === row.teamId);
      if (!team) throw new ProgramRuleError(`No team ${row.teamId} in the program.`, `${path}.teamId`);
      if (!isOwner && !leadOf.includes(team.id))
        throw new NotAllowedError(
          `Only ${team.name}’s lead or a program owner can estimate for ${team.name}.`,
        );
      if (!plan.initiatives.some((p) => p.key === row.initiativeKey))
        throw new ProgramRuleError(
          `${row.initiativeKey} is not chosen for ${plan.quarter}.`,
          `${path}.initiativeKey`,
        );
      estimates = estimates.filter((e) => e.initiativeKey !== row.initiativeKey || e.teamId !== row.teamId);
      if (row.sprints === null) return;
      const storyPoints = row.storyPoints ?? null;
      estimates.push({
        initiativeKey: row.initiativeKey,
        teamId: row.teamId,
        sprints: row.sprints,
        load: effectiveLoad(row.sprints, row.load, storyPoints),
        storyPoints,
        by: accountId,
        at,
      });
    });
    estimates.sort(
      (a, b) => compareIssueKeys(a.initiativeKey, b.initiativeKey) || a.teamId.localeCompare(b.teamId),
    );
    return { ...plan, estimates };
  });
}

export function setPins(deps: PlanDeps, request: RequestOf<'plan/pins/set'>) {
  return mutate(deps, request, 'edit', ({ plan, accountId, at }) => {
    let pins = [...plan.pins];
    request.pins.forEach((row, i) => {
      if (!plan.initiatives.some((p) => p.key === row.initiativeKey))
        throw new ProgramRuleError(
          `${row.initiativeKey} is not chosen for ${plan.quarter}.`,
          `pins.${i}.initiativeKey`,
        );
      if (row.startSprint !== null && row.startSprint >= plan.calendar.sprints.length)
        throw new ProgramRuleError(
          `The quarter has ${plan.calendar.sprints.length} sprints; sprint index ${row.startSprint} is outside it.`,
          `pins.${i}.startSprint`,
        );
      pins = pins.filter((p) => p.initiativeKey !== row.initiativeKey);
      if (row.startSprint !== null)
        pins.push({ initiativeKey: row.initiativeKey, startSprint: row.startSprint, by: accountId, at });
    });
    return { ...plan, pins: pins.sort((a, b) => compareIssueKeys(a.initiativeKey, b.initiativeKey)) };
  });
}

export function updateSession(deps: PlanDeps, request: RequestOf<'plan/session/update'>) {
  return mutate(deps, request, 'edit', async ({ plan, accountId, at }) => {
    const session = await keepHidden(deps, plan.session, request.session);
    return {
      ...plan,
      session: {
        ...session,
        attendees: [...new Set(session.attendees)],
        updatedBy: accountId,
        updatedAt: at,
      },
    };
  });
}

export function setCommitments(deps: PlanDeps, request: RequestOf<'plan/commitments/set'>) {
  const changed: Commitment[] = [];
  return mutate(
    deps,
    request,
    'any-lead',
    async ({ plan, scope, accountId, isOwner, leadOf, at }) => {
      const dependencies = quarterCrossTeamDependencies(plan, await scope());
      let commitments = [...plan.commitments];
      request.commitments.forEach((change, i) => {
        const dependency = dependencies.find((d) => d.from === change.from && d.to === change.to);
        const decision = decideCommitment(
          dependency,
          change,
          { accountId, isOwner, leadOfTeamIds: leadOf },
          at,
        );
        if (!decision.ok) {
          if (decision.refusal.kind === 'not-upstream-lead')
            throw new NotAllowedError(decision.refusal.message);
          throw new ProgramRuleError(
            decision.refusal.message,
            `commitments.${i}.${decision.refusal.kind === 'reason-required' ? 'reason' : 'from'}`,
          );
        }
        commitments = withCommitment(commitments, decision.commitment);
        changed.push(decision.commitment);
      });
      return { ...plan, commitments };
    },
    (_ctx, saved) => mirrorCommitments(deps, saved, changed),
  );
}

/** Read-modify-write of programs.commitments on both epics of every changed dependency, as the viewer. */
async function mirrorCommitments(
  deps: PlanDeps,
  plan: QuarterPlan,
  changed: Commitment[],
): Promise<string[]> {
  const warnings: string[] = [];
  const keys = [...new Set(changed.flatMap((c) => [c.from, c.to]))].sort(compareIssueKeys);
  for (const key of keys) {
    try {
      const existing = await deps.commitmentsProperty.get(key);
      const value = mergeCommitmentProperty(existing, key, plan.programId, plan.quarter, changed);
      await deps.commitmentsProperty.set(key, value);
    } catch (error) {
      warnings.push(
        `The commitment is saved in the plan but could not be recorded on ${key} (${COMMITMENTS_PROPERTY_KEY}): ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
  return warnings;
}

export function saveSuccessCriterion(deps: PlanDeps, request: RequestOf<'plan/success-criteria/save'>) {
  return mutate(deps, request, 'edit', async ({ plan }) => {
    const goals = (await deps.programs.items(request.programId)).goal.map((g) => g.id);
    request.fields.goalIds.forEach((id, i) => {
      if (!goals.includes(id))
        throw new ProgramRuleError(`No goal ${id} in the program.`, `fields.goalIds.${i}`);
    });
    const given = { ...request.fields, goalIds: [...new Set(request.fields.goalIds)] };
    if (request.id === undefined)
      return { ...plan, successCriteria: [...plan.successCriteria, { id: deps.newId(), ...given }] };
    const id = request.id;
    const stored = plan.successCriteria.find((c) => c.id === id);
    if (!stored)
      throw new PlanNotFoundError(plan.programId, `No success criterion ${id} in the ${plan.quarter} plan.`);
    const fields = await keepHidden(deps, stored, given);
    return {
      ...plan,
      successCriteria: plan.successCriteria.map((c) => (c.id === id ? { id, ...fields } : c)),
    };
  });
}

export function deleteSuccessCriterion(deps: PlanDeps, request: RequestOf<'plan/success-criteria/delete'>) {
  return mutate(deps, request, 'edit', ({ plan }) => {
    if (!plan.successCriteria.some((c) => c.id === request.id))
      throw new PlanNotFoundError(
        plan.programId,
        `No success criterion ${request.id} in the ${plan.quarter} plan.`,
      );
    return { ...plan, successCriteria: plan.successCriteria.filter((c) => c.id !== request.id) };
  });
}

export function updateCommunication(deps: PlanDeps, request: RequestOf<'plan/communication/update'>) {
  return mutate(deps, request, 'edit', async ({ plan }) => {
    const fields: CommunicationPlanFields = await keepHidden(deps, plan.communication, request.communication);
    const ids = new Set<string>();
    const meetings = fields.meetings.map((m, i) => {
      const id = m.id ?? deps.newId();
      if (ids.has(id))
        throw new ProgramRuleError(`Meeting id ${id} is used twice.`, `communication.meetings.${i}.id`);
      ids.add(id);
      return { ...m, id };
    });
    return { ...plan, communication: { ...fields, meetings } };
  });
}

export function linkTeamOkrs(deps: PlanDeps, request: RequestOf<'plan/team-okrs/link'>) {
  return mutate(deps, request, { team: request.teamId }, ({ program, plan }) => {
    if (!program.teams.some((t) => t.id === request.teamId))
      throw new ProgramRuleError(`No team ${request.teamId} in the program.`, 'teamId');
    const others = plan.okrLinks.filter((l) => l.teamId !== request.teamId);
    return {
      ...plan,
      okrLinks: request.url === null ? others : [...others, { teamId: request.teamId, url: request.url }],
    };
  });
}

export async function freezeBaseline(
  deps: PlanDeps,
  request: RequestOf<'plan/baseline/freeze'>,
): Promise<QuarterPlanView> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  const plan = await requirePlan(deps, request.programId, request.quarter);
  if (plan.version !== request.expectedVersion)
    throw new StaleVersionError(`The ${plan.quarter} plan`, request.expectedVersion, plan.version);
  const scope = await loadPlanScope(deps, program);
  const current = scheduleOf(program, plan, scope);
  const at = deps.now();
  const baseline: Baseline = {
    id: `${plan.quarter}-b${plan.baselines.length + 1}-${deps.newId()}`,
    frozenAt: at,
    frozenBy: deps.accountId ?? '',
    note: request.note ?? '',
    planVersion: plan.version,
    quarter: plan.quarter,
    sprints: plan.calendar.sprints,
    initiatives: plan.initiatives,
    estimates: plan.estimates,
    commitments: plan.commitments,
    schedule: baselineEntriesOf(
      plan.initiatives.map((i) => i.key),
      current,
    ),
  };
  const {
    schedule: _s,
    quarter: _q,
    sprints: _sp,
    initiatives: _i,
    estimates: _e,
    commitments: _c,
    ...summary
  } = baseline;
  const saved = await deps.plans.freeze(
    { ...plan, baselines: [...plan.baselines, summary], updatedAt: at },
    request.expectedVersion,
    baseline,
  );
  return buildPlanView(deps, program, saved, scope);
}

export async function getBaseline(
  deps: PlanDeps,
  request: RequestOf<'plan/baseline/get'>,
): Promise<Baseline> {
  await authorize(deps.programs, request.programId, deps.accountId, 'read');
  const baseline = await deps.plans.getBaseline(request.programId, request.quarter, request.baselineId);
  if (!baseline)
    throw new PlanNotFoundError(
      request.programId,
      `No baseline ${request.baselineId} in the ${request.quarter} plan.`,
    );
  return baseline;
}
