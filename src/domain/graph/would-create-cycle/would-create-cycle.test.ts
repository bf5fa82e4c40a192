import { buildSample, chain, graphOf } from '../sample-graphs';
import { wouldCreateCycle } from './would-create-cycle';

describe('would a new dependency create a cycle', () => {
  const graph = graphOf('PAY-1 -> ID-4 -> MOB-2', 'PAY-1 -> DATA-1');

  it.each<[string, string, string[] | false]>([
    ['MOB-2', 'PAY-1', ['MOB-2', 'PAY-1', 'ID-4', 'MOB-2']],
    ['ID-4', 'PAY-1', ['ID-4', 'PAY-1', 'ID-4']],
    ['PAY-1', 'PAY-1', ['PAY-1', 'PAY-1']],
    ['PAY-1', 'MOB-2', false],
    ['DATA-1', 'MOB-2', false],
    ['MOB-2', 'NEW-1', false],
    ['NEW-1', 'PAY-1', false],
  ])('adding %s → %s closes %j', (from, to, cycle) => {
    const check = wouldCreateCycle(graph, from, to);
    expect(check).toEqual(cycle ? { createsCycle: true, cycle } : { createsCycle: false });
  });

  it('finds the cycle a link would close across a 100,000-node chain', () => {
    const check = wouldCreateCycle(buildSample(chain(100_000)), 'INIT-100000', 'INIT-1');
    expect(check.createsCycle && check.cycle.length).toBe(100_001);
  });
});
