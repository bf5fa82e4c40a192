import { graphOf } from '../sample-graphs';
import { crossTeamEdges } from './cross-team-edges';

const teams = new Map([
  ['PAY-1', 'Payments'],
  ['PAY-2', 'Payments'],
  ['ID-4', 'Identity'],
  ['ID-5', 'Identity'],
  ['MOB-2', 'Mobile'],
]);

describe('cross-team edges', () => {
  it.each<[string, string, boolean]>([
    ['PAY-1 -> PAY-2', 'the same team', false],
    ['PAY-1 -> ID-4', 'two teams', true],
    ['PAY-1 -> NEW-1', 'an initiative without a team', false],
  ])('counts %s (%s) as cross-team: %s', (spec, _, crosses) => {
    expect(crossTeamEdges(graphOf(spec), teams).edges).toHaveLength(crosses ? 1 : 0);
  });

  it('names both teams of each cross-team edge, delivering team first', () => {
    const { edges } = crossTeamEdges(graphOf('PAY-1 -> ID-4'), teams);
    expect(edges).toEqual([{ from: 'PAY-1', to: 'ID-4', fromTeam: 'Payments', toTeam: 'Identity' }]);
  });

  it('counts links per team pair, most first, direction kept', () => {
    const graph = graphOf('PAY-1 -> ID-4', 'PAY-2 -> ID-5', 'ID-4 -> PAY-2', 'MOB-2 -> PAY-1');
    const { pairs } = crossTeamEdges(graph, teams);
    expect(pairs).toEqual([
      { fromTeam: 'Payments', toTeam: 'Identity', count: 2 },
      { fromTeam: 'Identity', toTeam: 'Payments', count: 1 },
      { fromTeam: 'Mobile', toTeam: 'Payments', count: 1 },
    ]);
  });

  it('lists initiatives without a team and accepts a lookup function', () => {
    const result = crossTeamEdges(graphOf('PAY-1 -> NEW-1 -> ID-4'), (key) => teams.get(key) ?? null);
    expect(result.withoutTeam).toEqual(['NEW-1']);
    expect(result.edges).toEqual([]);
  });
});
