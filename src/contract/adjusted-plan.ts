// The adjusted plan: the quarter plan in force re-scheduled on where the work stands today, read against its
// latest baseline; owners accept it as the new plan of record (a new baseline, the earlier ones kept).
// Domain shapes are re-exported as types only.
import type { AdjustedPlan } from '../domain/execution/adjusted-plan';
import type { BaselineSummary } from '../domain/plan/types';
import type { ProgramTeam } from '../domain/program/program';
import type { ProgramRole, ProgramSummary } from './program';

export type {
  AdjustedPlan,
  AdjustedInitiative,
  CannotFinish,
  InitiativeWork,
  MilestoneForecast,
  MilestoneOutlook,
  OpenWork,
  PlanWindow,
} from '../domain/execution/adjusted-plan';

export interface AdjustedPlanView {
  /** Issue keys left out because the viewer cannot browse their projects; absent when none. */
  hiddenKeys?: number;
  program: ProgramSummary;
  /** For team names: plans and schedules name teams by id. */
  teams: ProgramTeam[];
  roles: ProgramRole[];
  /** Owners accept the adjusted plan as the plan of record. */
  canAccept: boolean;
  /** Null when no quarter plan is in force today (see `warnings`). */
  adjusted: AdjustedPlan | null;
  /** Every baseline of the plan in force, oldest first: the history accepting adds to. */
  baselines: BaselineSummary[];
  warnings: string[];
}

export interface AdjustedPlanContract {
  /** The plan in force, re-run on today's state, against its latest baseline. */
  'plan/adjusted': { request: { programId: string }; response: AdjustedPlanView };
  /**
   * Owners only: freezes the adjusted plan as a new baseline noted "Accepted adjusted plan". `expectedVersion`
   * is the plan's version and `fingerprint` the adjusted plan's the owner saw: if either moved on, CONFLICT and
   * nothing changes.
   */
  'plan/adjusted/accept': {
    request: {
      programId: string;
      quarter: string;
      expectedVersion: number;
      fingerprint: string;
      note?: string;
    };
    response: AdjustedPlanView;
  };
}
