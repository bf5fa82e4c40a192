import { buildSample, chain, graphOf, randomGraph } from '../sample-graphs';
import { criticalPath } from './critical-path';

const estimates =
  (values: Record<string, number | null>) =>
  (key: string): number | null | undefined =>
    values[key];

describe('critical path', () => {
  it('follows the chain with the largest total estimate, not the one with the most links', () => {
    const graph = graphOf('START-1 -> A-1 -> A-2 -> A-3 -> END-1', 'START-1 -> BIG-1 -> END-1');
    const result = criticalPath(graph, {
      estimateOf: estimates({ 'START-1': 1, 'A-1': 2, 'A-2': 2, 'A-3': 2, 'BIG-1': 13, 'END-1': 1 }),
    });
    expect(result.path).toEqual(['START-1', 'BIG-1', 'END-1']);
    expect(result.total).toBe(15);
  });

  it.each<[string, number | undefined, number]>([
    ['one point by default', undefined, 3 + 1],
    ['the configured default', 8, 3 + 8],
  ])('counts an initiative without an estimate as %s', (_, defaultEstimate, total) => {
    const options = { estimateOf: estimates({ 'PAY-1': 3, 'ID-4': null }) };
    const result = criticalPath(
      graphOf('PAY-1 -> ID-4'),
      defaultEstimate === undefined ? options : { ...options, defaultEstimate },
    );
    expect(result.total).toBe(total);
  });

  it('uses the default for a negative or non-numeric estimate', () => {
    const result = criticalPath(graphOf('PAY-1 -> ID-4'), {
      estimateOf: estimates({ 'PAY-1': -5, 'ID-4': Number.NaN }),
      defaultEstimate: 2,
    });
    expect(result.total).toBe(4);
  });

  it('leaves initiatives on a cycle out and still counts the ones after it', () => {
    const graph = graphOf('START-1 -> PAY-1 -> ID-4 -> PAY-1', 'ID-4 -> MOB-2', 'START-1 -> MOB-2 -> MOB-3');
    const result = criticalPath(graph, { estimateOf: () => 5 });
    expect(result.excluded).toEqual(['ID-4', 'PAY-1']);
    expect(result.path).toEqual(['START-1', 'MOB-2', 'MOB-3']);
    expect(result.total).toBe(15);
  });

  it('breaks ties toward the smaller keys', () => {
    const result = criticalPath(graphOf('B-1 -> Z-1', 'A-1 -> Z-1', 'C-1'), { estimateOf: () => 1 });
    expect(result.path).toEqual(['A-1', 'Z-1']);
  });

  it('is empty for an empty graph', () => {
    expect(criticalPath(graphOf(), { estimateOf: () => 1 })).toEqual({ path: [], total: 0, excluded: [] });
  });

  it('runs the length of a 100,000-node chain', () => {
    const result = criticalPath(buildSample(chain(100_000)), { estimateOf: () => 2 });
    expect(result.path).toHaveLength(100_000);
    expect(result.total).toBe(200_000);
  });

  it('on a random 10,000-node DAG, is a real chain of links no lighter than any generation count', () => {
    const sample = randomGraph({ nodes: 10_000, edges: 50_000, seed: 5 });
    const links = new Set(sample.links.map((link) => `${link.from}>${link.to}`));
    const { path, total } = criticalPath(buildSample(sample), { estimateOf: () => 1 });
    for (let i = 0; i + 1 < path.length; i++) expect(links.has(`${path[i]}>${path[i + 1]}`)).toBe(true);
    expect(total).toBe(path.length);
  });
});
