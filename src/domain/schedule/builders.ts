import type {
  ScheduleDependency,
  ScheduleInitiative,
  ScheduleInput,
  ScheduleSprint,
  TeamCapacity,
  TeamEstimate,
} from './types';

/** Test-data builders for the scheduler; dates are illustrative, the scheduler works on indexes. */
export function buildSprints(count: number): ScheduleSprint[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `S${i + 1}`,
    name: `Sprint ${i + 1}`,
    start: `2027-01-${String(1 + i).padStart(2, '0')}`,
    end: `2027-01-${String(1 + i).padStart(2, '0')}`,
  }));
}

/** `buildInitiative('PAY-1', { Payments: 2 })`, or with `{ Payments: { sprints: 2, load: 3 } }`. */
export function buildInitiative(
  key: string,
  estimates: Record<string, number | Omit<TeamEstimate, 'team'>> = {},
  extra: Partial<Omit<ScheduleInitiative, 'key' | 'estimates'>> = {},
): ScheduleInitiative {
  return {
    key,
    estimates: Object.entries(estimates).map(([team, e]) =>
      typeof e === 'number' ? { team, sprints: e } : { team, ...e },
    ),
    ...extra,
  };
}

/** `'A-1 -> B-1 -> C-1'` as finish-to-start links. */
export function buildDependencies(...chains: string[]): ScheduleDependency[] {
  return chains.flatMap((chain) => {
    const keys = chain.split('->').map((k) => k.trim());
    return keys.slice(1).map((to, i) => ({ from: keys[i]!, to }));
  });
}

export function buildScheduleInput(
  overrides: Partial<ScheduleInput> & { sprintCount?: number } = {},
): ScheduleInput {
  const { sprintCount = 6, ...rest } = overrides;
  const teams: TeamCapacity[] = [
    { team: 'Payments', capacityPerSprint: 1 },
    { team: 'Identity', capacityPerSprint: 1 },
  ];
  return { sprints: buildSprints(sprintCount), teams, initiatives: [], dependencies: [], ...rest };
}
