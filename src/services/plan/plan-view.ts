// The quarter plan as the viewer reads it: the stored plan with the program scope from Jira, the schedule
// computed now, the cross-team dependencies with their commitments, and the baseline comparison.
import type {
  DependencyEdge,
  DependencyNode,
  PlanDependency,
  PlanInitiativeRow,
  ProgramDependencies,
  QuarterPlanView,
  TeamOkrs,
} from '../../contract';
import {
  baselineEntriesOf,
  compareToBaseline,
  missingEstimates,
  proposedCommitment,
  renderTeamOkrs,
  scheduleInputOf,
  type CrossTeamDependency,
  type QuarterPlan,
} from '../../domain/plan';
import { previousQuarter } from '../../domain/calendar';
import type { ProgramRecord } from '../../domain/program/program';
import { schedule, type QuarterSchedule } from '../../domain/schedule';
import { compareIssueKeys } from '../../domain/scope/issue-key';
import { allows, rolesOf } from '../access';
import { dependenciesOf } from '../scope/load-program-dependencies';
import { loadProgramScope } from '../scope/load-program-scope';
import { toProgramSummary } from '../load-program-initiatives';
import { PlanNotFoundError, type PlanDeps } from './deps';

/** The program scope as the plan needs it: nodes by key, edges, and which program team owns each epic. */
export interface PlanScope {
  nodes: Map<string, DependencyNode>;
  edges: DependencyEdge[];
  teamIdOf: (key: string) => string | null;
  warnings: string[];
}

export async function loadPlanScope(
  deps: Pick<PlanDeps, 'jira'>,
  program: ProgramRecord,
): Promise<PlanScope> {
  const graph: ProgramDependencies = dependenciesOf(program, await loadProgramScope(deps.jira, program));
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const teamIdOf = (key: string): string | null => {
    const node = nodes.get(key);
    const project = key.slice(0, key.lastIndexOf('-'));
    const team =
      (node && program.teams.find((t) => t.name === node.team || t.jiraTeam === node.team)) ??
      program.teams.find((t) => t.jiraTeam === project);
    return team?.id ?? null;
  };
  return { nodes, edges: graph.edges, teamIdOf, warnings: graph.warnings };
}

export async function requirePlan(deps: Pick<PlanDeps, 'plans'>, programId: string, quarter: string) {
  const plan = await deps.plans.get(programId, quarter);
  if (!plan) throw new PlanNotFoundError(programId, `The program has no ${quarter} plan yet.`);
  return plan;
}

/** Cross-team dependencies the quarter relies on: the dependent is chosen this quarter. */
export function quarterCrossTeamDependencies(plan: QuarterPlan, scope: PlanScope): CrossTeamDependency[] {
  const chosen = new Set(plan.initiatives.map((i) => i.key));
  return scope.edges
    .filter((e) => e.crossTeam && chosen.has(e.to))
    .map((e) => ({
      from: e.from,
      to: e.to,
      fromTeamId: scope.teamIdOf(e.from),
      toTeamId: scope.teamIdOf(e.to),
    }));
}

export function scheduleOf(program: ProgramRecord, plan: QuarterPlan, scope: PlanScope): QuarterSchedule {
  return schedule(
    scheduleInputOf({
      sprints: plan.calendar.sprints,
      teams: program.teams.map((t) => ({ team: t.id, capacityPerSprint: t.capacityPerSprint })),
      initiatives: plan.initiatives,
      estimates: plan.estimates,
      pins: plan.pins,
      dependencies: scope.edges.map((e) => ({ from: e.from, to: e.to })),
    }),
  );
}

function planDependencies(plan: QuarterPlan, scope: PlanScope, current: QuarterSchedule): PlanDependency[] {
  const chosen = new Set(plan.initiatives.map((i) => i.key));
  const placed = new Map(current.initiatives.map((p) => [p.key, p]));
  return scope.edges
    .filter((e) => chosen.has(e.to) && (chosen.has(e.from) || e.crossTeam))
    .map((e) => {
      const from = placed.get(e.from);
      const to = placed.get(e.to);
      return {
        from: e.from,
        to: e.to,
        fromTeamId: scope.teamIdOf(e.from),
        toTeamId: scope.teamIdOf(e.to),
        crossTeam: e.crossTeam,
        evidence: e.evidence,
        commitment: e.crossTeam
          ? (plan.commitments.find((c) => c.from === e.from && c.to === e.to) ??
            proposedCommitment(e.from, e.to))
          : null,
        late: from !== undefined && to !== undefined && to.startSprint <= from.endSprint,
      };
    })
    .sort((a, b) => compareIssueKeys(a.from, b.from) || compareIssueKeys(a.to, b.to));
}

export async function buildPlanView(
  deps: Pick<PlanDeps, 'plans' | 'accountId'>,
  program: ProgramRecord,
  plan: QuarterPlan,
  scope: PlanScope,
  options: { baselineId?: string | undefined; warnings?: string[] } = {},
): Promise<QuarterPlanView> {
  const accountId = deps.accountId;
  const current = scheduleOf(program, plan, scope);
  const chosen = new Set(plan.initiatives.map((i) => i.key));
  const initiatives: PlanInitiativeRow[] = plan.initiatives.map((i) => {
    const node = scope.nodes.get(i.key);
    return {
      ...i,
      summary: node?.summary ?? null,
      teamId: scope.teamIdOf(i.key),
      team: node?.team ?? null,
      status: node?.status ?? null,
      inScope: node !== undefined,
    };
  });
  const candidates = [...scope.nodes.values()]
    .filter((n) => !chosen.has(n.key))
    .map((n) => ({ key: n.key, summary: n.summary, teamId: scope.teamIdOf(n.key), team: n.team }));

  const previous = await previousPlan(deps, plan);
  const carryOverCandidates = previous ? unfinishedOf(previous, scope).filter((key) => !chosen.has(key)) : [];

  const baselineId = options.baselineId ?? plan.baselines.at(-1)?.id;
  let baselineComparison: QuarterPlanView['baselineComparison'] = null;
  if (baselineId !== undefined) {
    const baseline = await deps.plans.getBaseline(plan.programId, plan.quarter, baselineId);
    if (!baseline)
      throw new PlanNotFoundError(plan.programId, `No baseline ${baselineId} in the ${plan.quarter} plan.`);
    const { schedule: frozen, ...summary } = baseline;
    baselineComparison = {
      baseline: {
        id: summary.id,
        frozenAt: summary.frozenAt,
        frozenBy: summary.frozenBy,
        note: summary.note,
        planVersion: summary.planVersion,
      },
      variances: compareToBaseline(frozen, baselineEntriesOf([...chosen], current)),
    };
  }

  const warnings = [...scope.warnings, ...(options.warnings ?? [])];
  const gone = initiatives.filter((i) => !i.inScope).map((i) => i.key);
  if (gone.length > 0)
    warnings.push(`Not in the program's scope any more (or not visible to you): ${gone.join(', ')}.`);
  if (plan.calendar.sprints.length === 0) warnings.push(`The ${plan.quarter} calendar has no sprints.`);

  return {
    program: toProgramSummary(program),
    teams: program.teams,
    roles: rolesOf(program, accountId),
    canEdit: allows(program, accountId, 'edit'),
    editableTeamIds: program.teams.filter((t) => allows(program, accountId, { team: t.id })).map((t) => t.id),
    plan,
    initiatives,
    candidates,
    carryOverCandidates,
    missingEstimates: missingEstimates(plan.initiatives, plan.estimates, scope.teamIdOf),
    schedule: current,
    dependencies: planDependencies(plan, scope, current),
    baselineComparison,
    warnings,
  };
}

async function previousPlan(
  deps: Pick<PlanDeps, 'plans'>,
  plan: QuarterPlan,
): Promise<QuarterPlan | undefined> {
  return deps.plans.get(plan.programId, previousQuarter(plan.quarter));
}

/** Initiatives of a plan that are still in scope and not done. */
export function unfinishedOf(plan: QuarterPlan, scope: PlanScope): string[] {
  return plan.initiatives
    .filter((i) => {
      const node = scope.nodes.get(i.key);
      return node !== undefined && node.status.category !== 'done';
    })
    .map((i) => i.key);
}

export function teamOkrsOf(program: ProgramRecord, plan: QuarterPlan, scope: PlanScope): TeamOkrs[] {
  const current = scheduleOf(program, plan, scope);
  const placed = new Map(current.initiatives.map((p) => [p.key, p]));
  const dependencies = quarterCrossTeamDependencies(plan, scope).map((d) => ({
    ...d,
    commitment:
      plan.commitments.find((c) => c.from === d.from && c.to === d.to) ?? proposedCommitment(d.from, d.to),
  }));
  return renderTeamOkrs({
    teams: program.teams,
    dependencies,
    okrLinks: plan.okrLinks,
    summaryOf: (key) => scope.nodes.get(key)?.summary ?? null,
    endSprintOf: (key) => {
      const p = placed.get(key);
      return p ? (plan.calendar.sprints[p.endSprint] ?? null) : null;
    },
  });
}
