import { heatMap, rankRisks, riskSeverity, type Risk } from './risk';

const aRisk = (overrides: Partial<Risk>): Risk => ({
  id: 'r',
  title: 'R',
  probability: 1,
  impact: 1,
  ownerAccountId: null,
  mitigation: '',
  status: 'open',
  source: 'manual',
  ...overrides,
});

describe('the risk heat map', () => {
  it('places each live risk at its impact and probability and leaves closed ones off', () => {
    const map = heatMap([
      aRisk({ id: 'a', probability: 2, impact: 5 }),
      aRisk({ id: 'b', probability: 2, impact: 5 }),
      aRisk({ id: 'c', probability: 5, impact: 1, status: 'closed' }),
    ]);
    expect(map[4]?.[1]).toEqual(['a', 'b']);
    expect(map[0]?.[4]).toEqual([]);
    expect(map.flat().flat()).toHaveLength(2);
  });

  it('ranks the worst live risk first', () => {
    const ranked = rankRisks([
      aRisk({ id: 'low', probability: 1, impact: 2 }),
      aRisk({ id: 'high', probability: 4, impact: 4 }),
    ]);
    expect(ranked[0]?.id).toBe('high');
  });

  it.each([
    [1, 1, 'low'],
    [2, 3, 'medium'],
    [2, 5, 'high'],
    [3, 5, 'critical'],
  ] as const)('calls probability %i × impact %i %s', (probability, impact, severity) => {
    expect(riskSeverity({ probability, impact })).toBe(severity);
  });
});
