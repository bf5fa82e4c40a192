import type { DependencyGraph } from '../dependency-graph/dependency-graph';
import { criticalPath, type CriticalPath, type CriticalPathOptions } from '../critical-path/critical-path';
import {
  computeComponents,
  findCycles,
  type DependencyCycleReport,
} from '../strongly-connected-components/strongly-connected-components';
import {
  topologicalGenerations,
  type TopologicalGenerations,
} from '../topological-generations/topological-generations';

export interface DependencyAnalysis {
  cycles: DependencyCycleReport[];
  generations: TopologicalGenerations;
  criticalPath: CriticalPath;
}

/**
 * Cycles, generations and the critical path, sharing one pass of Tarjan. Generations and the critical path
 * both run over the graph without the cycles' members, so initiatives after a cycle still get a place.
 */
export function analyzeDependencies(
  graph: DependencyGraph,
  options: CriticalPathOptions,
): DependencyAnalysis {
  const components = computeComponents(graph);
  return {
    cycles: findCycles(graph, components),
    generations: topologicalGenerations(graph, { cycles: 'skip' }, components),
    criticalPath: criticalPath(graph, options, components),
  };
}
