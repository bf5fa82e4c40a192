import type { DependencyGraph } from '../dependency-graph/dependency-graph';

export type CycleCheck =
  | { createsCycle: false }
  | {
      createsCycle: true;
      /** The cycle the new link would close, starting with it: ['PAY-1', 'ID-4', 'MOB-2', 'PAY-1']. */
      cycle: string[];
    };

/**
 * Would adding "`to` depends on `from`" (from → to) close a cycle? Only if `to` already leads to `from`;
 * the answer carries the shortest such cycle. Unknown keys are new initiatives, which close nothing.
 */
export function wouldCreateCycle(graph: DependencyGraph, from: string, to: string): CycleCheck {
  if (from === to) return { createsCycle: true, cycle: [from, from] };
  const source = graph.idOf.get(to);
  const target = graph.idOf.get(from);
  if (source === undefined || target === undefined) return { createsCycle: false };
  const { outOffsets, outTargets, keys } = graph;
  const parent = new Int32Array(keys.length).fill(-2);
  const queue = new Int32Array(keys.length);
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  parent[source] = -1;
  while (head < tail) {
    const u = queue[head++]!;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      const w = outTargets[e]!;
      if (parent[w] !== -2) continue;
      parent[w] = u;
      if (w === target) {
        const back: string[] = [];
        for (let x = w; x !== -1; x = parent[x]!) back.push(keys[x]!);
        // back runs from `from` to `to`; the new link from → to closes it.
        return { createsCycle: true, cycle: [from, ...back.reverse()] };
      }
      queue[tail++] = w;
    }
  }
  return { createsCycle: false };
}
