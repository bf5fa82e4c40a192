import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { scopeAddedAfterBaseline } from './scope-added-after-baseline';

const detect = (spec: StateSpec) => scopeAddedAfterBaseline.detect(factsOf(anExecutionState(spec)));
const initiatives = [anInitiative('PAY-1'), anInitiative('PAY-2')];

describe('the scope added after the baseline rule', () => {
  it('fires for an initiative chosen after the plan was frozen, with what it costs', () => {
    const [risk, ...rest] = detect({
      initiatives,
      plan: {
        estimates: { 'PAY-1': 1, 'PAY-2': 2 },
        baseline: { initiatives: ['PAY-1'], frozenAt: '2027-01-03T09:00:00Z' },
      },
    });
    expect(rest).toEqual([]);
    expect(risk?.fingerprint).toBe('scope-added-after-baseline:PAY-2');
    expect(risk?.reason).toBe(
      'PAY-2 joined the 2027-Q1 plan after the baseline of 2027-01-03 (“Agreed at the alignment session”); it takes two sprints of Payments.',
    );
  });

  it.each([
    ['a new baseline holds it', { baseline: 'now' as const }, initiatives],
    ['it leaves the plan', { chosen: ['PAY-1'], baseline: { initiatives: ['PAY-1'] } }, initiatives],
    [
      'it is done',
      { baseline: { initiatives: ['PAY-1'] } },
      [initiatives[0]!, anInitiative('PAY-2', { status: STATUS.done })],
    ],
  ])('clears when %s', (_case, plan, all) => {
    expect(detect({ initiatives: all, plan })).toEqual([]);
  });

  it('says nothing before the first baseline', () => {
    expect(detect({ initiatives, plan: {} })).toEqual([]);
  });
});
