/**
 * The scheduler's input and output. Sprints are referred to by their 0-based index in `ScheduleInput.sprints`;
 * an item that occupies sprints 2, 3 and 4 has `startSprint: 2, endSprint: 4` (both inclusive).
 */

/** The sprint facts the scheduler needs; a calendar `Sprint` fits. */
export interface ScheduleSprint {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

export interface TeamCapacity {
  readonly team: string;
  /** Capacity units the team has in every sprint of the quarter (e.g. 3 parallel work items, or points). */
  readonly capacityPerSprint: number;
}

/** A team's estimate for its part of an initiative. */
export interface TeamEstimate {
  readonly team: string;
  /** Duration in sprints; fractions round up to whole sprints (0.5 occupies 1 sprint). 0 or less is no estimate. */
  readonly sprints: number;
  /** Capacity units used in each sprint of the work. Default 1. */
  readonly load?: number;
}

export interface ScheduleInitiative {
  /** Issue key of the epic. */
  readonly key: string;
  /** Lower numbers go first (1 before 2); an initiative without priority goes after all with one. */
  readonly priority?: number;
  readonly estimates: readonly TeamEstimate[];
  /** The TPM fixed where the work starts: every team's part starts in this sprint, or the initiative is reported. */
  readonly pin?: { readonly startSprint: number };
}

/** `to` may not start before `from` has ended (finish-to-start), whichever teams own them. */
export interface ScheduleDependency {
  readonly from: string;
  readonly to: string;
}

export interface ScheduleOptions {
  /**
   * How the critical path (the longest remaining chain of dependents, by duration) weighs in the order:
   * 'tiebreak' (default) orders by priority, then critical path, then key; 'first' puts the critical path
   * before priority; 'ignore' orders by priority, then key.
   */
  readonly criticalPath?: 'tiebreak' | 'first' | 'ignore';
}

export interface ScheduleInput {
  /** The quarter's sprints, in order. */
  readonly sprints: readonly ScheduleSprint[];
  readonly teams: readonly TeamCapacity[];
  readonly initiatives: readonly ScheduleInitiative[];
  readonly dependencies: readonly ScheduleDependency[];
  readonly options?: ScheduleOptions;
}

export interface TeamPlacement {
  readonly team: string;
  readonly startSprint: number;
  readonly endSprint: number;
  /** Capacity units used in each of its sprints. */
  readonly load: number;
}

export interface PlacedInitiative {
  readonly key: string;
  /** The earliest start of its team parts. */
  readonly startSprint: number;
  /** The latest end of its team parts: the initiative ends when every team has finished. */
  readonly endSprint: number;
  /** One entry per estimate, by team name. */
  readonly perTeam: readonly TeamPlacement[];
  readonly pinned: boolean;
}

export type UnplacedReason =
  'no-estimate' | 'cycle' | 'dependency-unplaced' | 'capacity' | 'beyond-quarter' | 'pin-conflict';

export interface UnplacedInitiative {
  readonly key: string;
  readonly reason: UnplacedReason;
  /** A sentence for the TPM naming what blocks it: the dependency, the team and sprint, or the cycle. */
  readonly detail: string;
  /** The same facts as data, for the UI to highlight. */
  readonly blockedBy: {
    readonly dependency?: string;
    readonly team?: string;
    readonly sprint?: number;
    /** Keys around the cycle, the first repeated at the end: ['PAY-1', 'ID-4', 'PAY-1']. */
    readonly cycle?: readonly string[];
  };
}

export interface TeamLoad {
  readonly team: string;
  readonly capacityPerSprint: number;
  /** Capacity units used in each sprint, by sprint index. Never above capacityPerSprint. */
  readonly used: readonly number[];
}

export type ScheduleWarningKind =
  'unknown-team' | 'unknown-dependency' | 'duplicate-initiative' | 'duplicate-team' | 'duplicate-dependency';

export interface ScheduleWarning {
  readonly kind: ScheduleWarningKind;
  readonly message: string;
  readonly key?: string;
  readonly team?: string;
}

export interface QuarterSchedule {
  /** Placed initiatives in issue-key order. */
  readonly initiatives: readonly PlacedInitiative[];
  /** Every initiative that is not placed, with why, in issue-key order. */
  readonly unplaced: readonly UnplacedInitiative[];
  /** Per team (in name order), its load in every sprint. */
  readonly load: readonly TeamLoad[];
  readonly warnings: readonly ScheduleWarning[];
}
