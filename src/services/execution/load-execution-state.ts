// Loads the execution state of a program: its scope from Jira (as whoever `jira` acts for: the viewer in
// resolvers, the app in triggers — results computed as the app must be filtered before a user sees them),
// its records, and the quarter plan in force with its schedule on today's scope and its latest baseline.
import { owningTeam } from '../../domain/initiative/initiative';
import type { ProgramRecord } from '../../domain/program/program';
import { estimateOf } from '../../domain/scope/rollup';
import {
  planInForce,
  sprintIndexOn,
  type ExecutionInitiative,
  type ExecutionPlan,
  type ExecutionState,
} from '../../domain/execution/state';
import type { JiraPort } from '../../ports/jira';
import type { QuarterPlan } from '../../domain/plan/types';
import type { PlanStore } from '../../ports/plan-store';
import type { ProgramItems, ProgramStore } from '../../ports/program-store';
import { scheduleOf, type PlanScope } from '../plan/plan-view';
import { dependenciesOf } from '../scope/load-program-dependencies';
import { loadProgramScope, type LoadedScope } from '../scope/load-program-scope';

export interface ExecutionStateDeps {
  jira: JiraPort;
  programs: ProgramStore;
  plans: PlanStore;
  /** The current time as an ISO string. */
  now: () => string;
}

/** The program team owning an epic: by the Team field's name, else by project. */
export function teamIdResolver(program: ProgramRecord) {
  return (key: string, team: string | undefined): string | null => {
    const project = key.slice(0, key.lastIndexOf('-'));
    const match =
      (team !== undefined && program.teams.find((t) => t.name === team || t.jiraTeam === team)) ||
      program.teams.find((t) => t.jiraTeam === project);
    return match ? match.id : null;
  };
}

export async function loadExecutionState(
  deps: ExecutionStateDeps,
  program: ProgramRecord,
): Promise<ExecutionState> {
  const [scope, items, plans] = await Promise.all([
    loadProgramScope(deps.jira, program),
    deps.programs.items(program.id),
    deps.plans.list(program.id),
  ]);
  return executionStateOf(deps, program, { scope, items, plans });
}

/** The execution state from a scope, records and plans already read (the snapshot trigger reads them once). */
export async function executionStateOf(
  deps: { plans: Pick<PlanStore, 'getBaseline'>; now: () => string },
  program: ProgramRecord,
  { scope, items, plans }: { scope: LoadedScope; items: ProgramItems; plans: QuarterPlan[] },
): Promise<ExecutionState> {
  const today = deps.now().slice(0, 10);
  const graph = dependenciesOf(program, scope);
  const teamIdOf = teamIdResolver(program);

  const initiatives = scope.epics.map((epic): ExecutionInitiative => {
    const children = scope.childrenByEpic.get(epic.key) ?? [];
    const team = owningTeam(epic).name;
    const row: ExecutionInitiative = {
      key: epic.key,
      summary: epic.summary,
      projectKey: epic.projectKey,
      team,
      teamId: teamIdOf(epic.key, team),
      status: epic.status,
      storyPoints: epic.storyPoints,
      estimate: estimateOf(epic, children),
      children: children.map((c) => ({
        key: c.key,
        status: c.status.category,
        storyPoints: c.storyPoints,
        ...(c.resolvedAt !== undefined ? { resolvedAt: c.resolvedAt } : {}),
      })),
    };
    if (epic.startDate !== undefined) row.startDate = epic.startDate;
    if (epic.targetDate !== undefined) row.targetDate = epic.targetDate;
    if (epic.resolvedAt !== undefined) row.resolvedAt = epic.resolvedAt;
    return row;
  });

  let current: ExecutionPlan | null = null;
  const plan = planInForce(plans, today);
  if (plan) {
    const byKey = new Map(initiatives.map((i) => [i.key, i]));
    const planScope: PlanScope = {
      nodes: new Map(graph.nodes.map((n) => [n.key, n])),
      edges: graph.edges,
      teamIdOf: (key) => byKey.get(key)?.teamId ?? teamIdOf(key, undefined),
      warnings: [],
    };
    const latest = plan.baselines.at(-1);
    const baseline = latest
      ? ((await deps.plans.getBaseline(program.id, plan.quarter, latest.id)) ?? null)
      : null;
    current = {
      plan,
      schedule: scheduleOf(program, plan, planScope),
      baseline,
      currentSprint: sprintIndexOn(plan.calendar.sprints, today),
    };
  }

  return {
    today,
    program,
    initiatives,
    edges: graph.edges,
    cycles: graph.cycles,
    goals: items.goal,
    milestones: items.milestone,
    risks: items.risk,
    strategies: items.strategy,
    strategicInitiatives: items['strategic-initiative'],
    plans,
    current,
    warnings: graph.warnings,
  };
}
