import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { dependencyLate } from './dependency-late';

const detect = (spec: StateSpec) => dependencyLate.detect(factsOf(anExecutionState(spec)));

describe('the late dependency rule', () => {
  const edges: [string, string][] = [['ID-4', 'PAY-12']];

  it('fires when the dependency now ends after the sprint its dependent was baselined to start', () => {
    const [risk] = detect({
      initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
      edges,
      plan: {
        // ID-4 grew from one sprint to three since the baseline put PAY-12 in Sprint 2.
        estimates: { 'ID-4': 3, 'PAY-12': 1 },
        baseline: {
          initiatives: ['ID-4', 'PAY-12'],
          schedule: [
            { key: 'ID-4', startSprint: 0, endSprint: 0 },
            { key: 'PAY-12', startSprint: 1, endSprint: 1 },
          ],
        },
      },
    });
    expect(risk?.fingerprint).toBe('dependency-late:ID-4>PAY-12');
    expect(risk?.reason).toContain(
      'PAY-12 is blocked by ID-4, which is planned to finish two sprints later (ends 2027-02-14, PAY-12 starts 2027-01-18)',
    );
    expect(risk?.reason).toContain('start in the baseline');
    expect(risk?.impact).toBe(4);
    expect(risk?.teamIds).toEqual(['team-id', 'team-pay']);
  });

  it('clears when the schedule and the baseline agree again', () => {
    expect(
      detect({
        initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
        edges,
        plan: { estimates: { 'ID-4': 3, 'PAY-12': 1 }, baseline: 'now' },
      }),
    ).toEqual([]);
  });

  it('fires when the Jira target date of the dependency runs past the planned start of its dependent', () => {
    const spec: StateSpec = {
      initiatives: [
        anInitiative('ID-4', { targetDate: '2027-02-26' }),
        anInitiative('PAY-12', { startDate: '2027-02-08' }),
      ],
      edges,
      plan: { estimates: { 'ID-4': 2, 'PAY-12': 1 } },
    };
    const [risk] = detect(spec);
    // Planned: ID-4 in Sprints 1–2, PAY-12 in Sprint 3 (from 2027-02-01).
    expect(risk?.reason).toContain(
      'which is planned to finish two sprints later (ends 2027-02-26, PAY-12 starts 2027-02-01)',
    );
    expect(risk?.reason).toContain("ID-4's end is its Jira target date");
    expect(risk?.probability).toBe(4);
  });

  it('clears when the target date moves back before the dependent starts', () => {
    expect(
      detect({
        initiatives: [anInitiative('ID-4', { targetDate: '2027-01-29' }), anInitiative('PAY-12')],
        edges,
        plan: { estimates: { 'ID-4': 2, 'PAY-12': 1 } },
      }),
    ).toEqual([]);
  });

  it('reads Jira dates alone when there is no plan, counting days', () => {
    const initiatives = [
      anInitiative('ID-4', { targetDate: '2027-02-26' }),
      anInitiative('PAY-12', { startDate: '2027-02-20' }),
    ];
    const [risk] = detect({ initiatives, edges });
    expect(risk?.reason).toContain(
      'planned to finish 7 days later (ends 2027-02-26, PAY-12 starts 2027-02-20)',
    );
    expect(risk?.probability).toBe(3);
  });

  it.each([
    ['the dependency is done', { status: STATUS.done }, {}],
    ['the dependent is done', {}, { status: STATUS.done }],
  ])('clears when %s', (_case, upstream, dependent) => {
    const initiatives = [
      anInitiative('ID-4', { targetDate: '2027-02-26', ...upstream }),
      anInitiative('PAY-12', { startDate: '2027-02-20', ...dependent }),
    ];
    expect(detect({ initiatives, edges })).toEqual([]);
  });

  it('says nothing when neither a plan nor Jira dates place the two', () => {
    expect(detect({ initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')], edges })).toEqual([]);
  });
});
