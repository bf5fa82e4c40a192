import { reviseAgreeable, type Agreeable } from '../agreement/agreement';

/** The measurable terms of a goal; changing any of them voids its agreement. */
export interface GoalTerms {
  statement: string;
  metric: string;
  baseline: string;
  target: string;
  /** ISO date, e.g. 2027-03-31. */
  dueDate: string;
}

export interface Goal extends GoalTerms, Agreeable<GoalTerms> {
  id: string;
}

export const goalTerms = (goal: GoalTerms): GoalTerms => ({
  statement: goal.statement,
  metric: goal.metric,
  baseline: goal.baseline,
  target: goal.target,
  dueDate: goal.dueDate,
});

export function newGoal(id: string, terms: GoalTerms): Goal {
  return { id, ...goalTerms(terms), agreement: null, history: [] };
}

export function reviseGoal(goal: Goal, terms: GoalTerms, at: string, by: string): Goal {
  return reviseAgreeable(goal, goalTerms, goalTerms(terms), at, by);
}
