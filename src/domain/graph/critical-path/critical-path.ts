import type { DependencyGraph } from '../dependency-graph/dependency-graph';
import {
  computeComponents,
  type Components,
} from '../strongly-connected-components/strongly-connected-components';

export interface CriticalPathOptions {
  /** An initiative's estimate (e.g. story points); null or undefined when it has none. */
  estimateOf: (key: string) => number | null | undefined;
  /** Counted for an initiative without a usable estimate (missing, negative or not a number). Default 1. */
  defaultEstimate?: number;
}

export interface CriticalPath {
  /** The chain of dependencies with the largest total estimate, first to last. */
  path: string[];
  total: number;
  /**
   * Initiatives on a cycle, left out: a cycle has no first or last, so the path runs over the acyclic
   * rest of the graph and ignores the links that touch these. Initiatives after a cycle still count.
   */
  excluded: string[];
}

/**
 * The longest chain by estimate (node weights) over the graph without its cycles, by dynamic programming
 * in topological order. Ties go to the chain that ends, and then runs through, the smaller keys.
 */
export function criticalPath(
  graph: DependencyGraph,
  options: CriticalPathOptions,
  components: Components = computeComponents(graph),
): CriticalPath {
  const { outOffsets, outTargets, inOffsets, inSources, keys } = graph;
  const { onCycle } = components;
  const n = keys.length;
  const fallback = options.defaultEstimate ?? 1;
  const weight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const estimate = options.estimateOf(keys[v]!);
    weight[v] =
      typeof estimate === 'number' && Number.isFinite(estimate) && estimate >= 0 ? estimate : fallback;
  }

  // Kahn over the nodes off cycles; links from or to a node on a cycle are ignored.
  const waitingFor = new Int32Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (onCycle[v]) continue;
    let count = 0;
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) if (!onCycle[inSources[e]!]) count++;
    waitingFor[v] = count;
    if (count === 0) queue[tail++] = v;
  }
  const best = new Float64Array(n);
  const previous = new Int32Array(n).fill(-1);
  let end = -1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    // Every predecessor of v is final here; the first (smallest key) of the heaviest wins a tie.
    let from = -1;
    let longest = 0;
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
      const u = inSources[e]!;
      if (!onCycle[u] && (from === -1 || best[u]! > longest)) {
        from = u;
        longest = best[u]!;
      }
    }
    best[v] = longest + weight[v]!;
    previous[v] = from;
    if (end === -1 || best[v]! > best[end]! || (best[v] === best[end] && v < end)) end = v;
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) {
      const w = outTargets[e]!;
      if (!onCycle[w] && --waitingFor[w]! === 0) queue[tail++] = w;
    }
  }

  const path: string[] = [];
  for (let v = end; v !== -1; v = previous[v]!) path.push(keys[v]!);
  path.reverse();
  const excluded: string[] = [];
  for (let v = 0; v < n; v++) if (onCycle[v]) excluded.push(keys[v]!);
  return { path, total: end === -1 ? 0 : best[end]!, excluded };
}
