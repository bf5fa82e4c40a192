import { buildChild, buildInitiative, buildPlan } from '../test-builders';
import { programCalendar } from './calendar';
import { throughput } from './throughput';

describe('throughput per sprint', () => {
  const calendar = programCalendar([buildPlan()]);

  it('counts the child issues resolved in each sprint, with their points', () => {
    const flow = throughput(
      [
        buildInitiative({
          children: [
            buildChild({ key: 'PAY-2', resolvedAt: '2027-01-05T10:00:00Z', storyPoints: 3 }),
            buildChild({ key: 'PAY-3', resolvedAt: '2027-01-17T23:00:00Z', storyPoints: 5 }),
            buildChild({ key: 'PAY-4', resolvedAt: '2027-01-18T01:00:00Z', storyPoints: null }),
          ],
        }),
        buildInitiative({
          key: 'ID-1',
          children: [buildChild({ key: 'ID-2', resolvedAt: '2027-03-28T12:00:00Z', storyPoints: 2 })],
        }),
      ],
      calendar,
    );
    expect(flow.sprints.map((s) => [s.sprint, s.resolved, s.points, s.unpointed])).toEqual([
      ['S1', 2, 8, 0],
      ['S2', 1, 0, 1],
      ['S3', 0, 0, 0],
      ['S4', 0, 0, 0],
      ['S5', 0, 0, 0],
      ['S6', 1, 2, 0],
    ]);
  });

  it('counts apart what was resolved outside every sprint and what is done without a date', () => {
    const flow = throughput(
      [
        buildInitiative({
          children: [
            buildChild({ key: 'PAY-2', resolvedAt: '2026-12-20T00:00:00Z' }),
            buildChild({ key: 'PAY-3', resolvedAt: undefined }),
            buildChild({ key: 'PAY-4', status: 'indeterminate', resolvedAt: undefined }),
          ],
        }),
      ],
      calendar,
    );
    expect(flow).toMatchObject({ outsideSprints: 1, undated: 1 });
    expect(flow.sprints.every((s) => s.resolved === 0)).toBe(true);
  });
});
