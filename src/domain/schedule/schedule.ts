import type { QuarterSchedule, ScheduleInput } from './types';

/**
 * Places each initiative in sprints: never before its dependencies end, never over a team's capacity,
 * in order of priority, then critical path, then key. Explains every initiative it cannot place.
 */
export function schedule(_input: ScheduleInput): QuarterSchedule {
  throw new Error('not implemented');
}
