import { planInForce, sprintIndexOn } from './state';

const sprint = (start: string, end: string) => ({ start, end });
const SPRINTS = [
  sprint('2027-01-04', '2027-01-17'),
  sprint('2027-01-18', '2027-01-31'),
  sprint('2027-02-08', '2027-02-21'),
];

describe("today's sprint", () => {
  it.each([
    ['2027-01-01', -1],
    ['2027-01-04', 0],
    ['2027-01-17', 0],
    ['2027-01-20', 1],
    ['2027-02-03', 2],
    ['2027-03-01', 3],
  ])('on %s is %i', (today, index) => {
    expect(sprintIndexOn(SPRINTS, today)).toBe(index);
  });

  it('is -1 for a calendar with no sprints', () => {
    expect(sprintIndexOn([], '2027-01-10')).toBe(-1);
  });
});

describe('the plan in force', () => {
  const plan = (quarter: string, sprints: { start: string; end: string }[]) => ({
    quarter,
    calendar: { sprints },
  });
  const q1 = plan('2027-Q1', SPRINTS);
  const q2 = plan('2027-Q2', [sprint('2027-04-05', '2027-04-18'), sprint('2027-04-19', '2027-05-02')]);

  it('is the plan whose sprints span today', () => {
    expect(planInForce([q2, q1], '2027-01-20')).toBe(q1);
    expect(planInForce([q1, q2], '2027-04-20')).toBe(q2);
  });

  it('is the latest started plan between quarters, and none before the first', () => {
    expect(planInForce([q1, q2], '2027-03-20')).toBe(q1);
    expect(planInForce([q1, q2], '2027-06-01')).toBe(q2);
    expect(planInForce([q1, q2], '2026-12-01')).toBeNull();
  });
});
