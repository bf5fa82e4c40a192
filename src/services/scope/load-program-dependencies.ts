// program/dependencies: the program's initiatives as a dependency graph, every edge traceable to Jira links.
import type { DependencyEdge, DependencyNode, ProgramDependencies } from '../../contract';
import { analyzeDependencies, buildDependencyGraph, crossTeamEdges } from '../../domain/graph';
import { owningTeam } from '../../domain/initiative/initiative';
import type { ProgramRecord } from '../../domain/program/program';
import { estimateOf } from '../../domain/scope/rollup';
import type { JiraPort } from '../../ports/jira';
import type { ProgramStore } from '../../ports/program-store';
import { authorize } from '../access';
import { toProgramSummary } from '../load-program-initiatives';
import { loadProgramScope, type LoadedScope } from './load-program-scope';

export interface DependenciesDeps {
  jira: JiraPort;
  programs: ProgramStore;
  /** The viewer: they must have a role in the program. */
  accountId: string | undefined;
}

export async function loadProgramDependencies(
  deps: DependenciesDeps,
  programId: string,
): Promise<ProgramDependencies> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  return dependenciesOf(program, await loadProgramScope(deps.jira, program));
}

/** The graph view of a loaded scope: nodes, rolled-up edges, cycles, generations and the critical path. */
export function dependenciesOf(program: ProgramRecord, scope: LoadedScope): ProgramDependencies {
  const { epics, childrenByEpic, dependencies } = scope;
  const teamOf = new Map(epics.map((e) => [e.key, owningTeam(e).name]));
  const estimates = new Map(epics.map((e) => [e.key, estimateOf(e, childrenByEpic.get(e.key) ?? [])]));

  const graph = buildDependencyGraph(
    epics.map((e) => e.key),
    dependencies.edges,
  );
  const analysis = analyzeDependencies(graph, { estimateOf: (key) => estimates.get(key) ?? null });
  const crossTeam = new Set(crossTeamEdges(graph, teamOf).edges.map((e) => `${e.from}\u0000${e.to}`));
  const generationOf = new Map<string, number>();
  analysis.generations.generations.forEach((keys, generation) => {
    for (const key of keys) generationOf.set(key, generation);
  });
  const onPath = new Set(analysis.criticalPath.path);

  const edges: DependencyEdge[] = dependencies.edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    crossTeam: crossTeam.has(`${edge.from}\u0000${edge.to}`),
    evidence: edge.evidence.map((e) => ({ ...e })),
  }));
  const edgeByPair = new Map(edges.map((e) => [`${e.from}\u0000${e.to}`, e]));

  const nodes: DependencyNode[] = epics.map((epic) => ({
    key: epic.key,
    summary: epic.summary,
    team: teamOf.get(epic.key) ?? epic.projectName,
    status: epic.status,
    estimate: estimates.get(epic.key) ?? null,
    generation: generationOf.get(epic.key) ?? null,
    onCriticalPath: onPath.has(epic.key),
  }));

  const cycles = analysis.cycles.map((cycle) => ({
    path: cycle.path,
    evidence: cycle.path.slice(1).flatMap((to, i) => {
      const from = cycle.path[i]!;
      return edgeByPair.get(`${from}\u0000${to}`)?.evidence ?? [];
    }),
  }));

  const warnings = [...scope.warnings];
  if (cycles.length > 0)
    warnings.push(
      `${cycles.length === 1 ? 'One dependency cycle' : `${cycles.length} dependency cycles`} block${cycles.length === 1 ? 's' : ''} planning: ${cycles.map((c) => c.path.join(' → ')).join('; ')}.`,
    );

  return {
    program: toProgramSummary(program),
    nodes,
    edges,
    cycles,
    external: dependencies.external.map((x) => ({ ...x })),
    criticalPath: analysis.criticalPath.path,
    linkTypes: scope.dependencyLinkTypes,
    warnings,
  };
}
