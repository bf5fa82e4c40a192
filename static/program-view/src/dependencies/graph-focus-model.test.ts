import type { DependencyEdge, DependencyNode, ProgramDependencies } from '../../../../src/contract';
import { dependencyGraphView, MAX_DRAWN_NODES } from './dependencies-model';
import { canDrawAll, defaultFocus, DRAW_ALL_LIMIT, focusGraph, focusTeams } from './graph-focus-model';

const TEAMS = ['Data', 'Identity', 'Mobile', 'Payments', 'Platform'];

function node(key: string, team: string, overrides: Partial<DependencyNode> = {}): DependencyNode {
  return {
    key,
    summary: `Initiative ${key}`,
    team,
    status: { name: 'To Do', category: 'new' },
    estimate: 3,
    generation: 0,
    onCriticalPath: false,
    ...overrides,
  };
}

function edge(from: string, to: string, crossTeam: boolean): DependencyEdge {
  return {
    from,
    to,
    crossTeam,
    evidence: [{ linkId: `${from}>${to}`, linkType: 'Blocks', fromKey: from, toKey: to }],
  };
}

/**
 * `count` initiatives spread over five teams; each team's initiatives form a chain (same-team edges), and every
 * tenth initiative of a team waits for the one before it in the next team (a cross-team edge). The first
 * three initiatives of Data are the critical path.
 */
function generateProgram(count: number): ProgramDependencies {
  const nodes: DependencyNode[] = [];
  const edges: DependencyEdge[] = [];
  const keyOf = (team: string, n: number) => `${team.slice(0, 3).toUpperCase()}-${n}`;
  const perTeam = Math.ceil(count / TEAMS.length);
  TEAMS.forEach((team, t) => {
    for (let n = 1; n <= perTeam && nodes.length < count; n++) {
      nodes.push(node(keyOf(team, n), team, { onCriticalPath: team === 'Data' && n <= 3 }));
      if (n > 1) edges.push(edge(keyOf(team, n - 1), keyOf(team, n), false));
      const next = TEAMS[t + 1];
      if (next && n % 10 === 0) edges.push(edge(keyOf(team, n), keyOf(next, n + 1), true));
    }
  });
  const known = new Set(nodes.map((n) => n.key));
  return {
    program: { id: 'prog-atlas', name: 'Atlas', stage: 'execution', scopeJql: 'issuetype = Epic' },
    nodes,
    edges: edges.filter((e) => known.has(e.from) && known.has(e.to)),
    cycles: [],
    criticalPath: nodes.filter((n) => n.onCriticalPath).map((n) => n.key),
    external: [],
    linkTypes: ['Blocks'],
    warnings: [],
  } as ProgramDependencies;
}

const keys = (graph: ReturnType<typeof focusGraph>) => new Set(graph.view.nodes.map((n) => n.node.key));

describe('an incremental dependency graph', () => {
  it('draws a program of the demo size whole, straight away', () => {
    const view = dependencyGraphView(generateProgram(40));
    expect(defaultFocus(view)).toEqual({ kind: 'all' });
    const graph = focusGraph(view, defaultFocus(view));
    expect(graph.shown).toBe(40);
    expect(graph.view.edges).toHaveLength(view.edges.length);
    expect(graph.canExpand).toBe(false);
    expect(graph.description).toBe('All 40 initiatives');
  });

  it('opens 1,000 initiatives on the cross-team dependencies and the critical path, not on everything', () => {
    const view = dependencyGraphView(generateProgram(1000));
    expect(view.nodes.length).toBeGreaterThan(DRAW_ALL_LIMIT);
    expect(canDrawAll(view)).toBe(false);
    const graph = focusGraph(view, defaultFocus(view));
    const shown = keys(graph);

    expect(graph.shown).toBeLessThanOrEqual(MAX_DRAWN_NODES);
    expect(graph.shown).toBeLessThan(view.nodes.length / 2);
    for (const e of view.edges.filter((e) => e.style.crossTeam)) {
      expect(shown.has(e.edge.from)).toBe(true);
      expect(shown.has(e.edge.to)).toBe(true);
    }
    for (const key of ['DAT-1', 'DAT-2', 'DAT-3']) expect(shown.has(key)).toBe(true);
    expect(graph.description).toMatch(
      /^\d+ of 1,000 initiatives: cross-team dependencies, the critical path/,
    );
  });

  it('draws only dependencies whose both ends are shown', () => {
    const view = dependencyGraphView(generateProgram(1000));
    const graph = focusGraph(view, { kind: 'key-links' });
    const shown = keys(graph);
    for (const e of graph.view.edges) expect(shown.has(e.edge.from) && shown.has(e.edge.to)).toBe(true);
  });

  it('grows one step of dependencies at a time, keeping what was shown', () => {
    const view = dependencyGraphView(generateProgram(400));
    const start = focusGraph(view, { kind: 'key-links' });
    const further = focusGraph(view, { kind: 'key-links' }, 1);
    expect(further.shown).toBeGreaterThan(start.shown);
    for (const key of keys(start)) expect(keys(further).has(key)).toBe(true);
    expect(further.description).toMatch(/1 step further out$/);
    // IDE-9 waits for nothing outside its chain and is one step from IDE-10's cross-team dependency.
    expect(keys(start).has('IDE-9')).toBe(false);
    expect(keys(further).has('IDE-9')).toBe(true);
  });

  it('shows a chosen team with what it depends on and what depends on it', () => {
    const view = dependencyGraphView(generateProgram(1000));
    const graph = focusGraph(view, { kind: 'team', team: 'Mobile' });
    const shown = keys(graph);
    const mobile = view.nodes.filter((n) => n.node.team === 'Mobile').map((n) => n.node.key);
    for (const key of mobile) expect(shown.has(key)).toBe(true);
    // IDE-10 blocks MOB-11; MOB-10 blocks PAY-11.
    expect(shown.has('IDE-10')).toBe(true);
    expect(shown.has('PAY-11')).toBe(true);
    expect(shown.has('DAT-50')).toBe(false);
    expect(graph.view.legend.filter((l) => l.kind === 'team').map((l) => l.label)).toEqual([
      'Identity',
      'Mobile',
      'Payments',
    ]);
  });

  it('never hands ELK more than its cap, and says how to see the rest', () => {
    const view = dependencyGraphView(generateProgram(1000));
    const graph = focusGraph(view, { kind: 'key-links' }, 50);
    expect(graph.shown).toBe(MAX_DRAWN_NODES);
    expect(graph.capped).toBe(true);
    expect(graph.canExpand).toBe(false);
    expect(graph.description).toMatch(/choose a team to see the rest\.$/);
  });

  it('stops offering another step once everything connected is shown', () => {
    const view = dependencyGraphView(generateProgram(200));
    let steps = 0;
    while (focusGraph(view, { kind: 'team', team: 'Data' }, steps).canExpand) steps += 1;
    expect(steps).toBeGreaterThan(0);
    expect(focusGraph(view, { kind: 'team', team: 'Data' }, steps).shown).toBe(200);
  });

  it('offers every team to narrow to', () => {
    expect(focusTeams(dependencyGraphView(generateProgram(1000)))).toEqual(TEAMS);
  });
});
