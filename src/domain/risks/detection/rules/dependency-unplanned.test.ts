import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { dependencyUnplanned } from './dependency-unplanned';

const detect = (spec: StateSpec) => dependencyUnplanned.detect(factsOf(anExecutionState(spec)));
const edges: [string, string][] = [['ID-4', 'PAY-12']];

describe('the unplanned dependency rule', () => {
  it('fires when a planned initiative waits for one neither in the plan nor done', () => {
    const [risk] = detect({
      initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
      edges,
      plan: { chosen: ['PAY-12'], estimates: { 'PAY-12': 1 } },
    });
    expect(risk?.fingerprint).toBe('dependency-unplanned:ID-4>PAY-12');
    expect(risk?.reason).toContain(
      'PAY-12 is in the 2027-Q1 plan and depends on ID-4, which is neither in the plan nor done',
    );
  });

  it('also watches the next plan before it starts', () => {
    const found = detect({
      today: '2026-12-01',
      initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
      edges,
      plan: { chosen: ['PAY-12'], upcoming: true },
    });
    expect(found.map((r) => r.fingerprint)).toEqual(['dependency-unplanned:ID-4>PAY-12']);
  });

  it.each([
    ['the dependency joins the plan', { chosen: ['ID-4', 'PAY-12'] }, {}],
    ['the dependency is done', { chosen: ['PAY-12'] }, { status: STATUS.done }],
  ])('clears when %s', (_case, plan, upstream) => {
    expect(
      detect({ initiatives: [anInitiative('ID-4', upstream), anInitiative('PAY-12')], edges, plan }),
    ).toEqual([]);
  });

  it('says nothing without a plan, or when the dependent is not planned either', () => {
    const initiatives = [anInitiative('ID-4'), anInitiative('PAY-12')];
    expect(detect({ initiatives, edges })).toEqual([]);
    expect(detect({ initiatives, edges, plan: { chosen: [] } })).toEqual([]);
  });
});
