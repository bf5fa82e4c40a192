export * from './dependency-graph/dependency-graph';
export * from './dependency-cycle-error';
export {
  EXHAUSTIVE_CYCLE_SEARCH_LIMIT,
  findCycles,
  stronglyConnectedComponents,
  type DependencyCycleReport,
} from './strongly-connected-components/strongly-connected-components';
export * from './topological-generations/topological-generations';
export * from './critical-path/critical-path';
export * from './cross-team-edges/cross-team-edges';
export * from './would-create-cycle/would-create-cycle';
export * from './analyze/analyze';
