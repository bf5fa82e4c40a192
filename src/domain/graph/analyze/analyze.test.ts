import { buildSample, randomGraph } from '../sample-graphs';
import { analyzeDependencies } from './analyze';

describe('analysing a program’s dependencies', () => {
  it('finds the planted cycles, places everything else and runs the critical path off the cycles', () => {
    const sample = randomGraph({ nodes: 10_000, edges: 50_000, seed: 42, cycles: 5 });
    const { cycles, generations, criticalPath } = analyzeDependencies(buildSample(sample), {
      estimateOf: () => 3,
    });
    expect(cycles.length).toBeGreaterThan(0);
    const onCycle = new Set(cycles.flatMap((cycle) => cycle.members));
    expect(new Set(generations.inCycle)).toEqual(onCycle);
    expect(new Set(criticalPath.excluded)).toEqual(onCycle);
    const placed = generations.generations.reduce((n, keys) => n + keys.length, 0);
    expect(placed + generations.inCycle.length).toBe(10_000);
    for (const key of criticalPath.path) expect(onCycle.has(key)).toBe(false);
  });
});
