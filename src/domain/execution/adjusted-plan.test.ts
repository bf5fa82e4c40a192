import {
  STATUS,
  anExecutionState,
  anInitiative,
  type PlanSpec,
  type StateSpec,
} from '../risks/detection/builders';
import { newMilestone } from '../milestones/milestone';
import type { ExecutionChild, ExecutionState } from './state';
import {
  adjustPlan,
  baselineFromAdjusted,
  remainingWorkOf,
  sprintHolding,
  type AdjustedInitiative,
  type AdjustedPlan,
} from './adjusted-plan';

// The builders' quarter: six two-week sprints from 2027-01-04; today 2027-02-10 is in Sprint 3 (index 2).

/** `children('done:3', 'open:5', 'doing')`: status and optional story points, one child each. */
function children(...specs: string[]): ExecutionChild[] {
  return specs.map((spec, i) => {
    const [state, points] = spec.split(':');
    const status = state === 'done' ? 'done' : state === 'doing' ? 'indeterminate' : 'new';
    return {
      key: `CH-${i + 1}`,
      status,
      storyPoints: points === undefined ? null : Number(points),
      ...(status === 'done' ? { resolvedAt: '2027-01-20T10:00:00.000Z' } : {}),
    };
  });
}

function adjusted(spec: StateSpec, change: (state: ExecutionState) => void = () => {}): AdjustedPlan {
  const state = anExecutionState(spec);
  change(state);
  const plan = adjustPlan(state);
  if (!plan) throw new Error('no plan in force');
  return plan;
}

function row(plan: AdjustedPlan, key: string): AdjustedInitiative {
  const found = plan.initiatives.find((i) => i.key === key);
  if (!found) throw new Error(`${key} is not in the adjusted plan`);
  return found;
}

const withBaseline = (plan: PlanSpec): PlanSpec => ({ baseline: 'now', ...plan });

describe('the sprint a date falls in', () => {
  const sprints = [
    { start: '2027-01-04', end: '2027-01-17' },
    { start: '2027-01-20', end: '2027-02-02' },
  ];
  it.each([
    ['2027-01-01', -1],
    ['2027-01-04T10:00:00.000Z', 0],
    ['2027-01-18', 0],
    ['2027-02-02', 1],
    ['2027-02-03', 2],
  ])('%s is in sprint index %i', (date, index) => {
    expect(sprintHolding(sprints, date)).toBe(index);
  });
});

describe('what is left of an initiative', () => {
  it('counts story points when children carry them, leaving unpointed children out', () => {
    expect(remainingWorkOf(children('done:5', 'doing:3', 'open:2', 'open'))).toEqual({
      unit: 'points',
      open: 5,
      total: 10,
    });
  });

  it('counts issues when no child has points, and knows nothing without children', () => {
    expect(remainingWorkOf(children('done', 'doing', 'open'))).toEqual({ unit: 'issues', open: 2, total: 3 });
    expect(remainingWorkOf([])).toBeNull();
  });
});

describe('the adjusted plan', () => {
  it('keeps a done initiative in the sprint it was resolved in', () => {
    const plan = adjusted({
      initiatives: [
        anInitiative('PAY-1', { status: STATUS.done, resolvedAt: '2027-01-15T16:00:00.000Z' }),
        anInitiative('ID-1', { status: STATUS.done, resolvedAt: '2027-02-03T16:00:00.000Z' }),
      ],
      plan: withBaseline({ estimates: { 'PAY-1': 2, 'ID-1': 2 } }),
    });
    const early = row(plan, 'PAY-1');
    expect(early.baseline).toMatchObject({ startSprint: 0, endSprint: 1 });
    expect(early.adjusted).toMatchObject({ startSprint: 0, endSprint: 0, endDate: '2027-01-17' });
    expect(early.change).toBe('earlier');
    expect(early.endDeltaDays).toBe(-14);
    expect(early.reasons).toContain(
      'Finished in Sprint 1 (resolved 2027-01-15), one sprint earlier than the baseline.',
    );
    const late = row(plan, 'ID-1');
    expect(late.adjusted).toMatchObject({ endSprint: 2 });
    expect(late.change).toBe('later');
  });

  it('gives work under way only what is left of its estimate, from today’s sprint', () => {
    const plan = adjusted({
      initiatives: [
        anInitiative('ID-1', {
          status: STATUS.doing,
          children: children('done:3', 'done:3', 'done:3', 'open:3'),
        }),
      ],
      plan: withBaseline({ estimates: { 'ID-1': 4 } }),
    });
    const id1 = row(plan, 'ID-1');
    expect(id1.baseline).toMatchObject({ startSprint: 0, endSprint: 3 });
    // A quarter of the points is open: one of the four sprints remains, today's.
    expect(id1.remainingSprints).toBe(1);
    expect(id1.adjusted).toMatchObject({ startSprint: 0, endSprint: 2 });
    expect(id1.change).toBe('earlier');
    expect(id1.reasons).toContain('3 of 12 story points are still open: about one sprint of work.');
  });

  it('needs at least one sprint for work under way whose children are all done', () => {
    const plan = adjusted({
      initiatives: [anInitiative('ID-1', { status: STATUS.doing, children: children('done', 'done') })],
      plan: withBaseline({ estimates: { 'ID-1': 3 } }),
    });
    expect(row(plan, 'ID-1').remainingSprints).toBe(1);
    expect(row(plan, 'ID-1').adjusted).toMatchObject({ endSprint: 2 });
  });

  it('starts work that has not started no earlier than today’s sprint', () => {
    const plan = adjusted({
      initiatives: [anInitiative('MOB-1')],
      plan: withBaseline({ estimates: { 'MOB-1': 2 } }),
    });
    const mob1 = row(plan, 'MOB-1');
    expect(mob1.baseline).toMatchObject({ startSprint: 0, endSprint: 1 });
    expect(mob1.adjusted).toMatchObject({ startSprint: 2, endSprint: 3 });
    expect(mob1.change).toBe('later');
    expect(mob1.endDeltaSprints).toBe(2);
    expect(mob1.reasons).toContain(
      'Has not started, though the baseline started it in Sprint 1: the earliest it can start is Sprint 3.',
    );
  });

  it('drops a pin in the past with a note and keeps a pin still ahead', () => {
    const plan = adjusted({
      initiatives: [anInitiative('MOB-1'), anInitiative('MOB-2')],
      plan: withBaseline({ estimates: { 'MOB-1': 1, 'MOB-2': 1 }, pins: { 'MOB-1': 1, 'MOB-2': 4 } }),
    });
    expect(plan.notes).toContain(
      'MOB-1 was pinned to start in Sprint 2, which is past: the pin is not applied.',
    );
    expect(row(plan, 'MOB-1').adjusted).toMatchObject({ startSprint: 2 });
    expect(row(plan, 'MOB-1').reasons).toContain('Its pin to Sprint 2 no longer applies.');
    expect(row(plan, 'MOB-2').adjusted).toMatchObject({ startSprint: 4, endSprint: 4 });
    expect(row(plan, 'MOB-2').change).toBe('unchanged');
  });

  it('moves a dependent after its dependency when the dependency now ends later, and says why', () => {
    const plan = adjusted({
      initiatives: [
        // The team set a later target date in Jira: Sprint 4.
        anInitiative('ID-4', {
          status: STATUS.doing,
          targetDate: '2027-02-20',
          children: children('done:2', 'open:2'),
        }),
        anInitiative('PAY-12'),
      ],
      edges: [['ID-4', 'PAY-12']],
      plan: withBaseline({ estimates: { 'ID-4': 2, 'PAY-12': 1 } }),
    });
    const upstream = row(plan, 'ID-4');
    const dependent = row(plan, 'PAY-12');
    expect(dependent.baseline).toMatchObject({ startSprint: 2, endSprint: 2 });
    expect(upstream.adjusted).toMatchObject({ startSprint: 0, endSprint: 3 });
    expect(dependent.adjusted!.startSprint).toBeGreaterThan(upstream.adjusted!.endSprint);
    expect(dependent.change).toBe('later');
    expect(dependent.reasons).toContain(
      'Starts two sprints later because ID-4 now ends in Sprint 4 (baseline: Sprint 2).',
    );
    expect(upstream.reasons).toContain(
      'Its target date in Jira, 2027-02-20, is in Sprint 4: the team expects to finish then.',
    );
  });

  it('lets a dependent start once its dependency is done, but not before today’s sprint', () => {
    const plan = adjusted({
      initiatives: [
        anInitiative('ID-4', { status: STATUS.done, resolvedAt: '2027-01-12T10:00:00.000Z' }),
        anInitiative('PAY-12'),
      ],
      edges: [['ID-4', 'PAY-12']],
      plan: withBaseline({ estimates: { 'ID-4': 3, 'PAY-12': 1 } }),
    });
    expect(row(plan, 'PAY-12').baseline).toMatchObject({ startSprint: 3 });
    expect(row(plan, 'PAY-12').adjusted).toMatchObject({ startSprint: 2, endSprint: 2 });
    expect(row(plan, 'PAY-12').change).toBe('earlier');
  });

  it('respects each team’s capacity as the scheduler does, and says which team has no room', () => {
    const plan = adjusted({
      initiatives: [anInitiative('PAY-1'), anInitiative('PAY-2')],
      plan: withBaseline({ estimates: { 'PAY-1': 2, 'PAY-2': 2 }, capacity: { 'team-pay': 1 } }),
    });
    const [first, second] = [row(plan, 'PAY-1'), row(plan, 'PAY-2')];
    expect(second.adjusted!.startSprint).toBeGreaterThan(first.adjusted!.endSprint);
    expect(second.reasons).toContain('Team Payments has no room for it before Sprint 5.');
    const pay = plan.load.find((l) => l.team === 'team-pay')!;
    expect(pay.used).toEqual([0, 0, 1, 1, 1, 1]);
  });

  it('gives work under way the team’s capacity before work not started, whatever its priority', () => {
    const plan = adjusted(
      {
        initiatives: [
          anInitiative('PAY-1'),
          anInitiative('PAY-2', { status: STATUS.doing, children: children('done', 'open') }),
        ],
        plan: withBaseline({ estimates: { 'PAY-1': 1, 'PAY-2': 2 }, capacity: { 'team-pay': 1 } }),
      },
      (state) => {
        state.current!.plan.initiatives = [
          { key: 'PAY-1', priority: 1, carriedOver: false },
          { key: 'PAY-2', priority: null, carriedOver: false },
        ];
      },
    );
    expect(row(plan, 'PAY-2').adjusted).toMatchObject({ endSprint: 2 });
    expect(row(plan, 'PAY-1').adjusted).toMatchObject({ startSprint: 3 });
  });

  it('lists what can no longer finish inside the quarter, and what waits for it', () => {
    const plan = adjusted({
      initiatives: [
        anInitiative('ID-1', { status: STATUS.doing, targetDate: '2027-04-15', children: children('open') }),
        anInitiative('MOB-3'),
      ],
      edges: [['ID-1', 'MOB-3']],
      plan: withBaseline({ estimates: { 'ID-1': 2, 'MOB-3': 1 } }),
    });
    expect(plan.cannotFinish.map((c) => [c.key, c.reason, c.placedInBaseline])).toEqual([
      ['ID-1', 'beyond-quarter', true],
      ['MOB-3', 'dependency-unplaced', true],
    ]);
    expect(row(plan, 'ID-1').change).toBe('now-unplaced');
    expect(row(plan, 'ID-1').reasons).toContain(
      'Its target date in Jira, 2027-04-15, is after the quarter’s last sprint.',
    );
    expect(row(plan, 'MOB-3').reasons).toContain(
      'MOB-3 waits for ID-1, which cannot finish in the quarter either.',
    );
  });

  it('forecasts each milestone from the latest adjusted end of its initiatives of the quarter', () => {
    const plan = adjusted(
      {
        initiatives: [
          anInitiative('ID-4', { status: STATUS.doing, children: children('done', 'open', 'open') }),
          anInitiative('PAY-12'),
          anInitiative('MOB-1'),
        ],
        edges: [['ID-4', 'PAY-12']],
        plan: withBaseline({ estimates: { 'ID-4': 2, 'PAY-12': 1, 'MOB-1': 1 } }),
      },
      (state) => {
        state.milestones = [
          newMilestone(
            'ms-beta',
            { name: 'Beta', targetDate: '2027-02-28', initiativeKeys: ['PAY-12', 'ID-4', 'OUT-9'] },
            'planned',
          ),
          newMilestone(
            'ms-mobile',
            { name: 'Mobile', targetDate: '2027-03-28', initiativeKeys: ['MOB-1'] },
            'planned',
          ),
          newMilestone(
            'ms-later',
            { name: 'Later', targetDate: '2027-09-30', initiativeKeys: ['OUT-9'] },
            'planned',
          ),
        ];
      },
    );
    expect(plan.milestones.map((m) => m.id)).toEqual(['ms-beta', 'ms-mobile']);
    const beta = plan.milestones[0]!;
    expect(beta.initiativeKeys).toEqual(['ID-4', 'PAY-12']);
    expect(beta.outsideQuarter).toEqual(['OUT-9']);
    // Baseline: PAY-12 in Sprint 3 (ends 2027-02-14). Now ID-4 needs two more sprints, PAY-12 follows in Sprint 5.
    expect(beta.baselineForecast).toBe('2027-02-14');
    expect(beta.forecast).toBe('2027-03-14');
    expect(beta.drivenBy).toBe('PAY-12');
    expect(beta.slipDays).toBe(14);
    expect(beta.varianceDays).toBe(28);
    expect(beta.outlook).toBe('late');
    expect(plan.milestones[1]).toMatchObject({ outlook: 'on-time', forecast: '2027-02-14', slipDays: -42 });
  });

  it('says a milestone cannot finish when one of its initiatives cannot', () => {
    const plan = adjusted(
      {
        initiatives: [anInitiative('MOB-1')],
        plan: withBaseline({ estimates: { 'MOB-1': 5 } }),
      },
      (state) => {
        state.milestones = [
          newMilestone(
            'ms',
            { name: 'Mobile', targetDate: '2027-03-28', initiativeKeys: ['MOB-1'] },
            'planned',
          ),
        ];
      },
    );
    expect(plan.milestones[0]).toMatchObject({
      outlook: 'cannot-finish',
      forecast: null,
      unplacedKeys: ['MOB-1'],
    });
  });

  it('says when an estimate changed since the baseline', () => {
    const plan = adjusted(
      { initiatives: [anInitiative('MOB-1')], plan: withBaseline({ estimates: { 'MOB-1': 1 } }) },
      (state) => {
        state.today = '2027-01-05';
        state.current!.currentSprint = 0;
        state.current!.plan.estimates = state.current!.plan.estimates.map((e) => ({ ...e, sprints: 3 }));
      },
    );
    expect(row(plan, 'MOB-1').change).toBe('later');
    expect(row(plan, 'MOB-1').reasons).toContain(
      'Mobile’s estimate changed from one sprint to three sprints since the baseline.',
    );
  });

  it('takes an initiative that left the scope as not started, and says so', () => {
    const plan = adjusted({
      initiatives: [anInitiative('MOB-1')],
      plan: withBaseline({ chosen: ['MOB-1', 'MOB-7'], estimates: { 'MOB-1': 1, 'MOB-7': 1 } }),
    });
    const gone = row(plan, 'MOB-7');
    expect(gone.visible).toBe(false);
    expect(gone.work).toBe('not-started');
    expect(gone.reasons[0]).toMatch(/^MOB-7 is not in the program’s scope any more/);
  });

  it('leaves an initiative where the baseline put it without reasons', () => {
    const plan = adjusted({
      initiatives: [
        anInitiative('MOB-1'),
        anInitiative('MOB-2', { status: STATUS.doing, children: children('done', 'open') }),
      ],
      edges: [['MOB-2', 'MOB-1']],
      plan: withBaseline({ estimates: { 'MOB-2': 4, 'MOB-1': 1 } }),
    });
    expect(row(plan, 'MOB-2').change).toBe('unchanged');
    expect(row(plan, 'MOB-1').change).toBe('unchanged');
    expect(row(plan, 'MOB-1').reasons).toEqual([]);
  });

  it('has no plan without a plan in force, and no variance without a baseline', () => {
    expect(adjustPlan(anExecutionState({ initiatives: [anInitiative('MOB-1')] }))).toBeNull();
    const plan = adjusted({ initiatives: [anInitiative('MOB-1')], plan: { estimates: { 'MOB-1': 1 } } });
    expect(plan.baseline).toBeNull();
    expect(row(plan, 'MOB-1')).toMatchObject({ change: null, baseline: null, endDeltaSprints: null });
    expect(row(plan, 'MOB-1').adjusted).toMatchObject({ startSprint: 2 });
  });

  it('has a fingerprint that changes only when a window does', () => {
    const spec: StateSpec = {
      initiatives: [anInitiative('MOB-1'), anInitiative('PAY-1')],
      plan: withBaseline({ estimates: { 'MOB-1': 1, 'PAY-1': 1 } }),
    };
    const once = adjusted(spec);
    expect(adjusted(spec).fingerprint).toBe(once.fingerprint);
    const moved = adjusted(spec, (state) => {
      state.current!.plan.estimates = state.current!.plan.estimates.map((e) => ({ ...e, sprints: 2 }));
    });
    expect(moved.fingerprint).not.toBe(once.fingerprint);
  });

  it('freezes the adjusted windows when accepted as the plan of record', () => {
    const state = anExecutionState({
      initiatives: [anInitiative('MOB-1')],
      plan: withBaseline({ estimates: { 'MOB-1': 2 } }),
    });
    const plan = adjustPlan(state)!;
    const baseline = baselineFromAdjusted(state.current!.plan, plan, {
      id: 'b2',
      at: '2027-02-10T09:00:00.000Z',
      by: 'tpm',
      note: 'Accepted adjusted plan',
    });
    expect(baseline.schedule).toEqual([{ key: 'MOB-1', startSprint: 2, endSprint: 3 }]);
    expect(baseline).toMatchObject({ quarter: '2027-Q1', note: 'Accepted adjusted plan', frozenBy: 'tpm' });
    // Read against the accepted baseline, nothing has moved.
    state.current!.baseline = baseline;
    expect(row(adjustPlan(state)!, 'MOB-1')).toMatchObject({ change: 'unchanged', reasons: [] });
  });
});
