import { buildDependencies, buildInitiative, buildScheduleInput } from './builders';
import { schedule, type QuarterSchedule, type UnplacedReason } from './index';

const placed = (result: QuarterSchedule, key: string) => {
  const found = result.initiatives.find((i) => i.key === key);
  if (!found) throw new Error(`${key} is not placed: ${JSON.stringify(result.unplaced)}`);
  return found;
};
const unplaced = (result: QuarterSchedule, key: string) => result.unplaced.find((u) => u.key === key);

describe('schedule', () => {
  it('schedules a dependent after its dependency even across teams', () => {
    const result = schedule(
      buildScheduleInput({
        initiatives: [buildInitiative('ID-4', { Identity: 1 }), buildInitiative('PAY-1', { Payments: 2 })],
        dependencies: buildDependencies('PAY-1 -> ID-4'),
      }),
    );
    expect(placed(result, 'ID-4').startSprint).toBeGreaterThan(placed(result, 'PAY-1').endSprint);
  });

  it('waits for the latest of several dependencies', () => {
    const result = schedule(
      buildScheduleInput({
        initiatives: [
          buildInitiative('PAY-1', { Payments: 3 }),
          buildInitiative('ID-1', { Identity: 1 }),
          buildInitiative('WEB-1', { Identity: 1 }),
        ],
        dependencies: buildDependencies('PAY-1 -> WEB-1', 'ID-1 -> WEB-1'),
      }),
    );
    expect(placed(result, 'WEB-1').startSprint).toBe(placed(result, 'PAY-1').endSprint + 1);
  });

  it("runs an initiative's teams in parallel and ends it when the last team finishes", () => {
    const result = schedule(
      buildScheduleInput({ initiatives: [buildInitiative('PAY-1', { Payments: 3, Identity: 1 })] }),
    );
    const initiative = placed(result, 'PAY-1');
    expect(initiative.perTeam.map((p) => [p.team, p.startSprint, p.endSprint])).toEqual([
      ['Identity', 0, 0],
      ['Payments', 0, 2],
    ]);
    expect([initiative.startSprint, initiative.endSprint]).toEqual([0, 2]);
  });

  it('occupies a whole sprint for half a sprint of work', () => {
    const result = schedule(
      buildScheduleInput({ initiatives: [buildInitiative('PAY-1', { Payments: 0.5 })] }),
    );
    expect(placed(result, 'PAY-1').endSprint).toBe(placed(result, 'PAY-1').startSprint);
  });

  it('never puts more load on a team in a sprint than its capacity', () => {
    const result = schedule(
      buildScheduleInput({
        teams: [{ team: 'Payments', capacityPerSprint: 3 }],
        initiatives: [
          buildInitiative('PAY-1', { Payments: { sprints: 2, load: 2 } }),
          buildInitiative('PAY-2', { Payments: { sprints: 2, load: 2 } }),
          buildInitiative('PAY-3', { Payments: { sprints: 1, load: 1 } }),
        ],
      }),
    );
    expect(placed(result, 'PAY-2').startSprint).toBeGreaterThan(placed(result, 'PAY-1').endSprint);
    expect(placed(result, 'PAY-3').startSprint).toBe(0);
    expect(result.load[0]!.used.every((u) => u <= 3)).toBe(true);
  });

  it.each<[string, 'tiebreak' | 'first' | 'ignore', string]>([
    ['priority before critical path by default', 'tiebreak', 'PAY-2'],
    ['critical path before priority when asked', 'first', 'PAY-1'],
    ['priority and then key when the critical path is ignored', 'ignore', 'PAY-2'],
  ])('gives the only free sprint by %s', (_, criticalPath, first) => {
    const result = schedule(
      buildScheduleInput({
        initiatives: [
          buildInitiative('PAY-1', { Payments: 1 }, { priority: 2 }),
          buildInitiative('PAY-2', { Payments: 1 }, { priority: 1 }),
          buildInitiative('PAY-9', { Identity: 4 }, { priority: 3 }),
        ],
        dependencies: buildDependencies('PAY-1 -> PAY-9'),
        options: { criticalPath },
      }),
    );
    expect(placed(result, first).startSprint).toBe(0);
  });

  it('prefers the longer remaining chain when priorities tie, then the smaller key', () => {
    const result = schedule(
      buildScheduleInput({
        teams: [
          { team: 'Payments', capacityPerSprint: 1 },
          { team: 'Identity', capacityPerSprint: 5 },
        ],
        initiatives: [
          buildInitiative('PAY-1', { Payments: 1 }),
          buildInitiative('PAY-2', { Payments: 1 }),
          buildInitiative('PAY-3', { Payments: 1 }),
          buildInitiative('ID-1', { Identity: 3 }),
        ],
        dependencies: buildDependencies('PAY-3 -> ID-1'),
      }),
    );
    expect(placed(result, 'PAY-3').startSprint).toBeLessThan(placed(result, 'PAY-1').startSprint);
    expect(placed(result, 'PAY-1').startSprint).toBeLessThan(placed(result, 'PAY-2').startSprint);
  });

  it('places initiatives without a priority after those with one', () => {
    const result = schedule(
      buildScheduleInput({
        initiatives: [
          buildInitiative('PAY-1', { Payments: 1 }),
          buildInitiative('PAY-2', { Payments: 1 }, { priority: 5 }),
        ],
      }),
    );
    expect(placed(result, 'PAY-2').startSprint).toBeLessThan(placed(result, 'PAY-1').startSprint);
  });

  it('explains an initiative that does not fit the quarter by naming the team at capacity', () => {
    const result = schedule(
      buildScheduleInput({
        sprintCount: 3,
        initiatives: [
          buildInitiative('PAY-1', { Payments: 2 }, { priority: 1 }),
          buildInitiative('PAY-2', { Payments: 2 }, { priority: 2 }),
        ],
      }),
    );
    const problem = unplaced(result, 'PAY-2');
    expect(problem?.reason).toBe('capacity');
    expect(problem?.blockedBy.team).toBe('Payments');
    expect(problem?.detail).toMatch(/team Payments is at capacity in Sprint \d/);
  });

  it.each<[string, Parameters<typeof buildScheduleInput>[0], string, UnplacedReason, RegExp]>([
    [
      'no estimate from any team',
      { initiatives: [buildInitiative('PAY-1', { Payments: 0 })] },
      'PAY-1',
      'no-estimate',
      /no estimate/,
    ],
    [
      'a dependency cycle, with its path',
      {
        initiatives: [buildInitiative('PAY-1', { Payments: 1 }), buildInitiative('ID-4', { Identity: 1 })],
        dependencies: buildDependencies('PAY-1 -> ID-4 -> PAY-1'),
      },
      'PAY-1',
      'cycle',
      /ID-4 → PAY-1 → ID-4/,
    ],
    [
      'waiting on an initiative in a cycle',
      {
        initiatives: [
          buildInitiative('PAY-1', { Payments: 1 }),
          buildInitiative('ID-4', { Identity: 1 }),
          buildInitiative('WEB-1', { Identity: 1 }),
        ],
        dependencies: buildDependencies('PAY-1 -> ID-4 -> PAY-1', 'ID-4 -> WEB-1'),
      },
      'WEB-1',
      'dependency-unplaced',
      /waits for ID-4.*cycle: ID-4 → PAY-1 → ID-4/,
    ],
    [
      'a dependency that ends too late for the work to fit',
      {
        sprintCount: 4,
        initiatives: [buildInitiative('PAY-1', { Payments: 3 }), buildInitiative('ID-4', { Identity: 2 })],
        dependencies: buildDependencies('PAY-1 -> ID-4'),
      },
      'ID-4',
      'beyond-quarter',
      /after PAY-1 ends in Sprint 3.*team Identity needs 2 sprints/,
    ],
    [
      'work longer than the quarter',
      { sprintCount: 2, initiatives: [buildInitiative('PAY-1', { Payments: 3 })] },
      'PAY-1',
      'beyond-quarter',
      /3 sprints of team Payments, more than the quarter's 2 sprints/,
    ],
    [
      'a load above the team capacity',
      { initiatives: [buildInitiative('PAY-1', { Payments: { sprints: 1, load: 2 } })] },
      'PAY-1',
      'capacity',
      /needs 2 of team Payments's capacity per sprint, more than its 1/,
    ],
    [
      'a team that is not in the plan',
      { initiatives: [buildInitiative('PAY-1', { Mobile: 1 })] },
      'PAY-1',
      'capacity',
      /team Mobile, which has no capacity/,
    ],
    [
      'a pin before its dependency ends',
      {
        initiatives: [
          buildInitiative('PAY-1', { Payments: 2 }),
          buildInitiative('ID-4', { Identity: 1 }, { pin: { startSprint: 1 } }),
        ],
        dependencies: buildDependencies('PAY-1 -> ID-4'),
      },
      'ID-4',
      'pin-conflict',
      /pinned to start in Sprint 2, but its dependency PAY-1 ends in Sprint 2/,
    ],
    [
      'a pin where the team is full with another pin',
      {
        initiatives: [
          buildInitiative('PAY-1', { Payments: 2 }, { pin: { startSprint: 0 }, priority: 1 }),
          buildInitiative('PAY-2', { Payments: 1 }, { pin: { startSprint: 1 }, priority: 2 }),
        ],
      },
      'PAY-2',
      'pin-conflict',
      /team Payments has no room in Sprint 2/,
    ],
    [
      'a pin outside the quarter',
      {
        sprintCount: 3,
        initiatives: [buildInitiative('PAY-1', { Payments: 1 }, { pin: { startSprint: 5 } })],
      },
      'PAY-1',
      'pin-conflict',
      /the quarter has 3 sprints/,
    ],
  ])('reports an initiative unplaced for %s', (_, input, key, reason, detail) => {
    const result = schedule(buildScheduleInput(input));
    const problem = unplaced(result, key);
    expect(problem?.reason).toBe(reason);
    expect(problem?.detail).toMatch(detail);
  });

  it('keeps a pin even when higher-priority work wants the same sprint', () => {
    const result = schedule(
      buildScheduleInput({
        initiatives: [
          buildInitiative('PAY-1', { Payments: 1 }, { priority: 1 }),
          buildInitiative('PAY-2', { Payments: 1 }, { priority: 9, pin: { startSprint: 0 } }),
        ],
      }),
    );
    expect(placed(result, 'PAY-2')).toMatchObject({ startSprint: 0, pinned: true });
    expect(placed(result, 'PAY-1').startSprint).toBe(1);
  });

  it('frees the sprints of a pin that conflicts, for other work', () => {
    const result = schedule(
      buildScheduleInput({
        sprintCount: 2,
        initiatives: [
          buildInitiative('ID-1', { Identity: 2 }),
          buildInitiative('PAY-1', { Payments: 2 }, { pin: { startSprint: 0 } }),
          buildInitiative('PAY-2', { Payments: 2 }),
        ],
        dependencies: buildDependencies('ID-1 -> PAY-1'),
      }),
    );
    expect(unplaced(result, 'PAY-1')?.reason).toBe('pin-conflict');
    expect(placed(result, 'PAY-2').startSprint).toBe(0);
  });

  it('ignores a dependency on an initiative outside the quarter and warns about it', () => {
    const result = schedule(
      buildScheduleInput({
        initiatives: [buildInitiative('PAY-1', { Payments: 1 })],
        dependencies: buildDependencies('OLD-1 -> PAY-1'),
      }),
    );
    expect(placed(result, 'PAY-1').startSprint).toBe(0);
    expect(result.warnings.map((w) => w.kind)).toEqual(['unknown-dependency']);
  });

  it('reports the load of every team in every sprint', () => {
    const result = schedule(
      buildScheduleInput({
        sprintCount: 3,
        initiatives: [buildInitiative('PAY-1', { Payments: { sprints: 2, load: 0.5 } })],
      }),
    );
    expect(result.load.find((l) => l.team === 'Payments')?.used).toEqual([0.5, 0.5, 0]);
  });
});
