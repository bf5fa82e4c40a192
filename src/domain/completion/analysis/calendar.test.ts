import { buildPlan, Q1_SPRINTS, Q2_SPRINTS } from '../test-builders';
import { programCalendar, sprintsSpanned, usualSprintDays } from './calendar';

const plans = [
  buildPlan({ quarter: '2027-Q2', calendar: { ...buildPlan().calendar, sprints: Q2_SPRINTS } }),
  buildPlan(),
];
const calendar = programCalendar(plans);

describe('the program’s sprints across its quarter plans', () => {
  it('puts every plan’s sprints in date order', () => {
    expect(calendar).toHaveLength(12);
    expect(calendar[0]).toMatchObject({ quarter: '2027-Q1', name: 'S1', start: '2027-01-04' });
    expect(calendar[6]).toMatchObject({ quarter: '2027-Q2', name: 'S1', start: '2027-04-05' });
  });

  it('drops a sprint that overlaps one already kept', () => {
    const overlapping = buildPlan({
      quarter: '2027-Q2',
      calendar: {
        ...buildPlan().calendar,
        sprints: [{ ...Q1_SPRINTS[5]!, start: '2027-03-20', end: '2027-04-02' }],
      },
    });
    expect(programCalendar([buildPlan(), overlapping])).toHaveLength(6);
  });

  it('takes the plans’ usual sprint length, two weeks without a plan', () => {
    expect(usualSprintDays(plans)).toBe(14);
    expect(usualSprintDays([])).toBe(14);
  });
});

describe('how many sprints a stretch of work spans', () => {
  it.each([
    ['within one sprint', '2027-01-05', '2027-01-10', 1],
    ['across a sprint boundary', '2027-01-15', '2027-01-20', 2],
    ['over the whole first quarter', '2027-01-04', '2027-03-28', 6],
    ['across the gap between quarters', '2027-03-20', '2027-04-10', 2],
    ['resolved before it was due to start', '2027-02-10', '2027-01-20', 2],
    ['before the calendar, in sprints of its usual length', '2026-12-01', '2026-12-28', 2],
    ['starting before the calendar and ending in it', '2026-12-21', '2027-01-10', 2],
    ['after the calendar', '2027-07-01', '2027-07-20', 2],
  ])('%s', (_what, start, end, sprints) => {
    expect(sprintsSpanned(calendar, start, end, 14)).toBe(sprints);
  });

  it('counts in sprints of the usual length with no calendar at all, at least one', () => {
    expect(sprintsSpanned([], '2027-01-01', '2027-01-29', 14)).toBe(3);
    expect(sprintsSpanned([], '2027-01-01', '2027-01-01', 14)).toBe(1);
  });
});
