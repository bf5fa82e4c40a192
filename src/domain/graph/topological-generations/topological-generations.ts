import type { DependencyGraph } from '../dependency-graph/dependency-graph';
import { DependencyCycleError } from '../dependency-cycle-error';
import {
  computeComponents,
  findCycles,
  type Components,
} from '../strongly-connected-components/strongly-connected-components';

export interface TopologicalGenerations {
  /** Generation n holds the initiatives whose longest chain of dependencies has n links; each in key order. */
  generations: string[][];
  /** Initiatives on a dependency cycle: they have no place in any order. */
  inCycle: string[];
  /** Initiatives that wait, directly or not, for one on a cycle: they cannot be placed until it is broken. */
  afterCycle: string[];
}

/** Kahn's algorithm layer by layer, by node id: generationOf[v] = its generation, or -1 when it cannot be placed. */
export function generationsById(graph: DependencyGraph): { generationOf: Int32Array; layers: Int32Array[] } {
  const { outOffsets, outTargets, inOffsets } = graph;
  const n = graph.keys.length;
  const waitingFor = new Int32Array(n);
  const generationOf = new Int32Array(n).fill(-1);
  let layer = new Int32Array(n);
  let next = new Int32Array(n);
  let layerSize = 0;
  for (let v = 0; v < n; v++) {
    waitingFor[v] = inOffsets[v + 1]! - inOffsets[v]!;
    if (waitingFor[v] === 0) layer[layerSize++] = v;
  }
  const layers: Int32Array[] = [];
  let generation = 0;
  while (layerSize > 0) {
    const current = layer.subarray(0, layerSize);
    layers.push(current.slice());
    let nextSize = 0;
    for (let i = 0; i < layerSize; i++) {
      const v = current[i]!;
      generationOf[v] = generation;
      for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) {
        const w = outTargets[e]!;
        if (--waitingFor[w]! === 0) next[nextSize++] = w;
      }
    }
    next.subarray(0, nextSize).sort();
    [layer, next] = [next, layer];
    layerSize = nextSize;
    generation++;
  }
  return { generationOf, layers };
}

/**
 * Generations of work: generation 0 waits for nothing, generation n for something in generation n − 1.
 * Initiatives on or after a cycle are returned apart, not dropped.
 */
export function topologicalGenerations(
  graph: DependencyGraph,
  components?: Components,
): TopologicalGenerations {
  const { generationOf, layers } = generationsById(graph);
  const generations = layers.map((layer) => Array.from(layer, (v) => graph.keys[v]!));
  const inCycle: string[] = [];
  const afterCycle: string[] = [];
  const placed = layers.reduce((sum, layer) => sum + layer.length, 0);
  if (placed < graph.keys.length) {
    const { onCycle } = components ?? computeComponents(graph);
    for (let v = 0; v < graph.keys.length; v++)
      if (generationOf[v] === -1) (onCycle[v] ? inCycle : afterCycle).push(graph.keys[v]!);
  }
  return { generations, inCycle, afterCycle };
}

/** Every initiative after everything it depends on (generation by generation, key order within one). */
export function topologicalOrder(graph: DependencyGraph): string[] {
  const { generations, inCycle } = topologicalGenerations(graph);
  if (inCycle.length > 0) {
    const [first] = findCycles(graph);
    throw new DependencyCycleError(first?.path ?? inCycle);
  }
  return generations.flat();
}
