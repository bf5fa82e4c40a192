import type { CommitmentStatus } from '../../../plan/types';
import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { commitmentAtRisk, commitmentDeclined, commitmentMissing } from './commitments';

const initiatives = [anInitiative('ID-4'), anInitiative('PAY-12'), anInitiative('PAY-13')];
const edges: [string, string][] = [
  ['ID-4', 'PAY-12'],
  // Same team: no commitment is asked.
  ['PAY-13', 'PAY-12'],
];
const spec = (status: CommitmentStatus | null, extra: Partial<StateSpec> = {}): StateSpec => ({
  initiatives,
  edges,
  plan: {
    estimates: { 'ID-4': 1, 'PAY-12': 1, 'PAY-13': 1 },
    commitments:
      status === null
        ? []
        : [
            {
              from: 'ID-4',
              to: 'PAY-12',
              status,
              reason: status === 'committed' ? null : 'PCI audit',
              at: '2026-12-09T15:00:00Z',
            },
          ],
  },
  ...extra,
});

describe('the commitment rules', () => {
  it('fire on a declined dependency with who declined and why', () => {
    const [risk, ...rest] = commitmentDeclined.detect(factsOf(anExecutionState(spec('declined'))));
    expect(rest).toEqual([]);
    expect(risk?.fingerprint).toBe('commitment-declined:ID-4>PAY-12');
    expect(risk?.reason).toContain('Identity declined to deliver ID-4 for PAY-12 on 2026-12-09: “PCI audit”');
    expect(risk?.probability).toBe(5);
  });

  it('fire on a dependency its upstream team says is at risk', () => {
    const [risk] = commitmentAtRisk.detect(factsOf(anExecutionState(spec('at-risk'))));
    expect(risk?.fingerprint).toBe('commitment-at-risk:ID-4>PAY-12');
    expect(risk?.reason).toContain('Identity says delivering ID-4 for PAY-12 is at risk');
  });

  it('fire on a dependency nobody committed to since the alignment session', () => {
    for (const status of [null, 'proposed'] as const) {
      const [risk, ...rest] = commitmentMissing.detect(factsOf(anExecutionState(spec(status))));
      expect(rest).toEqual([]);
      expect(risk?.reason).toBe(
        'Identity has not committed to deliver ID-4 for PAY-12 since the alignment session on 2026-12-09.',
      );
    }
  });

  it('wait for the alignment session, or the quarter’s first day when none is set, before calling one missing', () => {
    const before = spec(null, { today: '2026-12-01' });
    if (before.plan) before.plan.upcoming = true;
    expect(commitmentMissing.detect(factsOf(anExecutionState(before)))).toEqual([]);
    const noSession = spec(null);
    if (noSession.plan) noSession.plan.sessionDate = null;
    expect(commitmentMissing.detect(factsOf(anExecutionState(noSession)))[0]?.reason).toContain(
      'although the 2027-Q1 plan started on 2027-01-04',
    );
  });

  it('clear once the upstream team commits', () => {
    const state = factsOf(anExecutionState(spec('committed')));
    expect([commitmentDeclined, commitmentAtRisk, commitmentMissing].flatMap((r) => r.detect(state))).toEqual(
      [],
    );
  });

  it('clear once either end is done', () => {
    const done = factsOf(
      anExecutionState({
        ...spec('declined'),
        initiatives: [anInitiative('ID-4', { status: STATUS.done }), ...initiatives.slice(1)],
      }),
    );
    expect(commitmentDeclined.detect(done)).toEqual([]);
  });
});
