// The success assessment: one row per program goal and per success criterion of every quarter plan, each
// with its verdict once someone assessed it.
import type { Goal } from '../goals/goal';
import type { SuccessCriterion } from '../plan/types';
import type { AssessmentFields, AssessmentSubject, SuccessAssessment, Verdict } from './types';

/** The stored id of a subject's assessment: one per subject, so two editors cannot create two. */
export function assessmentId(subject: AssessmentSubject): string {
  return subject.kind === 'goal'
    ? `goal-${subject.goalId}`
    : `criterion-${subject.quarter}-${subject.criterionId}`;
}

export const sameSubject = (a: AssessmentSubject, b: AssessmentSubject): boolean =>
  assessmentId(a) === assessmentId(b);

/** What a row assesses, as the TPM wrote it at initiation or planning. */
export interface AssessmentRow<A extends SuccessAssessment = SuccessAssessment> {
  subject: AssessmentSubject;
  statement: string;
  metric: string;
  /** The goal's baseline; empty for a criterion. */
  baseline: string;
  target: string;
  /** The goal's due date; the plan's quarter for a criterion. */
  due: string;
  /** The goals a criterion serves (a goal row names itself). */
  goalIds: string[];
  assessment: A | null;
}

export interface PlanCriteria {
  quarter: string;
  successCriteria: readonly SuccessCriterion[];
}

/** Goals first (by due date), then every quarter's criteria (by quarter), each with its assessment if any. */
export function assessmentRows<A extends SuccessAssessment>(
  goals: readonly Goal[],
  plans: readonly PlanCriteria[],
  assessments: readonly A[],
): AssessmentRow<A>[] {
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const goalRows = [...goals]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.statement.localeCompare(b.statement))
    .map((g): AssessmentRow<A> => {
      const subject: AssessmentSubject = { kind: 'goal', goalId: g.id };
      return {
        subject,
        statement: g.statement,
        metric: g.metric,
        baseline: g.baseline,
        target: g.target,
        due: g.dueDate,
        goalIds: [g.id],
        assessment: byId.get(assessmentId(subject)) ?? null,
      };
    });
  const criterionRows = [...plans]
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .flatMap((plan) =>
      plan.successCriteria.map((c): AssessmentRow<A> => {
        const subject: AssessmentSubject = { kind: 'criterion', quarter: plan.quarter, criterionId: c.id };
        return {
          subject,
          statement: c.statement,
          metric: c.metric,
          baseline: '',
          target: c.target,
          due: plan.quarter,
          goalIds: [...c.goalIds],
          assessment: byId.get(assessmentId(subject)) ?? null,
        };
      }),
    );
  return [...goalRows, ...criterionRows];
}

/** Whether the subject still exists: an assessment of a deleted goal or criterion cannot be saved. */
export function subjectExists(
  subject: AssessmentSubject,
  goals: readonly Pick<Goal, 'id'>[],
  plans: readonly PlanCriteria[],
): boolean {
  if (subject.kind === 'goal') return goals.some((g) => g.id === subject.goalId);
  return plans.some(
    (p) => p.quarter === subject.quarter && p.successCriteria.some((c) => c.id === subject.criterionId),
  );
}

export function assess(
  subject: AssessmentSubject,
  fields: AssessmentFields,
  by: string,
  at: string,
): SuccessAssessment {
  return {
    id: assessmentId(subject),
    subject,
    verdict: fields.verdict,
    measuredValue: fields.measuredValue,
    evidence: [...fields.evidence],
    note: fields.note,
    assessedBy: by,
    assessedAt: at,
  };
}

export interface VerdictCounts {
  met: number;
  partly: number;
  missed: number;
  unassessed: number;
}

export function verdictCounts(rows: readonly AssessmentRow[]): VerdictCounts {
  const counts: VerdictCounts = { met: 0, partly: 0, missed: 0, unassessed: 0 };
  for (const row of rows) {
    const verdict: Verdict | null = row.assessment?.verdict ?? null;
    if (verdict === null) counts.unassessed++;
    else counts[verdict]++;
  }
  return counts;
}
