import type { ProgramDependencies } from '../../../../src/contract';
import { dependencyGraphView } from './dependencies-model';
import { layoutDependencyGraph, pathData } from './dependency-layout';

const status = { name: 'To Do', category: 'new' } as const;
const node = (key: string) => ({
  key,
  summary: key,
  team: 'Payments',
  status,
  estimate: null,
  generation: 0,
  onCriticalPath: false,
});
const edge = (from: string, to: string) => ({ from, to, crossTeam: false, evidence: [] });

describe('graph layout', () => {
  it('places every initiative without overlap, dependencies left of their dependents, and routes every edge', async () => {
    const value = {
      nodes: ['PAY-1', 'ID-4', 'MOB-2', 'DATA-1'].map(node),
      edges: [edge('PAY-1', 'ID-4'), edge('ID-4', 'MOB-2'), edge('PAY-1', 'DATA-1'), edge('MOB-2', 'PAY-1')],
      cycles: [{ path: ['PAY-1', 'ID-4', 'MOB-2', 'PAY-1'], evidence: [] }],
      criticalPath: [],
    } as unknown as ProgramDependencies;
    const layout = await layoutDependencyGraph(dependencyGraphView(value));
    expect(layout.nodes.size).toBe(4);
    expect(layout.edges.size).toBe(4);
    const x = (key: string) => layout.nodes.get(key)!.x;
    expect(x('PAY-1')).toBeLessThan(x('ID-4'));
    expect(x('PAY-1')).toBeLessThan(x('DATA-1'));
    const boxes = [...layout.nodes.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
          ).toBe(true);
    for (const routed of layout.edges.values())
      expect(pathData(routed.points)).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/);
    expect(layout.width).toBeGreaterThan(0);
  });
});
