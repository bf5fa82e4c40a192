import fc from 'fast-check';
import { schedule } from './schedule';
import { buildSprints } from './builders';
import type { QuarterSchedule, ScheduleInitiative, ScheduleInput } from './types';

const RUNS = { numRuns: 500 };
const TEAMS = ['Identity', 'Mobile', 'Payments', 'Web'];

/** Inputs a TPM could bring: some estimates missing or for unknown teams, pins anywhere, cycles possible. */
const scheduleInput: fc.Arbitrary<ScheduleInput> = fc
  .record({
    sprintCount: fc.integer({ min: 0, max: 8 }),
    teamCount: fc.integer({ min: 1, max: TEAMS.length }),
    initiativeCount: fc.integer({ min: 0, max: 24 }),
  })
  .chain(({ sprintCount, teamCount, initiativeCount }) => {
    const teamNames = TEAMS.slice(0, teamCount);
    const keys = Array.from({ length: initiativeCount }, (_, i) => `P-${i + 1}`);
    const estimate = fc.record(
      {
        team: fc.constantFrom(...teamNames, 'Unknown'),
        sprints: fc.constantFrom(0, 0.5, 1, 1, 1.5, 2, 3, 5),
        load: fc.constantFrom(0.5, 1, 2),
      },
      { requiredKeys: ['team', 'sprints'] },
    );
    const initiative = (key: string): fc.Arbitrary<ScheduleInitiative> =>
      fc
        .record(
          {
            priority: fc.integer({ min: 1, max: 3 }),
            estimates: fc.uniqueArray(estimate, { maxLength: 3, selector: (e) => e.team }),
            pin: fc.record({ startSprint: fc.integer({ min: -1, max: sprintCount + 1 }) }),
          },
          { requiredKeys: ['estimates'] },
        )
        .map((fields) => ({ key, ...fields }));
    const dependency =
      keys.length === 0
        ? fc.constant([])
        : fc.array(fc.record({ from: fc.constantFrom(...keys), to: fc.constantFrom(...keys) }), {
            maxLength: 40,
          });
    return fc.record({
      sprints: fc.constant(buildSprints(sprintCount)),
      teams: fc.tuple(
        ...teamNames.map((team) =>
          fc.record({ team: fc.constant(team), capacityPerSprint: fc.constantFrom(0, 1, 1.5, 2, 3) }),
        ),
      ),
      initiatives: keys.length === 0 ? fc.constant([]) : fc.tuple(...keys.map(initiative)),
      dependencies: dependency,
    });
  });

/** A plain check: jest's expect is too slow for the inner loops of 500 runs. */
function check(holds: boolean, message: () => string): void {
  if (!holds) throw new Error(message());
}

const placedByKey = (result: QuarterSchedule) => new Map(result.initiatives.map((i) => [i.key, i]));

/** A seeded Fisher–Yates shuffle, so a failing case replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('schedule, on any input', () => {
  it('never starts a placed dependent before its placed dependency ends', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const placed = placedByKey(schedule(input));
        for (const { from, to } of input.dependencies) {
          const dependency = placed.get(from);
          const dependent = placed.get(to);
          if (dependency && dependent)
            check(dependent.startSprint > dependency.endSprint, () => `${to} starts before ${from} ends`);
        }
      }),
      RUNS,
    );
  });

  it('places a dependent only when its dependencies are placed', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const placed = placedByKey(schedule(input));
        for (const { from, to } of input.dependencies)
          if (placed.has(to)) expect(placed.has(from)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never puts more work on a team in a sprint than its capacity', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const result = schedule(input);
        // Recomputed from the placements, not read from the reported load.
        const used = new Map(
          input.teams.map((t) => [t.team, new Array<number>(input.sprints.length).fill(0)]),
        );
        for (const initiative of result.initiatives)
          for (const part of initiative.perTeam) {
            check(
              part.startSprint >= 0 && part.endSprint < input.sprints.length,
              () => `outside the quarter`,
            );
            for (let s = part.startSprint; s <= part.endSprint; s++) used.get(part.team)![s]! += part.load;
          }
        for (const { team, capacityPerSprint } of input.teams)
          for (const load of used.get(team)!)
            check(load <= capacityPerSprint + 1e-9, () => `${team} has ${load} of ${capacityPerSprint}`);
        for (const { team, used: reported } of result.load)
          reported.forEach((load, s) =>
            check(
              Math.abs(load - used.get(team)![s]!) < 1e-6,
              () => `${team} reported ${load} in sprint ${s}`,
            ),
          );
      }),
      RUNS,
    );
  });

  it('places or explains every initiative, exactly once', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const result = schedule(input);
        const keys = [...result.initiatives.map((i) => i.key), ...result.unplaced.map((u) => u.key)];
        expect([...keys].sort()).toEqual(input.initiatives.map((i) => i.key).sort());
        for (const problem of result.unplaced) expect(problem.detail.trim()).not.toBe('');
      }),
      RUNS,
    );
  });

  it('gives every placed team its estimate in consecutive sprints', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const result = schedule(input);
        const byKey = new Map(input.initiatives.map((i) => [i.key, i]));
        for (const initiative of result.initiatives) {
          const wanted = byKey.get(initiative.key)!.estimates.filter((e) => e.sprints > 0);
          expect(initiative.perTeam).toHaveLength(wanted.length);
          for (const part of initiative.perTeam) {
            const estimate = wanted.find((e) => e.team === part.team)!;
            expect(part.endSprint - part.startSprint + 1).toBe(Math.ceil(estimate.sprints));
          }
          expect(initiative.startSprint).toBe(Math.min(...initiative.perTeam.map((p) => p.startSprint)));
          expect(initiative.endSprint).toBe(Math.max(...initiative.perTeam.map((p) => p.endSprint)));
        }
      }),
      RUNS,
    );
  });

  it('gives the same schedule for the same input, in whatever order it comes', () => {
    fc.assert(
      fc.property(scheduleInput, fc.integer(), (input, seed) => {
        const again = schedule(structuredClone(input));
        const reordered = schedule({
          ...input,
          teams: shuffled(input.teams, seed),
          initiatives: shuffled(input.initiatives, seed + 1).map((i) => ({
            ...i,
            estimates: shuffled(i.estimates, seed + 2),
          })),
          dependencies: shuffled(input.dependencies, seed + 3),
        });
        const first = schedule(input);
        expect(again).toEqual(first);
        expect(reordered).toEqual(first);
      }),
      RUNS,
    );
  });

  it('starts a pinned initiative in its pinned sprint, or reports why not', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const result = schedule(input);
        const placed = placedByKey(result);
        for (const initiative of input.initiatives) {
          if (!initiative.pin) continue;
          const where = placed.get(initiative.key);
          if (where) {
            expect(where.pinned).toBe(true);
            for (const part of where.perTeam) expect(part.startSprint).toBe(initiative.pin.startSprint);
          } else expect(result.unplaced.some((u) => u.key === initiative.key)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('reports a pin that cannot hold as a pin conflict unless something more basic blocks it', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const result = schedule(input);
        const pinnedKeys = new Set(input.initiatives.filter((i) => i.pin).map((i) => i.key));
        for (const problem of result.unplaced)
          if (pinnedKeys.has(problem.key))
            expect(['pin-conflict', 'cycle', 'dependency-unplaced', 'no-estimate', 'capacity']).toContain(
              problem.reason,
            );
      }),
      RUNS,
    );
  });
});
