// Which part of a big dependency graph to draw. Up to DRAW_ALL_LIMIT initiatives are drawn at once; past that
// the graph opens on what a TPM looks at first (the cross-team dependencies, the critical path and any
// cycle) or on one team and its neighbours, and grows one step of dependencies at a time. ELK never lays out
// more than MAX_DRAWN_NODES; the table below the graph always lists every dependency.
import { MAX_DRAWN_NODES, type DependencyGraphView, type NodeView } from './dependencies-model';

/** A program this size is drawn whole straight away. */
export const DRAW_ALL_LIMIT = 150;

export type GraphFocus =
  /** Every initiative (only offered while the program has no more than MAX_DRAWN_NODES). */
  | { kind: 'all' }
  /** Initiatives on a cross-team dependency, on the critical path or on a cycle. */
  | { kind: 'key-links' }
  /** One team's initiatives and what they depend on or what depends on them. */
  | { kind: 'team'; team: string };

export interface FocusedGraph {
  /** The part to draw: the chosen initiatives and the dependencies between them. */
  view: DependencyGraphView;
  total: number;
  shown: number;
  /** False once another step would add nothing, or would pass MAX_DRAWN_NODES. */
  canExpand: boolean;
  /** True when the cap cut the part short: "narrow to a team" is the way to see the rest. */
  capped: boolean;
  /** "84 of 1,000 initiatives: cross-team dependencies, the critical path and cycles, 1 step out". */
  description: string;
}

export function defaultFocus(view: DependencyGraphView): GraphFocus {
  return view.nodes.length <= DRAW_ALL_LIMIT ? { kind: 'all' } : { kind: 'key-links' };
}

export function canDrawAll(view: DependencyGraphView): boolean {
  return view.nodes.length <= MAX_DRAWN_NODES;
}

/** Both directions: a step out from an initiative reaches what it waits for and what waits for it. */
function neighbours(view: DependencyGraphView): Map<string, string[]> {
  const around = new Map<string, string[]>(view.nodes.map(({ node }) => [node.key, []]));
  for (const { edge } of view.edges) {
    around.get(edge.from)?.push(edge.to);
    around.get(edge.to)?.push(edge.from);
  }
  return around;
}

/** The initiatives a focus starts from, most telling first (cycles, then the critical path, then the rest). */
function seeds(view: DependencyGraphView, focus: GraphFocus): string[] {
  const rank = (n: NodeView) => (n.onCycle ? 0 : n.onCriticalPath ? 1 : 2);
  const ordered = [...view.nodes].sort((a, b) => rank(a) - rank(b));
  if (focus.kind === 'all') return ordered.map((n) => n.node.key);
  if (focus.kind === 'team') return ordered.filter((n) => n.node.team === focus.team).map((n) => n.node.key);
  const crossTeam = new Set(
    view.edges.filter((e) => e.style.crossTeam).flatMap((e) => [e.edge.from, e.edge.to]),
  );
  return ordered
    .filter((n) => n.onCycle || n.onCriticalPath || crossTeam.has(n.node.key))
    .map((n) => n.node.key);
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function focusText(focus: GraphFocus): string {
  if (focus.kind === 'all') return 'every initiative';
  if (focus.kind === 'team') return `${focus.team} and the initiatives it depends on or that depend on it`;
  return 'cross-team dependencies, the critical path and cycles';
}

/**
 * The part of the graph a focus shows, `steps` dependencies out from where it starts (a team's focus starts
 * one step out: its neighbours are the point). Never more than MAX_DRAWN_NODES initiatives.
 */
export function focusGraph(view: DependencyGraphView, focus: GraphFocus, steps = 0): FocusedGraph {
  const total = view.nodes.length;
  const around = neighbours(view);
  const chosen = new Set<string>();
  let capped = false;
  const add = (key: string) => {
    if (chosen.has(key)) return true;
    if (chosen.size >= MAX_DRAWN_NODES) {
      capped = true;
      return false;
    }
    chosen.add(key);
    return true;
  };
  let frontier = seeds(view, focus).filter(add);
  const reach = steps + (focus.kind === 'team' ? 1 : 0);
  for (let step = 0; step < reach && frontier.length > 0 && !capped; step++) {
    const next: string[] = [];
    for (const key of frontier)
      for (const other of around.get(key) ?? []) if (!chosen.has(other) && add(other)) next.push(other);
    frontier = next;
  }
  // Whether one more step would reach anything not drawn yet.
  const more = [...chosen].some((key) => (around.get(key) ?? []).some((other) => !chosen.has(other)));

  const nodes = view.nodes.filter((n) => chosen.has(n.node.key));
  const edges = view.edges.filter((e) => chosen.has(e.edge.from) && chosen.has(e.edge.to));
  const shownTeams = new Set(nodes.map((n) => n.node.team));
  const legend = view.legend.filter((entry) => entry.kind !== 'team' || shownTeams.has(entry.label));
  const part =
    nodes.length === total
      ? `All ${plural(total, 'initiative')}`
      : `${nodes.length.toLocaleString('en-US')} of ${plural(total, 'initiative')}: ${focusText(focus)}${
          steps > 0 ? `, ${plural(steps, 'step')} further out` : ''
        }`;
  return {
    view: { ...view, nodes, edges, legend, drawable: nodes.length > 0 },
    total,
    shown: nodes.length,
    canExpand: more && !capped,
    capped,
    description: capped
      ? `${part}. Only the first ${MAX_DRAWN_NODES} are drawn: choose a team to see the rest.`
      : part,
  };
}

/** The teams a focus can be narrowed to, alphabetically. */
export function focusTeams(view: DependencyGraphView): string[] {
  return [...new Set(view.nodes.map((n) => n.node.team))].sort((a, b) => a.localeCompare(b));
}
