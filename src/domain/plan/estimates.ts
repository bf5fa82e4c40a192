// Estimates in sprints per initiative per team, and what the scheduler is given from the plan.
import type { ScheduleDependency, ScheduleInput, TeamCapacity } from '../schedule/types';
import type { MissingEstimateFacts, PlanEstimate, PlanInitiative, PlanPin } from './types';

/** Capacity units per sprint: as given, else story points spread over the sprints, else 1. */
export function effectiveLoad(sprints: number, load?: number, storyPoints?: number | null): number {
  if (load !== undefined) return load;
  if (storyPoints !== undefined && storyPoints !== null && storyPoints > 0 && sprints > 0)
    return Math.ceil(storyPoints / Math.ceil(sprints));
  return 1;
}

/** Chosen initiatives whose owning team has not estimated its part (nor has any other team). */
export function missingEstimates(
  initiatives: readonly PlanInitiative[],
  estimates: readonly PlanEstimate[],
  owningTeamOf: (key: string) => string | null,
): MissingEstimateFacts[] {
  const missing: MissingEstimateFacts[] = [];
  for (const { key } of initiatives) {
    const mine = estimates.filter((e) => e.initiativeKey === key && e.sprints > 0);
    const owner = owningTeamOf(key);
    if (owner !== null && !mine.some((e) => e.teamId === owner))
      missing.push({ initiativeKey: key, teamId: owner });
  }
  return missing;
}

export interface ScheduleInputFacts {
  readonly sprints: ScheduleInput['sprints'];
  readonly teams: readonly TeamCapacity[];
  readonly initiatives: readonly PlanInitiative[];
  readonly estimates: readonly PlanEstimate[];
  readonly pins: readonly PlanPin[];
  /** Dependencies among the program's initiatives; only those between chosen ones are scheduled. */
  readonly dependencies: readonly ScheduleDependency[];
}

/** What `schedule()` is given: the chosen initiatives with their estimates and pins, teams by id. */
export function scheduleInputOf(facts: ScheduleInputFacts): ScheduleInput {
  const chosen = new Set(facts.initiatives.map((i) => i.key));
  const teamIds = new Set(facts.teams.map((t) => t.team));
  return {
    sprints: facts.sprints,
    teams: facts.teams,
    initiatives: facts.initiatives.map((i) => {
      const pin = facts.pins.find((p) => p.initiativeKey === i.key);
      return {
        key: i.key,
        ...(i.priority !== null ? { priority: i.priority } : {}),
        estimates: facts.estimates
          .filter((e) => e.initiativeKey === i.key && e.sprints > 0 && teamIds.has(e.teamId))
          .map((e) => ({ team: e.teamId, sprints: e.sprints, load: e.load })),
        ...(pin ? { pin: { startSprint: pin.startSprint } } : {}),
      };
    }),
    dependencies: facts.dependencies.filter((d) => chosen.has(d.from) && chosen.has(d.to)),
  };
}
