import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src/domain/graph/sample-graphs';
import { schedule, type ScheduleInput, type ScheduleInitiative } from '../src/domain/schedule';
import { buildSprints } from '../src/domain/schedule/builders';
import { median, type Emit } from './emit';

const TARGET_MS = 200;

/**
 * A quarter as large as the issue asks: 1,000 initiatives over 20 teams and 13 sprints with 3,000
 * dependencies in three waves, a few of them closing cycles, one to three teams per initiative, some pinned, some unestimated.
 */
export function generatePlan(seed = 2027): ScheduleInput {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const teams = Array.from({ length: 20 }, (_, t) => ({
    team: `Team ${t + 1}`,
    capacityPerSprint: 10 + pick(8),
  }));
  const keys = Array.from({ length: 1_000 }, (_, i) => `INIT-${i + 1}`);
  const initiatives: ScheduleInitiative[] = keys.map((key) => {
    const estimates =
      random() < 0.03
        ? []
        : Array.from({ length: 1 + pick(3) }, () => ({
            team: teams[pick(teams.length)]!.team,
            sprints: [0.5, 1, 1, 2, 2, 3, 4][pick(7)]!,
            load: 1 + pick(2),
          }));
    return {
      key,
      estimates,
      ...(random() < 0.8 ? { priority: 1 + pick(5) } : {}),
      ...(random() < 0.05 ? { pin: { startSprint: pick(13) } } : {}),
    };
  });
  // Three waves of work, each waiting only on earlier waves (so most of it can fit the quarter), with a
  // handful of links back that close cycles.
  const wave = keys.map(() => pick(3));
  const dependencies: { from: string; to: string }[] = [];
  while (dependencies.length < 3_000) {
    const previous = dependencies.at(-1);
    if (previous && dependencies.length % 1_000 === 999) {
      dependencies.push({ from: previous.to, to: previous.from });
      continue;
    }
    const a = pick(keys.length);
    const b = pick(keys.length);
    if (wave[a] === wave[b]) continue;
    dependencies.push(
      wave[a]! < wave[b]! ? { from: keys[a]!, to: keys[b]! } : { from: keys[b]!, to: keys[a]! },
    );
  }
  return { sprints: buildSprints(13), teams, initiatives, dependencies };
}

export async function run(emit: Emit): Promise<void> {
  const input = generatePlan();
  for (let i = 0; i < 10; i++) schedule(input);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    schedule(input);
    times.push(performance.now() - started);
  }
  emit({ name: 'plan.schedule.ms', value: median(times), unit: 'ms', peer: 'target', peer_value: TARGET_MS });
}
