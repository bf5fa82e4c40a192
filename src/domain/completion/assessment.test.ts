import { buildGoal } from '../publishing/test-builders';
import { assess, assessmentId, assessmentRows, subjectExists, verdictCounts } from './assessment';

const goals = [
  buildGoal({ id: 'g-late', statement: 'Launch in four weeks', dueDate: '2027-12-31' }),
  buildGoal({ id: 'g-early', statement: 'Conversion up', dueDate: '2027-09-30' }),
];
const plans = [
  {
    quarter: '2027-Q2',
    successCriteria: [{ id: 'c3', statement: 'Third market', metric: 'markets', target: '3', goalIds: [] }],
  },
  {
    quarter: '2027-Q1',
    successCriteria: [
      { id: 'c1', statement: 'Two pilots', metric: 'markets', target: '2', goalIds: ['g-early'] },
      { id: 'c2', statement: 'p95 in budget', metric: 'ms', target: '≤ 800', goalIds: [] },
    ],
  },
];
const fields = { verdict: 'met' as const, measuredValue: '2.7', evidence: [], note: '' };

describe('the success assessment', () => {
  it('lists every goal (by due date) then every quarter’s criteria, unassessed ones without a verdict', () => {
    const assessed = assess(
      { kind: 'criterion', quarter: '2027-Q1', criterionId: 'c2' },
      fields,
      'tpm',
      'now',
    );
    const rows = assessmentRows(goals, plans, [assessed]);
    expect(rows.map((r) => r.statement)).toEqual([
      'Conversion up',
      'Launch in four weeks',
      'Two pilots',
      'p95 in budget',
      'Third market',
    ]);
    expect(rows.filter((r) => r.assessment === null)).toHaveLength(4);
    expect(rows[3]?.assessment?.verdict).toBe('met');
    expect(rows[2]?.goalIds).toEqual(['g-early']);
  });

  it('gives each subject one id, so a goal and a criterion never share an assessment', () => {
    expect(assessmentId({ kind: 'goal', goalId: 'c1' })).not.toBe(
      assessmentId({ kind: 'criterion', quarter: '2027-Q1', criterionId: 'c1' }),
    );
    expect(assessmentId({ kind: 'criterion', quarter: '2027-Q1', criterionId: 'c1' })).not.toBe(
      assessmentId({ kind: 'criterion', quarter: '2027-Q2', criterionId: 'c1' }),
    );
  });

  it('knows whether the goal or criterion assessed still exists', () => {
    expect(subjectExists({ kind: 'goal', goalId: 'g-early' }, goals, plans)).toBe(true);
    expect(subjectExists({ kind: 'goal', goalId: 'gone' }, goals, plans)).toBe(false);
    expect(subjectExists({ kind: 'criterion', quarter: '2027-Q2', criterionId: 'c3' }, goals, plans)).toBe(
      true,
    );
    expect(subjectExists({ kind: 'criterion', quarter: '2027-Q1', criterionId: 'c3' }, goals, plans)).toBe(
      false,
    );
  });

  it('counts verdicts and what is left to assess', () => {
    const rows = assessmentRows(goals, plans, [
      assess({ kind: 'goal', goalId: 'g-early' }, { ...fields, verdict: 'partly' }, 'tpm', 'now'),
      assess({ kind: 'goal', goalId: 'g-late' }, { ...fields, verdict: 'missed' }, 'tpm', 'now'),
    ]);
    expect(verdictCounts(rows)).toEqual({ met: 0, partly: 1, missed: 1, unassessed: 3 });
  });
});
