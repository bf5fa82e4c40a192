import { buildBaseline, buildChild, buildInitiative, frozen, Q2_SPRINTS } from '../test-builders';
import { plannedVsActual } from './planned-vs-actual';

const TODAY = '2027-04-20';
// The Q1 baseline plans PAY-1 in sprints 1–2: 2027-01-04 to 2027-01-31.
const q1 = frozen(buildBaseline());

describe('planned against actual dates of an initiative', () => {
  it.each([
    ['late', '2027-02-03T09:00:00.000+0000', 'late', 3],
    ['early', '2027-01-25T09:00:00.000+0000', 'early', -6],
    ['on time', '2027-01-31T23:00:00.000+0000', 'on-time', 0],
  ])('is %s against the baseline window', (_what, resolvedAt, outcome, slip) => {
    const dates = plannedVsActual(buildInitiative({ resolvedAt }), [q1], TODAY);
    expect(dates).toMatchObject({
      plannedFrom: 'baseline',
      plannedStart: '2027-01-04',
      plannedEnd: '2027-01-31',
      plannedQuarter: '2027-Q1',
      outcome,
      slipDays: slip,
    });
  });

  it('is overdue while open past its planned end, and in progress before', () => {
    const open = buildInitiative({ status: { name: 'In Progress', category: 'indeterminate' } });
    expect(plannedVsActual(open, [q1], '2027-02-10')).toMatchObject({ outcome: 'overdue', slipDays: 10 });
    expect(plannedVsActual(open, [q1], '2027-01-20')).toMatchObject({
      outcome: 'in-progress',
      slipDays: null,
    });
  });

  it('plans from the first baseline of the earliest quarter and shows a later re-plan', () => {
    const replanned = buildBaseline({ id: 'b2', schedule: [{ key: 'PAY-1', startSprint: 2, endSprint: 3 }] });
    const q2 = frozen(
      buildBaseline({
        id: 'q2b1',
        quarter: '2027-Q2',
        sprints: Q2_SPRINTS,
        schedule: [{ key: 'PAY-1', startSprint: 0, endSprint: 0 }],
      }),
    );
    const dates = plannedVsActual(
      buildInitiative({ resolvedAt: '2027-04-15T00:00:00.000Z' }),
      [q2, { ...q1, latest: replanned }],
      TODAY,
    );
    expect(dates).toMatchObject({ plannedEnd: '2027-01-31', replannedEnd: '2027-04-18', outcome: 'late' });
  });

  it('falls back to the epic’s target date when no baseline placed it', () => {
    const unplaced = frozen(
      buildBaseline({ schedule: [{ key: 'PAY-1', startSprint: null, endSprint: null }] }),
    );
    const dates = plannedVsActual(
      buildInitiative({
        startDate: '2027-01-10',
        targetDate: '2027-02-28',
        resolvedAt: '2027-02-20T00:00:00Z',
      }),
      [unplaced],
      TODAY,
    );
    expect(dates).toMatchObject({
      plannedFrom: 'target-date',
      plannedStart: '2027-01-10',
      plannedEnd: '2027-02-28',
      outcome: 'early',
      slipDays: -8,
    });
  });

  it('says when there is no planned date at all', () => {
    expect(plannedVsActual(buildInitiative({ resolvedAt: '2027-02-20T00:00:00Z' }), [], TODAY)).toMatchObject(
      {
        plannedFrom: null,
        outcome: 'no-plan',
        actualEnd: '2027-02-20',
      },
    );
  });

  it('takes the last child’s resolution when the epic has none, and only when every child is resolved', () => {
    const children = [
      buildChild({ key: 'PAY-2', resolvedAt: '2027-01-20T00:00:00Z' }),
      buildChild({ key: 'PAY-3', resolvedAt: '2027-02-02T00:00:00Z' }),
    ];
    expect(plannedVsActual(buildInitiative({ children }), [q1], TODAY)).toMatchObject({
      actualEnd: '2027-02-02',
      actualFrom: 'children-resolution',
      outcome: 'late',
    });
    const undated = [...children, buildChild({ key: 'PAY-4', resolvedAt: undefined })];
    expect(plannedVsActual(buildInitiative({ children: undated }), [q1], TODAY)).toMatchObject({
      actualEnd: null,
      outcome: 'done-undated',
      slipDays: null,
    });
  });
});
