import fc from 'fast-check';
import { SPRINTS, STATUS, anExecutionState, anInitiative } from '../risks/detection/builders';
import type { ExecutionChild, ExecutionInitiative } from './state';
import { adjustPlan } from './adjusted-plan';

const KEYS = ['PAY-1', 'PAY-2', 'PAY-3', 'ID-1', 'ID-2', 'ID-3', 'MOB-1', 'MOB-2', 'MOB-3'];

/** A random quarter in execution: statuses, children, estimates, capacity, acyclic dependencies, today. */
const scenario = fc.record({
  work: fc.array(
    fc.record({
      state: fc.constantFrom('todo', 'doing', 'done'),
      children: fc.array(
        fc.record({ done: fc.boolean(), points: fc.option(fc.integer({ min: 1, max: 8 })) }),
        {
          maxLength: 5,
        },
      ),
      resolvedIn: fc.integer({ min: 0, max: 5 }),
      targetIn: fc.option(fc.integer({ min: 0, max: 7 })),
      sprints: fc.option(fc.integer({ min: 1, max: 4 })),
      load: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: KEYS.length, maxLength: KEYS.length },
  ),
  // i → j only when i < j: no cycles.
  edges: fc.uniqueArray(
    fc
      .tuple(fc.integer({ min: 0, max: KEYS.length - 1 }), fc.integer({ min: 0, max: KEYS.length - 1 }))
      .filter(([a, b]) => a < b),
    { maxLength: 10, selector: ([a, b]) => `${a}>${b}` },
  ),
  capacity: fc.integer({ min: 1, max: 4 }),
  today: fc.integer({ min: 0, max: 90 }),
});

const dayOf = (offset: number) => new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);

describe('the adjusted plan of any quarter in execution', () => {
  it('keeps done work in the past, starts open work no earlier than today, honours dependencies and capacity', () => {
    fc.assert(
      fc.property(scenario, ({ work, edges, capacity, today }) => {
        const initiatives: ExecutionInitiative[] = KEYS.map((key, i) => {
          const w = work[i]!;
          const children: ExecutionChild[] = w.children.map((c, n) => ({
            key: `${key}-C${n}`,
            status: w.state === 'done' || c.done ? 'done' : 'new',
            storyPoints: c.points,
          }));
          return anInitiative(key, {
            status: STATUS[w.state],
            children,
            ...(w.state === 'done' ? { resolvedAt: `${SPRINTS[w.resolvedIn]!.end}T12:00:00.000Z` } : {}),
            ...(w.targetIn !== null ? { targetDate: SPRINTS[w.targetIn]?.end ?? '2027-05-01' } : {}),
          });
        });
        const estimates = Object.fromEntries(
          KEYS.flatMap((key, i) => {
            const w = work[i]!;
            return w.sprints === null ? [] : [[key, { sprints: w.sprints, load: w.load }]];
          }),
        );
        const state = anExecutionState({
          today: dayOf(today),
          initiatives,
          edges: edges.map(([a, b]) => [KEYS[a]!, KEYS[b]!] as [string, string]),
          plan: {
            estimates,
            baseline: 'now',
            capacity: { 'team-pay': capacity, 'team-id': capacity, 'team-mob': capacity },
          },
        });
        state.current!.currentSprint = SPRINTS.findIndex((s) => s.end >= dayOf(today));
        if (state.current!.currentSprint < 0) state.current!.currentSprint = SPRINTS.length;
        const plan = adjustPlan(state)!;
        const current = plan.currentSprint;
        const byKey = new Map(plan.initiatives.map((i) => [i.key, i]));

        for (const row of plan.initiatives) {
          if (row.work === 'done') {
            expect(row.adjusted).not.toBeNull();
            expect(row.adjusted!.endSprint).toBeLessThanOrEqual(Math.max(0, current));
            continue;
          }
          if (row.adjusted === null) {
            expect(plan.cannotFinish.map((c) => c.key)).toContain(row.key);
            continue;
          }
          expect(row.adjusted.endSprint).toBeGreaterThanOrEqual(current);
          expect(row.adjusted.endSprint).toBeLessThan(SPRINTS.length);
          if (row.work === 'not-started') expect(row.adjusted.startSprint).toBeGreaterThanOrEqual(current);
        }

        for (const [a, b] of edges) {
          const from = byKey.get(KEYS[a]!)!;
          const to = byKey.get(KEYS[b]!)!;
          if (from.work === 'done' || to.work === 'done' || !to.adjusted) continue;
          // What waits for open work is placed only after that work ends.
          expect(from.adjusted).not.toBeNull();
          expect(to.adjusted.endSprint).toBeGreaterThan(from.adjusted!.endSprint);
          if (to.work === 'not-started')
            expect(to.adjusted.startSprint).toBeGreaterThan(from.adjusted!.endSprint);
        }

        for (const team of plan.load) {
          expect(team.used).toHaveLength(SPRINTS.length);
          team.used.forEach((used, sprint) => {
            expect(used).toBeLessThanOrEqual(capacity);
            if (sprint < current) expect(used).toBe(0);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
