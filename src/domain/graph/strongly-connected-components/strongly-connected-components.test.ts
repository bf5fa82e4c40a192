import { buildSample, chain, graphOf, randomGraph, ring } from '../sample-graphs';
import { findCycles, stronglyConnectedComponents } from './strongly-connected-components';

describe('strongly connected components', () => {
  it('puts each initiative of a DAG in a component of its own', () => {
    const components = stronglyConnectedComponents(graphOf('PAY-1 -> ID-4 -> MOB-2', 'PAY-1 -> MOB-2'));
    expect(components).toEqual([['ID-4'], ['MOB-2'], ['PAY-1']]);
  });

  it('groups initiatives that reach each other, in key order', () => {
    const components = stronglyConnectedComponents(
      graphOf('PAY-1 -> ID-4 -> MOB-2 -> PAY-1', 'MOB-2 -> DATA-1', 'DATA-1 -> PLAT-3 -> DATA-1'),
    );
    expect(components).toEqual([
      ['DATA-1', 'PLAT-3'],
      ['ID-4', 'MOB-2', 'PAY-1'],
    ]);
  });

  it('handles a 100,000-node chain and a 100,000-node cycle without overflowing the stack', () => {
    expect(stronglyConnectedComponents(buildSample(chain(100_000)))).toHaveLength(100_000);
    const [whole, ...rest] = stronglyConnectedComponents(buildSample(ring(100_000)));
    expect(whole).toHaveLength(100_000);
    expect(rest).toEqual([]);
  });
});

describe('finding cycles', () => {
  it.each<[string, string[], string[]]>([
    ['a loop of three', ['PAY-1 -> ID-4 -> MOB-2 -> PAY-1'], ['ID-4', 'MOB-2', 'PAY-1', 'ID-4']],
    ['two initiatives waiting for each other', ['PAY-7 -> ID-2 -> PAY-7'], ['ID-2', 'PAY-7', 'ID-2']],
    ['an initiative waiting for itself', ['PAY-1 -> PAY-1'], ['PAY-1', 'PAY-1']],
    ['a loop reached from outside', ['DATA-1 -> PAY-1 -> PAY-2 -> PAY-1'], ['PAY-1', 'PAY-2', 'PAY-1']],
  ])('names %s as a path from its smallest key back to it', (_, specs, path) => {
    expect(findCycles(graphOf(...specs)).map((cycle) => cycle.path)).toEqual([path]);
  });

  it('reports nothing for a DAG, even with converging paths', () => {
    expect(findCycles(graphOf('A-1 -> B-1 -> D-1', 'A-1 -> C-1 -> D-1'))).toEqual([]);
  });

  it('reports one shortest cycle per tangle and lists every member of the tangle', () => {
    // A-1 -> B-1 -> C-1 -> D-1 -> A-1 is long; C-1 <-> D-1 is the shortest cycle in the same tangle.
    const [cycle, ...more] = findCycles(graphOf('A-1 -> B-1 -> C-1 -> D-1 -> A-1', 'D-1 -> C-1'));
    expect(more).toEqual([]);
    expect(cycle?.path).toEqual(['C-1', 'D-1', 'C-1']);
    expect(cycle?.members).toEqual(['A-1', 'B-1', 'C-1', 'D-1']);
  });

  it('prefers the shortest cycle with the smallest key when several are as short', () => {
    const [cycle] = findCycles(graphOf('B-1 -> C-1 -> B-1', 'A-1 -> B-1', 'C-1 -> A-1', 'C-1 -> D-1 -> C-1'));
    expect(cycle?.path).toEqual(['B-1', 'C-1', 'B-1']);
  });

  it('orders separate cycles by their smallest member', () => {
    const cycles = findCycles(graphOf('PAY-3 -> PAY-4 -> PAY-3', 'ID-9 -> ID-10 -> ID-9'));
    expect(cycles.map((cycle) => cycle.path[0])).toEqual(['ID-9', 'PAY-3']);
  });

  it('follows every link of the reported path in the graph', () => {
    const sample = randomGraph({ nodes: 2_000, edges: 8_000, seed: 11, cycles: 5 });
    const links = new Set(sample.links.map((link) => `${link.from}>${link.to}`));
    const cycles = findCycles(buildSample(sample));
    expect(cycles.length).toBeGreaterThan(0);
    for (const { path, members } of cycles) {
      expect(path[0]).toBe(path[path.length - 1]);
      expect(new Set(path.slice(1)).size).toBe(path.length - 1);
      for (let i = 0; i + 1 < path.length; i++) expect(links.has(`${path[i]}>${path[i + 1]}`)).toBe(true);
      for (const key of path) expect(members).toContain(key);
    }
  });

  it('names a 100,000-node cycle as one path through all of it', () => {
    const [cycle] = findCycles(buildSample(ring(100_000)));
    expect(cycle?.path).toHaveLength(100_001);
    expect(cycle?.path[0]).toBe('INIT-1');
    expect(cycle?.path[1]).toBe('INIT-2');
  });
});
