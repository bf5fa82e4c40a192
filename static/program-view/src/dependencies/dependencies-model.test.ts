import type {
  DependencyEdge,
  DependencyEvidence,
  DependencyNode,
  ProgramDependencies,
} from '../../../../src/contract';
import {
  cyclePathText,
  cycleSteps,
  DANGER,
  dependencyGraphView,
  dependencySummary,
  edgeRows,
  edgeStyle,
  MAX_DRAWN_NODES,
  teamColours,
} from './dependencies-model';

function node(key: string, team: string, overrides: Partial<DependencyNode> = {}): DependencyNode {
  return {
    key,
    summary: `Initiative ${key}`,
    team,
    status: { name: 'In Progress', category: 'indeterminate' },
    estimate: 5,
    generation: 0,
    onCriticalPath: false,
    ...overrides,
  };
}

let linkIds = 10000;
function link(fromKey: string, toKey: string, linkType = 'Blocks'): DependencyEvidence {
  return { linkId: String(linkIds++), linkType, fromKey, toKey };
}

function edge(from: string, to: string, crossTeam: boolean, evidence = [link(from, to)]): DependencyEdge {
  return { from, to, crossTeam, evidence };
}

/** PAY-1 → ID-4 → MOB-2 → PAY-1 is a cycle across three teams; DATA-1 → DATA-2 → PAY-9 is the critical path. */
function dependencies(overrides: Partial<ProgramDependencies> = {}): ProgramDependencies {
  const cycleEdges = [
    edge('PAY-1', 'ID-4', true, [link('PAY-44', 'ID-25'), link('PAY-45', 'ID-4')]),
    edge('ID-4', 'MOB-2', true),
    edge('MOB-2', 'PAY-1', true, [link('MOB-7', 'PAY-12')]),
  ];
  return {
    program: { id: 'prog-atlas', name: 'Atlas', stage: 'planning', scopeJql: 'issuetype = Epic' },
    nodes: [
      node('PAY-1', 'Payments', { generation: null }),
      node('ID-4', 'Identity', { generation: null }),
      node('MOB-2', 'Mobile', { generation: null }),
      node('DATA-1', 'Data', { onCriticalPath: true }),
      node('DATA-2', 'Data', { generation: 1, onCriticalPath: true }),
      node('PAY-9', 'Payments', { generation: 2, onCriticalPath: true }),
    ],
    edges: [...cycleEdges, edge('DATA-1', 'DATA-2', false), edge('DATA-2', 'PAY-9', true)],
    cycles: [{ path: ['PAY-1', 'ID-4', 'MOB-2', 'PAY-1'], evidence: cycleEdges.flatMap((e) => e.evidence) }],
    external: [
      {
        initiativeKey: 'DATA-1',
        viaKey: 'DATA-5',
        otherKey: 'OPS-3',
        direction: 'upstream',
        linkId: '20001',
        linkType: 'Blocks',
      },
    ],
    criticalPath: ['DATA-1', 'DATA-2', 'PAY-9'],
    linkTypes: ['Blocks'],
    warnings: [],
    ...overrides,
  } as ProgramDependencies;
}

describe('edge styling', () => {
  it.each<[string, { onCycle: boolean; onCriticalPath: boolean }, boolean, string, number, boolean]>([
    ['a same-team edge', { onCycle: false, onCriticalPath: false }, false, 'color.border.bold', 1.5, false],
    ['a cross-team edge', { onCycle: false, onCriticalPath: false }, true, 'color.border.bold', 1.5, true],
    ['an edge on a cycle', { onCycle: true, onCriticalPath: false }, true, DANGER.token, 2.5, true],
    ['a critical-path edge', { onCycle: false, onCriticalPath: true }, false, 'color.border.brand', 3, false],
  ])('draws %s with its colour, width and dash', (_, marks, crossTeam, stroke, width, dashed) => {
    const style = edgeStyle(edge('PAY-1', 'ID-4', crossTeam), marks);
    expect(style.stroke.token).toBe(stroke);
    expect(style.width).toBe(width);
    expect(style.dash !== undefined).toBe(dashed);
  });

  it('describes an edge in words for screen readers', () => {
    const style = edgeStyle(edge('PAY-1', 'ID-4', true), { onCycle: true, onCriticalPath: false });
    expect(style.description).toBe('ID-4 depends on PAY-1 (cross-team, on a cycle), 1 Jira link');
  });
});

describe('graph view', () => {
  it('marks every edge and node of a cycle in the danger colour, including members off the reported path', () => {
    const view = dependencyGraphView(dependencies());
    const onCycle = view.edges.filter((e) => e.style.onCycle).map((e) => e.id);
    expect(onCycle).toEqual(['PAY-1->ID-4', 'ID-4->MOB-2', 'MOB-2->PAY-1']);
    expect(view.nodes.filter((n) => n.onCycle).map((n) => n.node.key)).toEqual(['PAY-1', 'ID-4', 'MOB-2']);
  });

  it('emphasises the critical path', () => {
    const view = dependencyGraphView(dependencies());
    const critical = view.edges.filter((e) => e.style.onCriticalPath).map((e) => e.id);
    expect(critical).toEqual(['DATA-1->DATA-2', 'DATA-2->PAY-9']);
  });

  it('gives each team its own colour and never the danger red', () => {
    const colours = teamColours(['Payments', 'Identity', 'Mobile', 'Data', 'Payments']);
    expect(colours.size).toBe(4);
    const fills = [...colours.values()].map((c) => c.fill.token);
    expect(new Set(fills).size).toBe(4);
    for (const colour of colours.values()) expect(colour.border.token).not.toContain('red');
  });

  it('has a legend with every team and only the edge kinds the graph shows', () => {
    const withAll = dependencyGraphView(dependencies()).legend.map((entry) => entry.label);
    expect(withAll).toEqual([
      'Data',
      'Identity',
      'Mobile',
      'Payments',
      'Cross-team dependency',
      'On a dependency cycle',
      'Critical path',
    ]);
    const plain = dependencyGraphView(
      dependencies({ edges: [edge('DATA-1', 'DATA-2', false)], cycles: [], criticalPath: [] }),
    ).legend.map((entry) => entry.kind);
    expect(plain).not.toContain('cross-team');
    expect(plain).not.toContain('cycle');
  });

  it('does not draw more initiatives than stay legible, and says why', () => {
    const many = Array.from({ length: MAX_DRAWN_NODES + 1 }, (_, i) => node(`PAY-${i + 1}`, 'Payments'));
    const view = dependencyGraphView(dependencies({ nodes: many, edges: [], cycles: [], criticalPath: [] }));
    expect(view.drawable).toBe(false);
    expect(view.reason).toContain(`${MAX_DRAWN_NODES + 1} initiatives`);
    expect(dependencyGraphView(dependencies()).drawable).toBe(true);
  });

  it('leaves out an edge to an initiative it does not know rather than failing', () => {
    const view = dependencyGraphView(dependencies({ edges: [edge('DATA-1', 'GONE-1', true)] }));
    expect(view.edges).toEqual([]);
  });
});

describe('cycle text', () => {
  it('falls back to the cycle’s own evidence for a direct link the edge list lacks', () => {
    const cycle = { path: ['A-1', 'B-1', 'A-1'], evidence: [link('A-1', 'B-1'), link('B-1', 'A-1')] };
    expect(cycleSteps(cycle, []).map((step) => step.text)).toEqual([
      'A-1 blocks B-1 (direct link)',
      'B-1 blocks A-1 (direct link)',
    ]);
  });

  it('names the cycle as a path', () => {
    expect(cyclePathText(dependencies().cycles[0]!)).toBe('PAY-1 → ID-4 → MOB-2 → PAY-1');
  });

  it('says which Jira links are behind each step, child links as "via"', () => {
    const value = dependencies();
    const steps = cycleSteps(value.cycles[0]!, value.edges).map((step) => step.text);
    expect(steps).toEqual([
      'PAY-1 blocks ID-4 (via PAY-44 → ID-25, PAY-45 → ID-4)',
      'ID-4 blocks MOB-2 (direct link)',
      'MOB-2 blocks PAY-1 (via MOB-7 → PAY-12)',
    ]);
  });

  it('uses "depends on" for other link types and says when no link is known', () => {
    const cycle = { path: ['A-1', 'B-1', 'A-1'], evidence: [] };
    const edges = [edge('A-1', 'B-1', false, [link('A-3', 'B-7', 'Dependency')])];
    const [first, second] = cycleSteps(cycle, edges);
    expect(first?.text).toBe('B-1 depends on A-1 (via A-3 → B-7)');
    expect(second?.text).toContain('no Jira link found');
  });
});

describe('edge table and summary', () => {
  it('gives every edge a row with both teams, cross-team flag, evidence count and cycle mark', () => {
    const rows = edgeRows(dependencies());
    expect(rows).toContainEqual({
      from: 'PAY-1',
      to: 'ID-4',
      fromTeam: 'Payments',
      toTeam: 'Identity',
      crossTeam: true,
      evidenceCount: 2,
      onCycle: true,
    });
    expect(rows.find((row) => row.from === 'DATA-1')).toMatchObject({ crossTeam: false, onCycle: false });
  });

  it('sums the program up in one line', () => {
    expect(dependencySummary(dependencies())).toBe(
      '6 initiatives · 5 dependencies · 4 cross-team · 1 cycle · 1 link outside the program',
    );
  });
});
