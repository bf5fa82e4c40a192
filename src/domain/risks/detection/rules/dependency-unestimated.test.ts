import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { dependencyUnestimated } from './dependency-unestimated';

const detect = (spec: StateSpec) => dependencyUnestimated.detect(factsOf(anExecutionState(spec)));
const edges: [string, string][] = [['ID-4', 'PAY-12']];

describe('the unestimated dependency rule', () => {
  it('fires when a planned dependency has no estimate in the plan', () => {
    const [risk, ...rest] = detect({
      initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
      edges,
      plan: { estimates: { 'PAY-12': 1 } },
    });
    expect(rest).toEqual([]);
    expect(risk?.fingerprint).toBe('dependency-unestimated:ID-4>PAY-12');
    expect(risk?.reason).toBe(
      'PAY-12 depends on ID-4, which has no estimate in the 2027-Q1 plan, so the schedule can place neither it nor PAY-12. Identity can estimate it.',
    );
  });

  it('clears once the upstream team estimates it', () => {
    const spec: StateSpec = {
      initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
      edges,
      plan: { estimates: { 'ID-4': 2, 'PAY-12': 1 } },
    };
    expect(detect(spec)).toEqual([]);
  });

  it('before any plan, fires on an upstream epic without story points in Jira and clears once it has some', () => {
    const unestimated = [anInitiative('ID-4', { estimate: null }), anInitiative('PAY-12')];
    expect(detect({ initiatives: unestimated, edges })[0]?.reason).toContain('has no estimate in Jira');
    const estimated = [anInitiative('ID-4', { estimate: 5 }), anInitiative('PAY-12')];
    expect(detect({ initiatives: estimated, edges })).toEqual([]);
  });

  it('leaves a dependency outside the plan to the unplanned rule, and a done one alone', () => {
    expect(
      detect({
        initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
        edges,
        plan: { chosen: ['PAY-12'], estimates: { 'PAY-12': 1 } },
      }),
    ).toEqual([]);
    expect(
      detect({
        initiatives: [anInitiative('ID-4', { status: STATUS.done }), anInitiative('PAY-12')],
        edges,
        plan: { estimates: { 'PAY-12': 1 } },
      }),
    ).toEqual([]);
  });
});
