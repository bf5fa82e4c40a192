import type { DependencyGraph } from '../dependency-graph/dependency-graph';

/**
 * Strongly connected components by node id. Components are numbered in reverse topological order:
 * for every edge u → v between two components, componentOf[u] > componentOf[v].
 */
export interface Components {
  readonly count: number;
  readonly componentOf: Int32Array;
  /** Members of component c are members[memberOffsets[c]] up to memberOffsets[c + 1], ascending. */
  readonly memberOffsets: Int32Array;
  readonly members: Int32Array;
  /** 1 for a node on a cycle: in a component of two or more, or with a link to itself. */
  readonly onCycle: Uint8Array;
}

/** Tarjan's algorithm with an explicit stack: no recursion, so a 100,000-node chain is fine. */
export function computeComponents(graph: DependencyGraph): Components {
  const { outOffsets, outTargets } = graph;
  const n = graph.keys.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  const componentOf = new Int32Array(n);
  let stackSize = 0;
  let depth = 0;
  let counter = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    nextEdge[root] = outOffsets[root]!;
    callStack[depth++] = root;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      const edge = nextEdge[v]!;
      if (edge < outOffsets[v + 1]!) {
        nextEdge[v] = edge + 1;
        const w = outTargets[edge]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[stackSize++] = w;
          onStack[w] = 1;
          nextEdge[w] = outOffsets[w]!;
          callStack[depth++] = w;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      depth--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackSize]!;
          onStack[w] = 0;
          componentOf[w] = count;
        } while (w !== v);
        count++;
      }
      if (depth > 0) {
        const parent = callStack[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }

  const memberOffsets = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) memberOffsets[componentOf[v]! + 1]!++;
  for (let c = 0; c < count; c++) memberOffsets[c + 1]! += memberOffsets[c]!;
  const members = new Int32Array(n);
  const cursor = memberOffsets.slice(0, count);
  for (let v = 0; v < n; v++) members[cursor[componentOf[v]!]!++] = v;

  const onCycle = new Uint8Array(n);
  for (let c = 0; c < count; c++) {
    const start = memberOffsets[c]!;
    const end = memberOffsets[c + 1]!;
    if (end - start > 1) for (let i = start; i < end; i++) onCycle[members[i]!] = 1;
  }
  for (let v = 0; v < n; v++)
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) if (outTargets[e] === v) onCycle[v] = 1;

  return { count, componentOf, memberOffsets, members, onCycle };
}

/** The strongly connected components as initiative keys, each in key order, ordered by their first key. */
export function stronglyConnectedComponents(graph: DependencyGraph): string[][] {
  const { count, memberOffsets, members } = computeComponents(graph);
  const result: string[][] = [];
  for (let c = 0; c < count; c++)
    result.push(Array.from(members.subarray(memberOffsets[c], memberOffsets[c + 1]), (v) => graph.keys[v]!));
  // Members are ascending ids, and ids follow key order, so comparing first ids orders the components.
  return result.sort((a, b) => graph.idOf.get(a[0]!)! - graph.idOf.get(b[0]!)!);
}

export interface DependencyCycleReport {
  /** A shortest cycle, starting and ending at its smallest key: ['ID-4', 'PAY-1', 'ID-4']. */
  path: string[];
  /** Every initiative caught in the same tangle (the strongly connected component), in key order. */
  members: string[];
}

/** Up to this many members, a component is searched for its overall shortest cycle; beyond, through its smallest key. */
export const EXHAUSTIVE_CYCLE_SEARCH_LIMIT = 200;

/** Shortest cycle through `start` inside its component, by breadth-first search; ids, start repeated at the end. */
function shortestCycleThrough(
  graph: DependencyGraph,
  components: Components,
  start: number,
  parent: Int32Array,
  seen: Int32Array,
  stamp: number,
  queue: Int32Array,
): number[] | undefined {
  const { outOffsets, outTargets } = graph;
  const component = components.componentOf[start];
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = stamp;
  parent[start] = -1;
  while (head < tail) {
    const u = queue[head++]!;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      const w = outTargets[e]!;
      if (w === start) {
        const path = [start];
        for (let x = u; x !== -1; x = parent[x]!) path.push(x);
        return path.reverse();
      }
      if (seen[w] === stamp || components.componentOf[w] !== component) continue;
      seen[w] = stamp;
      parent[w] = u;
      queue[tail++] = w;
    }
  }
  return undefined;
}

/** Cycles as id paths with their component's members; shared by the analyses that need both. */
export function cyclesOf(
  graph: DependencyGraph,
  components: Components,
): { path: number[]; members: Int32Array }[] {
  const n = graph.keys.length;
  const parent = new Int32Array(n);
  const seen = new Int32Array(n);
  const queue = new Int32Array(n);
  let stamp = 0;
  const cycles: { path: number[]; members: Int32Array }[] = [];
  const { count, memberOffsets, members, onCycle } = components;
  for (let c = 0; c < count; c++) {
    const group = members.subarray(memberOffsets[c], memberOffsets[c + 1]);
    const smallest = group[0]!;
    if (!onCycle[smallest]) continue;
    let best: number[] | undefined;
    const starts = group.length <= EXHAUSTIVE_CYCLE_SEARCH_LIMIT ? group : group.subarray(0, 1);
    for (const start of starts) {
      const path = shortestCycleThrough(graph, components, start, parent, seen, ++stamp, queue);
      // Starts go up in key order and only a strictly shorter cycle wins, so `best` starts at its smallest key.
      if (path && (!best || path.length < best.length)) best = path;
      if (best && best.length === 2) break;
    }
    if (best) cycles.push({ path: best, members: group });
  }
  return cycles.sort((a, b) => a.members[0]! - b.members[0]!);
}

/**
 * Every dependency cycle, one per tangle (strongly connected component), tangles in key order of their
 * smallest member: a shortest cycle through it as a concrete path, plus all the tangle's members.
 */
export function findCycles(
  graph: DependencyGraph,
  components = computeComponents(graph),
): DependencyCycleReport[] {
  return cyclesOf(graph, components).map(({ path, members }) => ({
    path: path.map((v) => graph.keys[v]!),
    members: Array.from(members, (v) => graph.keys[v]!),
  }));
}
