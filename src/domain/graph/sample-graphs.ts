// Graphs for tests and benchmarks: readable builders and seeded random graphs of any size.
import {
  buildDependencyGraph,
  type DependencyGraph,
  type DependencyLink,
} from './dependency-graph/dependency-graph';

/**
 * A graph from readable specs: 'PAY-1 -> ID-4 -> MOB-2' is a chain of links, 'LONE-1' a node without links.
 */
export function graphOf(...specs: string[]): DependencyGraph {
  const nodes: string[] = [];
  const links: DependencyLink[] = [];
  for (const spec of specs) {
    const keys = spec.split('->').map((key) => key.trim());
    nodes.push(...keys);
    for (let i = 0; i + 1 < keys.length; i++) links.push({ from: keys[i]!, to: keys[i + 1]! });
  }
  return buildDependencyGraph(nodes, links);
}

export interface SampleGraph {
  keys: string[];
  links: DependencyLink[];
}

const key = (i: number) => `INIT-${i + 1}`;

/** INIT-1 -> INIT-2 -> … -> INIT-n. */
export function chain(n: number): SampleGraph {
  const keys = Array.from({ length: n }, (_, i) => key(i));
  const links = keys.slice(1).map((to, i) => ({ from: keys[i]!, to }));
  return { keys, links };
}

/** A chain closed back onto its first node. */
export function ring(n: number): SampleGraph {
  const { keys, links } = chain(n);
  if (n > 0) links.push({ from: key(n - 1), to: key(0) });
  return { keys, links };
}

/** mulberry32: a small, fast generator; the same seed gives the same graph on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomGraphOptions {
  nodes: number;
  edges: number;
  seed: number;
  /** Short cycles planted among nearby nodes (each closes a path of up to 4 links); 0 gives a DAG. */
  cycles?: number;
}

/**
 * A random graph whose forward links follow a hidden order (so it is a DAG), plus `cycles` back links
 * between nodes a few places apart, each closing a small cycle rather than merging the graph into one.
 */
export function randomGraph(options: RandomGraphOptions): SampleGraph {
  const { nodes: n, edges: m, seed, cycles = 0 } = options;
  const random = seededRandom(seed);
  const keys = Array.from({ length: n }, (_, i) => key(i));
  // A shuffled hidden order, so that key order and dependency order disagree.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const links: DependencyLink[] = [];
  const seen = new Set<number>();
  // Mostly local links (like real programs: a team's work depends on nearby work), some long ones.
  while (links.length < m - cycles && n > 1) {
    const a = Math.floor(random() * (n - 1));
    const span = random() < 0.8 ? 1 + Math.floor(random() * 50) : 1 + Math.floor(random() * (n - 1));
    const b = Math.min(n - 1, a + span);
    const id = a * n + b;
    if (seen.has(id)) continue;
    seen.add(id);
    links.push({ from: keys[order[a]!]!, to: keys[order[b]!]! });
  }
  for (let c = 0; c < cycles && n > 4; c++) {
    const a = Math.floor(random() * (n - 4));
    const span = 1 + Math.floor(random() * 3);
    // a -> a+1 -> … -> a+span, closed by a+span -> a.
    for (let i = a; i < a + span; i++) links.push({ from: keys[order[i]!]!, to: keys[order[i + 1]!]! });
    links.push({ from: keys[order[a + span]!]!, to: keys[order[a]!]! });
  }
  return { keys, links };
}

export const buildSample = (sample: SampleGraph): DependencyGraph =>
  buildDependencyGraph(sample.keys, sample.links);
