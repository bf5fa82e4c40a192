// The Dependencies tab as pure data: what each node and edge looks like, the legend, the cycle text.
import type { token } from '@atlaskit/tokens';
import type {
  DependencyCycle,
  DependencyEdge,
  DependencyEvidence,
  DependencyNode,
  ProgramDependencies,
} from '../../../../src/contract';

/** Past this many initiatives the graph is no longer legible in a page; the table still lists every edge. */
export const MAX_DRAWN_NODES = 300;

/** A design token with the light-theme value Atlaskit falls back to when the host gives no theme. */
export interface Paint {
  token: Parameters<typeof token>[0];
}

export interface TeamColour {
  team: string;
  fill: Paint;
  border: Paint;
}

// Red is left out: it means "on a cycle" on this tab.
const ACCENTS: readonly { fill: Paint; border: Paint }[] = [
  {
    fill: { token: 'color.background.accent.blue.subtler' },
    border: { token: 'color.border.accent.blue' },
  },
  {
    fill: { token: 'color.background.accent.green.subtler' },
    border: { token: 'color.border.accent.green' },
  },
  {
    fill: { token: 'color.background.accent.purple.subtler' },
    border: { token: 'color.border.accent.purple' },
  },
  {
    fill: { token: 'color.background.accent.teal.subtler' },
    border: { token: 'color.border.accent.teal' },
  },
  {
    fill: { token: 'color.background.accent.orange.subtler' },
    border: { token: 'color.border.accent.orange' },
  },
  {
    fill: { token: 'color.background.accent.magenta.subtler' },
    border: { token: 'color.border.accent.magenta' },
  },
  {
    fill: { token: 'color.background.accent.lime.subtler' },
    border: { token: 'color.border.accent.lime' },
  },
  {
    fill: { token: 'color.background.accent.yellow.subtler' },
    border: { token: 'color.border.accent.yellow' },
  },
  {
    fill: { token: 'color.background.accent.gray.subtler' },
    border: { token: 'color.border.accent.gray' },
  },
];

export const DANGER: Paint = { token: 'color.border.danger' };
export const DANGER_TEXT: Paint = { token: 'color.text.danger' };
const NEUTRAL_EDGE: Paint = { token: 'color.border.bold' };
const CRITICAL_EDGE: Paint = { token: 'color.border.brand' };

/** One colour per team, by team name, so a team keeps its colour whichever program it appears in. */
export function teamColours(teams: Iterable<string>): Map<string, TeamColour> {
  const names = [...new Set(teams)].sort((a, b) => a.localeCompare(b));
  return new Map(
    names.map((team, i) => {
      const accent = ACCENTS[i % ACCENTS.length]!;
      return [team, { team, ...accent }];
    }),
  );
}

export const edgeId = (from: string, to: string) => `${from}->${to}`;

function pairsOf(path: readonly string[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i + 1 < path.length; i++) ids.push(edgeId(path[i]!, path[i + 1]!));
  return ids;
}

export interface EdgeStyle {
  stroke: Paint;
  width: number;
  /** SVG stroke-dasharray for cross-team edges; undefined draws a solid line. */
  dash: string | undefined;
  onCycle: boolean;
  onCriticalPath: boolean;
  crossTeam: boolean;
  /** Said to screen readers and in the edge's tooltip. */
  description: string;
}

export interface NodeView {
  node: DependencyNode;
  colour: TeamColour;
  onCycle: boolean;
  onCriticalPath: boolean;
  description: string;
}

export interface EdgeView {
  id: string;
  edge: DependencyEdge;
  style: EdgeStyle;
}

export interface LegendEntry {
  kind: 'team' | 'cross-team' | 'cycle' | 'critical-path';
  label: string;
  paint: Paint;
  dash?: string;
  width?: number;
}

export interface DependencyGraphView {
  nodes: NodeView[];
  edges: EdgeView[];
  legend: LegendEntry[];
  /** False when there are too many initiatives to draw; `reason` says so in the TPM's words. */
  drawable: boolean;
  reason?: string;
}

export function edgeStyle(
  edge: DependencyEdge,
  marks: { onCycle: boolean; onCriticalPath: boolean },
): EdgeStyle {
  const { onCycle, onCriticalPath } = marks;
  const stroke = onCycle ? DANGER : onCriticalPath ? CRITICAL_EDGE : NEUTRAL_EDGE;
  const width = onCriticalPath ? 3 : onCycle ? 2.5 : 1.5;
  const notes = [
    edge.crossTeam ? 'cross-team' : undefined,
    onCycle ? 'on a cycle' : undefined,
    onCriticalPath ? 'on the critical path' : undefined,
  ].filter((note) => note !== undefined);
  const links = `${edge.evidence.length} Jira link${edge.evidence.length === 1 ? '' : 's'}`;
  return {
    stroke,
    width,
    dash: edge.crossTeam ? '6 4' : undefined,
    onCycle,
    onCriticalPath,
    crossTeam: edge.crossTeam,
    description: `${edge.to} depends on ${edge.from}${notes.length ? ` (${notes.join(', ')})` : ''}, ${links}`,
  };
}

/** Everything the graph drawing needs, worked out from the resolver's answer. */
export function dependencyGraphView(dependencies: ProgramDependencies): DependencyGraphView {
  const cycleEdges = new Set(dependencies.cycles.flatMap((cycle) => pairsOf(cycle.path)));
  const cycleNodes = new Set(dependencies.cycles.flatMap((cycle) => cycle.path));
  for (const node of dependencies.nodes) if (node.generation === null) cycleNodes.add(node.key);
  const criticalEdges = new Set(pairsOf(dependencies.criticalPath));
  const criticalNodes = new Set(dependencies.criticalPath);
  const colours = teamColours(dependencies.nodes.map((node) => node.team));
  const known = new Set(dependencies.nodes.map((node) => node.key));

  const nodes = dependencies.nodes.map((node): NodeView => {
    const onCycle = cycleNodes.has(node.key);
    const onCriticalPath = node.onCriticalPath || criticalNodes.has(node.key);
    const notes = [onCycle ? 'on a cycle' : undefined, onCriticalPath ? 'on the critical path' : undefined]
      .filter((note) => note !== undefined)
      .join(', ');
    return {
      node,
      colour: colours.get(node.team)!,
      onCycle,
      onCriticalPath,
      description: `${node.key} ${node.summary}, ${node.team}, ${node.status.name}${notes ? `, ${notes}` : ''}`,
    };
  });
  const edges = dependencies.edges
    .filter((edge) => known.has(edge.from) && known.has(edge.to))
    .map((edge): EdgeView => {
      const id = edgeId(edge.from, edge.to);
      return {
        id,
        edge,
        style: edgeStyle(edge, { onCycle: cycleEdges.has(id), onCriticalPath: criticalEdges.has(id) }),
      };
    });

  const legend: LegendEntry[] = [...colours.values()].map((colour) => ({
    kind: 'team',
    label: colour.team,
    paint: colour.fill,
  }));
  if (edges.some((edge) => edge.style.crossTeam))
    legend.push({ kind: 'cross-team', label: 'Cross-team dependency', paint: NEUTRAL_EDGE, dash: '6 4' });
  if (edges.some((edge) => edge.style.onCycle))
    legend.push({ kind: 'cycle', label: 'On a dependency cycle', paint: DANGER, width: 2.5 });
  if (edges.some((edge) => edge.style.onCriticalPath))
    legend.push({ kind: 'critical-path', label: 'Critical path', paint: CRITICAL_EDGE, width: 3 });

  const count = dependencies.nodes.length;
  if (count > MAX_DRAWN_NODES)
    return {
      nodes,
      edges,
      legend,
      drawable: false,
      reason: `This program has ${count} initiatives; a graph of more than ${MAX_DRAWN_NODES} is not readable, so its dependencies are listed in the table below.`,
    };
  return { nodes, edges, legend, drawable: true };
}

/** "PAY-1 → ID-4 → MOB-2 → PAY-1". */
export const cyclePathText = (cycle: DependencyCycle) => cycle.path.join(' → ');

export interface CycleStep {
  from: string;
  to: string;
  /** "PAY-42 blocks ID-23 (via PAY-44 → ID-25, PAY-45 → ID-23)". */
  text: string;
  evidence: DependencyEvidence[];
}

function viaText(from: string, to: string, evidence: readonly DependencyEvidence[]): string {
  if (evidence.length === 0) return ' (no Jira link found: it may have been removed)';
  const parts = evidence.map((link) =>
    link.fromKey === from && link.toKey === to ? 'direct link' : `${link.fromKey} → ${link.toKey}`,
  );
  return ` (${parts[0] === 'direct link' && parts.length === 1 ? 'direct link' : `via ${parts.join(', ')}`})`;
}

/** Each link of a cycle in words, with the Jira links behind it (from the edge, else from the cycle). */
export function cycleSteps(cycle: DependencyCycle, edges: readonly DependencyEdge[]): CycleStep[] {
  const byId = new Map(edges.map((edge) => [edgeId(edge.from, edge.to), edge]));
  const steps: CycleStep[] = [];
  for (let i = 0; i + 1 < cycle.path.length; i++) {
    const from = cycle.path[i]!;
    const to = cycle.path[i + 1]!;
    const evidence = byId.get(edgeId(from, to))?.evidence ?? [];
    const fallback = cycle.evidence.filter((link) => link.fromKey === from && link.toKey === to);
    const links = evidence.length > 0 ? evidence : fallback;
    const types = new Set(links.map((link) => link.linkType.toLowerCase()));
    const verb =
      types.size === 1 && types.has('blocks') ? `${from} blocks ${to}` : `${to} depends on ${from}`;
    steps.push({ from, to, evidence: links, text: `${verb}${viaText(from, to, links)}` });
  }
  return steps;
}

export interface EdgeRow {
  from: string;
  to: string;
  fromTeam: string;
  toTeam: string;
  crossTeam: boolean;
  evidenceCount: number;
  onCycle: boolean;
}

/** The table view of the graph: one row per edge, with both teams. */
export function edgeRows(dependencies: ProgramDependencies): EdgeRow[] {
  const teamOf = new Map(dependencies.nodes.map((node) => [node.key, node.team]));
  const cycleEdges = new Set(dependencies.cycles.flatMap((cycle) => pairsOf(cycle.path)));
  return dependencies.edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    fromTeam: teamOf.get(edge.from) ?? 'Unknown team',
    toTeam: teamOf.get(edge.to) ?? 'Unknown team',
    crossTeam: edge.crossTeam,
    evidenceCount: edge.evidence.length,
    onCycle: cycleEdges.has(edgeId(edge.from, edge.to)),
  }));
}

/** One line above the graph: how many initiatives, links, cross-team links and cycles. */
export function dependencySummary(dependencies: ProgramDependencies): string {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const crossTeam = dependencies.edges.filter((edge) => edge.crossTeam).length;
  return [
    plural(dependencies.nodes.length, 'initiative'),
    plural(dependencies.edges.length, 'dependency', 'dependencies'),
    `${crossTeam} cross-team`,
    dependencies.cycles.length === 0 ? 'no cycles' : plural(dependencies.cycles.length, 'cycle'),
    plural(dependencies.external.length, 'link', 'links') + ' outside the program',
  ].join(' · ');
}
