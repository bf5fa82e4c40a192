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
  /**
   * Initiatives that wait, directly or not, for one on a cycle. Strictly they cannot be placed until the
   * cycle is broken, so by default they are listed here and in no generation; with `cycles: 'skip'` they
   * are also placed, by their dependencies off the cycle.
   */
  afterCycle: string[];
}

export interface GenerationOptions {
  /**
   * 'hold' (default): initiatives after a cycle are not placed. 'skip': the cycle's members are taken out
   * and everything else is placed over the acyclic rest, as the critical path does.
   */
  cycles?: 'hold' | 'skip';
}

/**
 * Kahn's algorithm layer by layer, by node id, over the nodes not in `skip`: generationOf[v] = its
 * generation, or -1 when it cannot be placed (or is skipped).
 */
export function generationsById(
  graph: DependencyGraph,
  skip?: Uint8Array,
): { generationOf: Int32Array; layers: Int32Array[] } {
  const { outOffsets, outTargets, inOffsets, inSources } = graph;
  const n = graph.keys.length;
  const waitingFor = new Int32Array(n);
  const generationOf = new Int32Array(n).fill(-1);
  let layer = new Int32Array(n);
  let next = new Int32Array(n);
  let layerSize = 0;
  for (let v = 0; v < n; v++) {
    if (skip?.[v]) continue;
    let count = inOffsets[v + 1]! - inOffsets[v]!;
    if (skip) for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) count -= skip[inSources[e]!]!;
    waitingFor[v] = count;
    if (count === 0) layer[layerSize++] = v;
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
        if (!skip?.[w] && --waitingFor[w]! === 0) next[nextSize++] = w;
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
  options: GenerationOptions = {},
  components?: Components,
): TopologicalGenerations {
  const { keys, outOffsets, outTargets } = graph;
  if (options.cycles !== 'skip') {
    const { generationOf, layers } = generationsById(graph);
    const generations = layers.map((layer) => Array.from(layer, (v) => keys[v]!));
    const inCycle: string[] = [];
    const afterCycle: string[] = [];
    const placed = layers.reduce((sum, layer) => sum + layer.length, 0);
    if (placed < keys.length) {
      const { onCycle } = components ?? computeComponents(graph);
      for (let v = 0; v < keys.length; v++)
        if (generationOf[v] === -1) (onCycle[v] ? inCycle : afterCycle).push(keys[v]!);
    }
    return { generations, inCycle, afterCycle };
  }

  const { onCycle } = components ?? computeComponents(graph);
  const { layers } = generationsById(graph, onCycle);
  // Everything reachable from a cycle waits for it.
  const after = new Uint8Array(keys.length);
  const queue = new Int32Array(keys.length);
  let tail = 0;
  for (let v = 0; v < keys.length; v++) if (onCycle[v]) queue[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      const w = outTargets[e]!;
      if (onCycle[w] || after[w]) continue;
      after[w] = 1;
      queue[tail++] = w;
    }
  }
  const inCycle: string[] = [];
  const afterCycle: string[] = [];
  for (let v = 0; v < keys.length; v++) {
    if (onCycle[v]) inCycle.push(keys[v]!);
    else if (after[v]) afterCycle.push(keys[v]!);
  }
  return { generations: layers.map((layer) => Array.from(layer, (v) => keys[v]!)), inCycle, afterCycle };
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
