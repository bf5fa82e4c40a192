import type { Baseline, QuarterPlan } from '../domain/plan/types';
import { ProgramExistsError } from './program-store';

/** Quarter plans of programs, one stored value per program and quarter, and their frozen baselines. */
export interface PlanStore {
  get(programId: string, quarter: string): Promise<QuarterPlan | undefined>;
  /** Every quarter plan of the program, by quarter. */
  list(programId: string): Promise<QuarterPlan[]>;
  /** Stores the plan at version 1; PlanExistsError when the quarter already has one. */
  create(plan: QuarterPlan): Promise<QuarterPlan>;
  /** Replaces the plan if it is still at `expectedVersion` (else StaleVersionError); returns it at +1. */
  update(plan: QuarterPlan, expectedVersion: number): Promise<QuarterPlan>;
  /** Writes the baseline (never changed again) and the plan naming it in one conditional transaction. */
  freeze(plan: QuarterPlan, expectedVersion: number, baseline: Baseline): Promise<QuarterPlan>;
  getBaseline(programId: string, quarter: string, baselineId: string): Promise<Baseline | undefined>;
}

/** Answered as CONFLICT, like a taken program id. */
export class PlanExistsError extends ProgramExistsError {
  constructor(
    programId: string,
    readonly quarter: string,
  ) {
    super(programId);
    this.message = `The program already has a ${quarter} plan.`;
  }
}
