import type { GenerateSprintsInput, Sprint, SprintsFromBoardInput } from './types';

/** Consecutive sprints of `lengthDays` from `firstStart` that end within the quarter. */
export function generateSprints(_input: GenerateSprintsInput): Sprint[] {
  throw new Error('not implemented');
}

/**
 * A board's sprints that overlap the quarter, cut to its bounds; dateless future sprints get dates
 * by the board's cadence after the last dated sprint.
 */
export function sprintsFromBoard(_input: SprintsFromBoardInput): Sprint[] {
  throw new Error('not implemented');
}
