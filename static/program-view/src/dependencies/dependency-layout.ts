// Lays the dependency graph out with ELK's layered (Sugiyama) algorithm, left to right.
// elk.bundled.js runs ELK in the page itself (no web worker, no eval): it works under Forge's Custom UI CSP
// (script-src 'self'). It is ~1.4 MB, so it is loaded on first use, as its own chunk, not with the page.
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { DependencyGraphView } from './dependencies-model';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 52;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoutedEdge {
  id: string;
  points: Point[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  edges: Map<string, RoutedEdge>;
}

let elk: Promise<ELK> | undefined;

function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  return elk;
}

/** The ELK input for a graph view: fixed-size nodes in key order, one edge per dependency. */
export function elkInput(view: DependencyGraphView): ElkNode {
  return {
    id: 'program',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '20',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // Cycles have no left-to-right order; ELK reverses one edge of each to lay them out.
      'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: view.nodes.map(({ node }) => ({ id: node.key, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: view.edges.map(({ id, edge }) => ({ id, sources: [edge.from], targets: [edge.to] })),
  };
}

export async function layoutDependencyGraph(view: DependencyGraphView): Promise<GraphLayout> {
  const result = await (await loadElk()).layout(elkInput(view));
  const nodes = new Map<string, PlacedNode>();
  for (const child of result.children ?? [])
    nodes.set(child.id, {
      key: child.id,
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? NODE_WIDTH,
      height: child.height ?? NODE_HEIGHT,
    });
  const edges = new Map<string, RoutedEdge>();
  for (const edge of result.edges ?? []) {
    const points: Point[] = [];
    for (const section of 'sections' in edge ? (edge.sections ?? []) : []) {
      points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    }
    edges.set(edge.id, { id: edge.id, points });
  }
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}

/** An SVG path through the routed points. */
export const pathData = (points: readonly Point[]) =>
  points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
