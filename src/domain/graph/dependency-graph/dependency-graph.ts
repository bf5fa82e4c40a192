/** One dependency between initiatives: `to` depends on `from` (from must finish first). */
export interface DependencyLink {
  readonly from: string;
  readonly to: string;
}

/**
 * Initiatives (by issue key) and their dependencies, built once into compact adjacency arrays so the
 * algorithms run on integer ids. Node ids follow issue-key order (PAY-2 before PAY-10), and every
 * adjacency list is ascending without duplicates: whatever order the links came in, results are the same.
 */
export interface DependencyGraph {
  /** Issue key of each node id. */
  readonly keys: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /** The successors of node v are outTargets[outOffsets[v]] up to (not including) outTargets[outOffsets[v + 1]]. */
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  /** The predecessors of node v, laid out the same way. */
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
}

const NUMBERED_KEY = /^(.*)-(\d+)$/;

interface ParsedKey {
  key: string;
  prefix: string;
  /** The issue number without leading zeros, compared by length then text; empty for a key without one. */
  digits: string;
}

function parseKey(key: string): ParsedKey {
  const match = NUMBERED_KEY.exec(key);
  if (!match) return { key, prefix: key, digits: '' };
  return { key, prefix: match[1] ?? '', digits: (match[2] ?? '').replace(/^0+(?=\d)/, '') };
}

function compareParsed(a: ParsedKey, b: ParsedKey): number {
  if (a.prefix !== b.prefix) return a.prefix < b.prefix ? -1 : 1;
  if (a.digits.length !== b.digits.length) return a.digits.length - b.digits.length;
  if (a.digits !== b.digits) return a.digits < b.digits ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Issue-key order: project first, then the issue number as a number (PAY-2 before PAY-10). */
export function compareIssueKeys(a: string, b: string): number {
  return compareParsed(parseKey(a), parseKey(b));
}

function sortedKeys(keys: Iterable<string>): string[] {
  // Parse each key once; the comparator then only compares prefixes and numbers.
  return Array.from(keys, parseKey)
    .sort(compareParsed)
    .map((entry) => entry.key);
}

/** Buckets edge indices by `by` (a counting sort), keeping the incoming order within a bucket. */
function bucketSort(order: Int32Array, by: Int32Array, nodeCount: number): Int32Array {
  const counts = new Int32Array(nodeCount + 1);
  for (let i = 0; i < order.length; i++) counts[(by[order[i]!] ?? 0) + 1]!++;
  for (let v = 0; v < nodeCount; v++) counts[v + 1]! += counts[v]!;
  const sorted = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const edge = order[i]!;
    sorted[counts[by[edge]!]!++] = edge;
  }
  return sorted;
}

/**
 * Builds the graph from initiative keys and links. Keys that appear only in a link become nodes too;
 * repeated links count once; a link from a key to itself is kept (it is a cycle of one).
 */
export function buildDependencyGraph(
  nodes: Iterable<string>,
  links: Iterable<DependencyLink>,
): DependencyGraph {
  const linkList = Array.isArray(links) ? (links as readonly DependencyLink[]) : Array.from(links);
  const keySet = new Set(nodes);
  for (const link of linkList) {
    keySet.add(link.from);
    keySet.add(link.to);
  }
  const keys = sortedKeys(keySet);
  const n = keys.length;
  const idOf = new Map<string, number>();
  for (let id = 0; id < n; id++) idOf.set(keys[id]!, id);

  const m = linkList.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const link = linkList[i]!;
    from[i] = idOf.get(link.from)!;
    to[i] = idOf.get(link.to)!;
  }
  // Two stable bucket passes (by target, then by source) give every adjacency list in ascending order.
  const identity = new Int32Array(m);
  for (let i = 0; i < m; i++) identity[i] = i;
  const bySource = bucketSort(bucketSort(identity, to, n), from, n);

  const outOffsets = new Int32Array(n + 1);
  const uniqueTargets = new Int32Array(m);
  const inCounts = new Int32Array(n + 1);
  let written = 0;
  let previousFrom = -1;
  let previousTo = -1;
  for (let i = 0; i < m; i++) {
    const edge = bySource[i]!;
    const f = from[edge]!;
    const t = to[edge]!;
    if (f === previousFrom && t === previousTo) continue;
    previousFrom = f;
    previousTo = t;
    uniqueTargets[written++] = t;
    outOffsets[f + 1]!++;
    inCounts[t + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    outOffsets[v + 1]! += outOffsets[v]!;
    inCounts[v + 1]! += inCounts[v]!;
  }
  const outTargets = uniqueTargets.slice(0, written);
  const inOffsets = inCounts.slice();
  const inSources = new Int32Array(written);
  const cursor = inCounts;
  for (let v = 0; v < n; v++)
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) inSources[cursor[outTargets[e]!]!++] = v;

  return { keys, idOf, outOffsets, outTargets, inOffsets, inSources };
}

export const nodeCount = (graph: DependencyGraph): number => graph.keys.length;
export const edgeCount = (graph: DependencyGraph): number => graph.outTargets.length;

/** The initiatives that wait for `key`, in key order; empty for an unknown key. */
export function dependentsOf(graph: DependencyGraph, key: string): string[] {
  const id = graph.idOf.get(key);
  if (id === undefined) return [];
  return Array.from(
    graph.outTargets.subarray(graph.outOffsets[id], graph.outOffsets[id + 1]),
    (t) => graph.keys[t]!,
  );
}

/** The initiatives `key` waits for, in key order; empty for an unknown key. */
export function dependenciesOf(graph: DependencyGraph, key: string): string[] {
  const id = graph.idOf.get(key);
  if (id === undefined) return [];
  return Array.from(
    graph.inSources.subarray(graph.inOffsets[id], graph.inOffsets[id + 1]),
    (s) => graph.keys[s]!,
  );
}

/** Every edge once, by source then target in key order. */
export function dependencyLinks(graph: DependencyGraph): DependencyLink[] {
  const links: DependencyLink[] = [];
  for (let v = 0; v < graph.keys.length; v++)
    for (let e = graph.outOffsets[v]!; e < graph.outOffsets[v + 1]!; e++)
      links.push({ from: graph.keys[v]!, to: graph.keys[graph.outTargets[e]!]! });
  return links;
}
