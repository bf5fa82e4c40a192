import { buildBaseline, buildEstimate, buildPlan, frozen } from '../test-builders';
import { scopeChange } from './scope-change';

const chosen = (...keys: string[]) => keys.map((key) => ({ key, priority: null, carriedOver: false }));

describe('scope change against the first baseline of a quarter', () => {
  const baseline = buildBaseline({
    initiatives: chosen('PAY-1', 'PAY-2', 'ID-3'),
    estimates: [buildEstimate({ initiativeKey: 'ID-3', teamId: 'team-id', storyPoints: 13 })],
  });

  it('counts the initiatives added and removed, with their points', () => {
    const plan = buildPlan({
      initiatives: chosen('PAY-1', 'PAY-2', 'MOB-7', 'DATA-9'),
      estimates: [buildEstimate({ initiativeKey: 'DATA-9', storyPoints: 5 })],
    });
    const change = scopeChange(
      plan,
      frozen(baseline),
      new Map([
        ['MOB-7', 20],
        ['DATA-9', null],
      ]),
    );
    expect(change).toMatchObject({
      quarter: '2027-Q1',
      baseline: { id: 'b1' },
      baselineCount: 3,
      currentCount: 4,
      added: [
        { key: 'DATA-9', points: 5 },
        { key: 'MOB-7', points: 20 },
      ],
      removed: [{ key: 'ID-3', points: 13 }],
      addedPoints: 25,
      removedPoints: 13,
      unpointed: 0,
    });
  });

  it('measures against the first baseline even after later ones', () => {
    const later = buildBaseline({ id: 'b2', initiatives: chosen('PAY-1') });
    const change = scopeChange(
      buildPlan({ initiatives: chosen('PAY-1') }),
      frozen(baseline, later),
      new Map(),
    );
    expect(change.removed.map((d) => d.key)).toEqual(['ID-3', 'PAY-2']);
  });

  it('counts initiatives nobody estimated apart, outside the sums', () => {
    const change = scopeChange(
      buildPlan({ initiatives: chosen('PAY-1', 'PAY-2', 'ID-3', 'X-1'), estimates: [] }),
      frozen(baseline),
      new Map(),
    );
    expect(change).toMatchObject({ added: [{ key: 'X-1', points: null }], addedPoints: 0, unpointed: 1 });
  });

  it('cannot measure a quarter that was never baselined', () => {
    const change = scopeChange(buildPlan(), undefined, new Map());
    expect(change).toMatchObject({ baseline: null, added: [], removed: [], currentCount: 1 });
  });
});
