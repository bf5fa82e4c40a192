import { anExecutionState, anInitiative, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { teamOverCapacity } from './team-over-capacity';

const detect = (spec: StateSpec) => teamOverCapacity.detect(factsOf(anExecutionState(spec)));

describe('the over-capacity rule', () => {
  const initiatives = [anInitiative('PAY-1'), anInitiative('PAY-2'), anInitiative('ID-1')];
  // Payments has one unit a sprint; seven sprints of its work do not fit a six-sprint quarter.
  const plan = (capacity: number) => ({
    estimates: { 'PAY-1': 2, 'PAY-2': 5, 'ID-1': 1 },
    capacity: { 'team-pay': capacity },
  });

  it('fires for the team whose work does not fit, naming the initiative left out and the full sprints', () => {
    const found = detect({ initiatives, plan: plan(1) });
    expect(found).toHaveLength(1);
    const [risk] = found;
    expect(risk?.fingerprint).toBe('team-over-capacity:team-pay');
    expect(risk?.teamIds).toEqual(['team-pay']);
    expect(risk?.initiativeKeys).toHaveLength(1);
    expect(risk?.reason).toMatch(
      /^Payments cannot fit PAY-[12] in the 2027-Q1 plan; its capacity is used up in Sprint/,
    );
    // The scheduler's own explanation, with the team named as the TPM knows it.
    expect(risk?.reason).toContain('Payments is at capacity');
    expect(risk?.reason).not.toContain('team-pay');
  });

  it('clears once the team has the capacity', () => {
    expect(detect({ initiatives, plan: plan(2) })).toEqual([]);
  });

  it('fires for a pin into sprints the team has no room in, and rates it higher when planned work waits for it', () => {
    const found = detect({
      initiatives: [...initiatives, anInitiative('MOB-1')],
      plan: {
        estimates: { 'PAY-1': 2, 'PAY-2': 3, 'MOB-1': 1 },
        pins: { 'PAY-1': 0, 'PAY-2': 1 },
        capacity: { 'team-pay': 1 },
      },
    });
    expect(found.map((r) => r.initiativeKeys.length)).toEqual([1]);
    expect(found[0]?.reason).toContain('is pinned to start in');
    expect(found[0]?.impact).toBe(3);
    // Whichever pin loses, MOB-1 waits for it.
    const waited = detect({
      initiatives: [...initiatives, anInitiative('MOB-1')],
      edges: [
        ['PAY-1', 'MOB-1'],
        ['PAY-2', 'MOB-1'],
      ],
      plan: {
        estimates: { 'PAY-1': 2, 'PAY-2': 3, 'MOB-1': 1 },
        pins: { 'PAY-1': 0, 'PAY-2': 1 },
        capacity: { 'team-pay': 1 },
      },
    });
    expect(waited[0]?.impact).toBe(4);
  });

  it('says nothing before the plan is in force (no schedule to read)', () => {
    expect(detect({ today: '2026-12-01', initiatives, plan: { ...plan(1), upcoming: true } })).toEqual([]);
  });
});
