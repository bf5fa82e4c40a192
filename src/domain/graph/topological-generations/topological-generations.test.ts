import { DependencyCycleError } from '../dependency-cycle-error';
import { buildSample, chain, graphOf, randomGraph } from '../sample-graphs';
import { topologicalGenerations, topologicalOrder } from './topological-generations';

const before = (order: readonly string[], a: string, b: string) => order.indexOf(a) < order.indexOf(b);

describe('topological generations', () => {
  it.each<[string, string[], string, number]>([
    ['waits for nothing', ['PAY-1 -> ID-4'], 'PAY-1', 0],
    ['waits for one initiative', ['PAY-1 -> ID-4'], 'ID-4', 1],
    ['counts its longest chain, not its shortest', ['A-1 -> B-1 -> C-1 -> D-1', 'A-1 -> D-1'], 'D-1', 3],
    ['has no links at all', ['LONE-1', 'A-1 -> B-1'], 'LONE-1', 0],
  ])('puts an initiative that %s in the right generation', (_, specs, key, generation) => {
    const { generations } = topologicalGenerations(graphOf(...specs));
    expect(generations[generation]).toContain(key);
  });

  it('lists each generation in key order', () => {
    const { generations } = topologicalGenerations(graphOf('PAY-10 -> X-1', 'PAY-2 -> X-1', 'ID-3 -> X-1'));
    expect(generations[0]).toEqual(['ID-3', 'PAY-2', 'PAY-10']);
  });

  it('reports initiatives on and after a cycle apart instead of dropping them', () => {
    const result = topologicalGenerations(
      graphOf('START-1 -> PAY-1 -> ID-4 -> PAY-1', 'ID-4 -> MOB-2 -> MOB-3'),
    );
    expect(result.generations).toEqual([['START-1']]);
    expect(result.inCycle).toEqual(['ID-4', 'PAY-1']);
    expect(result.afterCycle).toEqual(['MOB-2', 'MOB-3']);
  });

  it('with cycles skipped, places initiatives after a cycle by their other dependencies and still flags them', () => {
    const graph = graphOf('START-1 -> PAY-1 -> ID-4 -> PAY-1', 'ID-4 -> MOB-2 -> MOB-3', 'START-1 -> MOB-3');
    const result = topologicalGenerations(graph, { cycles: 'skip' });
    expect(result.generations).toEqual([['MOB-2', 'START-1'], ['MOB-3']]);
    expect(result.inCycle).toEqual(['ID-4', 'PAY-1']);
    expect(result.afterCycle).toEqual(['MOB-2', 'MOB-3']);
  });

  it('places all 100,000 initiatives of a chain, one per generation', () => {
    const { generations, inCycle, afterCycle } = topologicalGenerations(buildSample(chain(100_000)));
    expect(generations).toHaveLength(100_000);
    expect(generations[99_999]).toEqual(['INIT-100000']);
    expect(inCycle.length + afterCycle.length).toBe(0);
  });

  it('places every node of a random 10,000-node, 50,000-link DAG after all it depends on', () => {
    const sample = randomGraph({ nodes: 10_000, edges: 50_000, seed: 2027 });
    const { generations, inCycle, afterCycle } = topologicalGenerations(buildSample(sample));
    const generationOf = new Map(generations.flatMap((keys, g) => keys.map((key) => [key, g] as const)));
    expect(generationOf.size).toBe(10_000);
    expect(inCycle.length + afterCycle.length).toBe(0);
    for (const { from, to } of sample.links)
      expect(generationOf.get(from)!).toBeLessThan(generationOf.get(to)!);
  });
});

describe('topological order', () => {
  it('puts every initiative after everything it depends on', () => {
    const order = topologicalOrder(graphOf('MOB-2 -> ID-4 -> PAY-1', 'MOB-2 -> PAY-1', 'DATA-9 -> ID-4'));
    expect(before(order, 'MOB-2', 'ID-4')).toBe(true);
    expect(before(order, 'DATA-9', 'ID-4')).toBe(true);
    expect(before(order, 'ID-4', 'PAY-1')).toBe(true);
  });

  it('throws a DependencyCycleError that carries the cycle', () => {
    const attempt = () => topologicalOrder(graphOf('START-1 -> PAY-1 -> ID-4 -> MOB-2 -> PAY-1'));
    expect(attempt).toThrow(DependencyCycleError);
    expect(attempt).toThrow('ID-4 → MOB-2 → PAY-1 → ID-4');
    try {
      attempt();
    } catch (error) {
      expect((error as DependencyCycleError).cycle).toEqual(['ID-4', 'MOB-2', 'PAY-1', 'ID-4']);
    }
  });
});
