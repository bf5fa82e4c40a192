import { graphOf } from '../sample-graphs';
import {
  buildDependencyGraph,
  compareIssueKeys,
  dependenciesOf,
  dependencyLinks,
  dependentsOf,
  edgeCount,
  nodeCount,
} from './dependency-graph';

describe('dependency graph', () => {
  it.each([
    ['PAY-2', 'PAY-10'],
    ['ID-9', 'PAY-1'],
    ['PAY-9', 'PAYMENTS-1'],
    ['PAY-007', 'PAY-10'],
  ])('orders issue keys by project, then number: %s before %s', (first, second) => {
    expect(compareIssueKeys(first, second)).toBeLessThan(0);
    expect(compareIssueKeys(second, first)).toBeGreaterThan(0);
  });

  it('gives the same graph whatever order the links come in', () => {
    const links = [
      { from: 'PAY-10', to: 'ID-4' },
      { from: 'PAY-2', to: 'ID-4' },
      { from: 'ID-4', to: 'MOB-1' },
    ];
    const forward = buildDependencyGraph([], links);
    const backward = buildDependencyGraph([], [...links].reverse());
    expect(backward.keys).toEqual(forward.keys);
    expect(dependencyLinks(backward)).toEqual(dependencyLinks(forward));
    expect(forward.keys).toEqual(['ID-4', 'MOB-1', 'PAY-2', 'PAY-10']);
  });

  it('counts a repeated link once and keeps initiatives without links', () => {
    const graph = buildDependencyGraph(
      ['LONE-1'],
      [
        { from: 'PAY-1', to: 'ID-4' },
        { from: 'PAY-1', to: 'ID-4' },
      ],
    );
    expect(nodeCount(graph)).toBe(3);
    expect(edgeCount(graph)).toBe(1);
    expect(dependentsOf(graph, 'LONE-1')).toEqual([]);
  });

  it('answers who waits for an initiative and whom it waits for, in key order', () => {
    const graph = graphOf('PAY-10 -> ID-4', 'PAY-2 -> ID-4', 'ID-4 -> MOB-1', 'ID-4 -> DATA-3');
    expect(dependenciesOf(graph, 'ID-4')).toEqual(['PAY-2', 'PAY-10']);
    expect(dependentsOf(graph, 'ID-4')).toEqual(['DATA-3', 'MOB-1']);
    expect(dependentsOf(graph, 'NOPE-1')).toEqual([]);
  });

  it('keeps a link from an initiative to itself', () => {
    expect(dependentsOf(graphOf('PAY-1 -> PAY-1'), 'PAY-1')).toEqual(['PAY-1']);
  });
});
