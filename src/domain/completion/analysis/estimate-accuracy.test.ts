import { buildProgram } from '../../publishing/test-builders';
import { buildBaseline, buildEstimate, buildInitiative, buildPlan, frozen } from '../test-builders';
import { originalEstimates, estimateAccuracy } from './estimate-accuracy';
import { programCalendar } from './calendar';
import { plannedVsActual } from './planned-vs-actual';
import type { ExecutionInitiative } from '../../execution/state';

const TODAY = '2027-06-01';
const teams = [
  { id: 'team-pay', name: 'Payments', jiraTeam: 'PAY', leadAccountId: null, capacityPerSprint: 10 },
  { id: 'team-id', name: 'Identity', jiraTeam: 'ID', leadAccountId: null, capacityPerSprint: 10 },
];

function accuracyOf(
  initiatives: ExecutionInitiative[],
  baselines = [frozen(buildBaseline(baselineFor(initiatives)))],
) {
  const plans = [buildPlan()];
  return estimateAccuracy({
    initiatives,
    dates: new Map(initiatives.map((i) => [i.key, plannedVsActual(i, baselines, TODAY)])),
    baselines,
    plans,
    teams: buildProgram({ teams }).teams,
    calendar: programCalendar(plans),
    sprintDays: 14,
  });
}

/** Every initiative planned at sprints 1–2, estimated 2 sprints by its team. */
function baselineFor(initiatives: ExecutionInitiative[]) {
  return {
    initiatives: initiatives.map((i) => ({ key: i.key, priority: null, carriedOver: false })),
    estimates: initiatives.map((i) =>
      buildEstimate({ initiativeKey: i.key, teamId: i.teamId ?? '', sprints: 2 }),
    ),
    schedule: initiatives.map((i) => ({ key: i.key, startSprint: 0, endSprint: 1 })),
  };
}

describe('estimate accuracy per team', () => {
  it('compares the sprints estimated with the sprints taken from start to resolution', () => {
    const [payments, identity] = accuracyOf([
      // Planned to start 2027-01-04; resolved in the fourth sprint: 4 sprints against 2.
      buildInitiative({ key: 'PAY-1', resolvedAt: '2027-02-20T00:00:00Z' }),
      // Started (Jira start date) in the second sprint, resolved in the second: 1 sprint against 2.
      buildInitiative({ key: 'PAY-2', startDate: '2027-01-19', resolvedAt: '2027-01-28T00:00:00Z' }),
      buildInitiative({
        key: 'ID-1',
        teamId: 'team-id',
        team: 'Identity',
        resolvedAt: '2027-01-30T00:00:00Z',
      }),
    ])
      .sort((a, b) => a.teamId.localeCompare(b.teamId))
      .reverse();
    expect(payments).toMatchObject({
      teamName: 'Payments',
      estimatedSprints: 4,
      actualSprints: 5,
      ratio: 1.25,
      measured: 2,
    });
    expect(identity).toMatchObject({ teamName: 'Identity', estimatedSprints: 2, actualSprints: 2, ratio: 1 });
  });

  it('leaves out what is not done, or done without dates, and says which', () => {
    const [team] = accuracyOf([
      buildInitiative({ key: 'PAY-1', status: { name: 'In Progress', category: 'indeterminate' } }),
      buildInitiative({ key: 'PAY-2' }),
    ]);
    expect(team).toMatchObject({ measured: 0, unmeasured: 2, ratio: null, estimatedSprints: 0 });
    expect(team?.rows.map((r) => r.unmeasuredReason)).toEqual(['not-done', 'no-dates']);
  });

  it('takes the estimates first agreed, else the latest plan’s', () => {
    const q1 = frozen(buildBaseline({ estimates: [buildEstimate({ sprints: 3 })] }));
    const plans = [buildPlan({ estimates: [buildEstimate({ sprints: 5 })] })];
    expect(originalEstimates('PAY-1', [q1], plans).map((e) => e.sprints)).toEqual([3]);
    expect(originalEstimates('PAY-1', [], plans).map((e) => e.sprints)).toEqual([5]);
    expect(originalEstimates('PAY-9', [q1], plans)).toEqual([]);
  });
});
