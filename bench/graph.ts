import { performance } from 'node:perf_hooks';
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { forEachNodeInTopologicalOrder, topologicalGenerations } from 'graphology-dag';
import {
  analyzeDependencies,
  buildDependencyGraph,
  compareIssueKeys,
  EXHAUSTIVE_CYCLE_SEARCH_LIMIT,
  type DependencyGraph,
} from '../src/domain/graph';
import { randomGraph, seededRandom, type SampleGraph } from '../src/domain/graph/sample-graphs';
import { median, type Emit } from './emit';

const buildOurs = (sample: SampleGraph) => buildDependencyGraph(sample.keys, sample.links);

function buildGraphology(sample: SampleGraph): DirectedGraph {
  const graph = new DirectedGraph();
  for (const key of sample.keys) graph.addNode(key);
  for (const { from, to } of sample.links) graph.mergeEdge(from, to);
  return graph;
}

/** Ours: cycles + generations + critical path (analyzeDependencies) on the built graph. */
function ours(graph: DependencyGraph, estimates: ReadonlyMap<string, number>) {
  const analysis = analyzeDependencies(graph, { estimateOf: (key) => estimates.get(key) });
  return {
    cycles: analysis.cycles.length,
    generations: analysis.generations.generations.length,
    total: analysis.criticalPath.total,
  };
}

/** Shortest cycle through `start` inside `members`, by breadth-first search over graphology's neighbours. */
function shortestCycleThrough(graph: DirectedGraph, start: string, members: ReadonlySet<string>) {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    let closed = false;
    graph.forEachOutNeighbor(u, (w) => {
      if (closed) return;
      if (w === start) closed = true;
      else if (members.has(w) && !parent.has(w)) {
        parent.set(w, u);
        queue.push(w);
      }
    });
    if (closed) {
      const path = [start];
      for (let x: string | null | undefined = u; x; x = parent.get(x)) path.push(x);
      return path.reverse();
    }
  }
  return undefined;
}

/**
 * The same work with graphology on its built graph: its strongly connected components, cycle paths by BFS
 * over its neighbours (graphology names no cycle path), topologicalGenerations on the DAG part (its
 * topologicalGenerations throws on a cycle, so: a copy without the cycles' members), and the critical
 * path — graphology-dag has no longest path, so that is a DP written over its own
 * forEachNodeInTopologicalOrder and forEachInNeighbor.
 */
function graphology(graph: DirectedGraph, estimates: ReadonlyMap<string, number>) {
  const onCycle = new Set<string>();
  const cycles: string[][] = [];
  for (const component of stronglyConnectedComponents(graph)) {
    const [only] = component;
    if (component.length === 1 && !(only !== undefined && graph.hasEdge(only, only))) continue;
    component.sort(compareIssueKeys);
    const members = new Set(component);
    for (const key of component) onCycle.add(key);
    let best: string[] | undefined;
    const starts = component.length <= EXHAUSTIVE_CYCLE_SEARCH_LIMIT ? component : component.slice(0, 1);
    for (const start of starts) {
      const path = shortestCycleThrough(graph, start, members);
      if (path && (!best || path.length < best.length)) best = path;
    }
    if (best) cycles.push(best);
  }

  const dag = graph.copy();
  for (const key of onCycle) dag.dropNode(key);
  const generations = topologicalGenerations(dag);
  // Initiatives after a cycle, as ours reports them.
  const after = new Set<string>();
  const queue = [...onCycle];
  for (let head = 0; head < queue.length; head++)
    graph.forEachOutNeighbor(queue[head]!, (w) => {
      if (!onCycle.has(w) && !after.has(w)) {
        after.add(w);
        queue.push(w);
      }
    });

  const best = new Map<string, number>();
  const previous = new Map<string, string | null>();
  let end: string | undefined;
  forEachNodeInTopologicalOrder(dag, (node) => {
    let from: string | null = null;
    let longest = 0;
    dag.forEachInNeighbor(node, (u) => {
      const value = best.get(u) ?? 0;
      if (from === null || value > longest) {
        from = u;
        longest = value;
      }
    });
    const total = longest + (estimates.get(node) ?? 1);
    best.set(node, total);
    previous.set(node, from);
    if (end === undefined || total > (best.get(end) ?? 0)) end = node;
  });
  const path: string[] = [];
  for (let v: string | null | undefined = end; v; v = previous.get(v)) path.push(v);
  path.reverse();
  return { cycles: cycles.length, generations: generations.length, total: end ? (best.get(end) ?? 0) : 0 };
}

export async function run(emit: Emit): Promise<void> {
  const sample = randomGraph({ nodes: 10_000, edges: 50_000, seed: 2027, cycles: 5 });
  const random = seededRandom(7);
  const estimates = new Map<string, number>();
  // Four in five initiatives are estimated (1–13 points); the rest count the default of 1.
  for (const key of sample.keys) if (random() < 0.8) estimates.set(key, 1 + Math.floor(random() * 13));

  const ourGraph = buildOurs(sample);
  const peerGraph = buildGraphology(sample);
  const a = ours(ourGraph, estimates);
  const b = graphology(peerGraph, estimates);
  if (a.cycles !== b.cycles || a.generations !== b.generations || a.total !== b.total)
    throw new Error(`graph.analyze: ours ${JSON.stringify(a)} and graphology ${JSON.stringify(b)} disagree`);

  const time = (work: () => unknown) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) {
    ours(buildOurs(sample), estimates);
    graphology(buildGraphology(sample), estimates);
  }
  // Alternate the two so both see the same machine load.
  const times = {
    ours: [] as number[],
    peer: [] as number[],
    oursBuild: [] as number[],
    peerBuild: [] as number[],
  };
  for (let i = 0; i < 15; i++) {
    times.ours.push(time(() => ours(ourGraph, estimates)));
    times.peer.push(time(() => graphology(peerGraph, estimates)));
    times.oursBuild.push(time(() => buildOurs(sample)));
    times.peerBuild.push(time(() => buildGraphology(sample)));
  }
  emit({
    name: 'graph.analyze.ms',
    value: median(times.ours),
    unit: 'ms',
    peer: 'graphology',
    peer_value: median(times.peer),
  });
  // Building the graph from the links, kept out of the line above: each library pays it once per load.
  emit({
    name: 'graph.build.ms',
    value: median(times.oursBuild),
    unit: 'ms',
    peer: 'graphology',
    peer_value: median(times.peerBuild),
  });
}
