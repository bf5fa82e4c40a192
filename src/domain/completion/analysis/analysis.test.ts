import { buildProgram } from '../../publishing/test-builders';
import { buildBaseline, buildChild, buildInitiative, buildPlan, frozen } from '../test-builders';
import { analyzeCompletion } from './analysis';

const program = buildProgram({
  teams: [{ id: 'team-pay', name: 'Payments', jiraTeam: 'PAY', leadAccountId: null, capacityPerSprint: 10 }],
});

describe('the analysis of the program', () => {
  it('puts planned against actual dates, scope change, accuracy and throughput together', () => {
    const analysis = analyzeCompletion(
      {
        today: '2027-04-01',
        program,
        plans: [buildPlan()],
        initiatives: [
          buildInitiative({
            resolvedAt: '2027-02-03T00:00:00Z',
            children: [buildChild({ resolvedAt: '2027-01-12T00:00:00Z' })],
          }),
        ],
      },
      [frozen(buildBaseline())],
    );
    expect(analysis.asOf).toBe('2027-04-01');
    expect(analysis.initiatives[0]).toMatchObject({ key: 'PAY-1', outcome: 'late', slipDays: 3 });
    expect(analysis.outcomes.late).toBe(1);
    expect(analysis.scopeChange[0]).toMatchObject({ quarter: '2027-Q1', added: [], removed: [] });
    expect(analysis.estimateAccuracy[0]).toMatchObject({
      teamName: 'Payments',
      estimatedSprints: 2,
      actualSprints: 3,
    });
    expect(analysis.throughput.sprints[0]).toMatchObject({ sprint: 'S1', resolved: 1, points: 3 });
    expect(analysis.gaps).toEqual([]);
  });

  it('says what cannot be measured: no plan, no baseline, no resolution dates', () => {
    const withoutPlan = analyzeCompletion(
      {
        today: '2027-04-01',
        program,
        plans: [],
        initiatives: [buildInitiative({ children: [buildChild({ resolvedAt: undefined })] })],
      },
      [],
    );
    expect(withoutPlan.gaps).toEqual([
      expect.stringMatching(/no quarter plan/),
      expect.stringMatching(/1 done initiative\(s\) have no resolution date/),
      expect.stringMatching(/1 done issue\(s\) have no resolution date/),
    ]);
    const unfrozen = analyzeCompletion(
      {
        today: '2027-04-01',
        program,
        plans: [buildPlan()],
        initiatives: [buildInitiative({ resolvedAt: '2027-02-01T00:00:00Z' })],
      },
      [{ quarter: '2027-Q1', first: null, latest: null }],
    );
    expect(unfrozen.gaps).toEqual([
      expect.stringMatching(/2027-Q1 was never baselined/),
      expect.stringMatching(/1 initiative\(s\) are in no baseline and have no target date/),
    ]);
    expect(unfrozen.scopeChange[0]?.baseline).toBeNull();
  });
});
