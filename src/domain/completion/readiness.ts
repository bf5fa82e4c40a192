// What closing the program needs: every goal assessed, at least one lesson learned, and a transition to
// support the receiving team accepted (or an owner waived). The stage gate reads it; the Completion tab
// shows it with the non-blocking warnings beside it.
import type { Goal } from '../goals/goal';
import type { ProgramStage } from '../program/program';
import { assessmentId } from './assessment';
import { handoverState } from './handover';
import type { Handover, HandoverState, SuccessAssessment } from './types';

/** The Completion records the gate reads. */
export interface CompletionRecordsForGate {
  assessments: readonly Pick<SuccessAssessment, 'id'>[];
  lessons: readonly unknown[];
  handover: Handover | null;
}

/** The records as the item store lists them (one handover at most). */
export function completionRecordsOf(items: {
  assessment: readonly Pick<SuccessAssessment, 'id'>[];
  lesson: readonly unknown[];
  handover: readonly Handover[];
}): CompletionRecordsForGate {
  return { assessments: items.assessment, lessons: items.lesson, handover: items.handover[0] ?? null };
}

const HANDOVER_MISSING: Record<Exclude<HandoverState, 'accepted' | 'waived'>, string> = {
  none: 'A transition to support accepted by the receiving team, or waived with a reason',
  pending: 'The receiving team’s acceptance of the handover',
  rejected: 'A handover the receiving team accepts (they rejected the last one)',
};

/** What the completion gate still needs, said as the TPM would; empty when the program may close. */
export function completionGateMissing(
  goals: readonly Pick<Goal, 'id'>[],
  records: CompletionRecordsForGate,
): string[] {
  const missing: string[] = [];
  const assessed = new Set(records.assessments.map((a) => a.id));
  const unassessed = goals.filter((g) => !assessed.has(assessmentId({ kind: 'goal', goalId: g.id })));
  if (unassessed.length > 0) missing.push(`An assessment of ${unassessed.length} goal(s)`);
  if (records.lessons.length === 0) missing.push('At least one lesson learned');
  const state = handoverState(records.handover);
  if (state !== 'accepted' && state !== 'waived') missing.push(HANDOVER_MISSING[state]);
  return missing;
}

export interface ClosingReadiness {
  stage: ProgramStage;
  /** What the gate needs; closing with any of it missing takes an override reason. */
  missing: string[];
  /** Worth a look before closing, but no reason to wait. */
  warnings: string[];
  handover: HandoverState;
  /** The program is in Completion and nothing is missing. */
  ready: boolean;
}

export function closingReadiness(input: {
  stage: ProgramStage;
  goals: readonly Pick<Goal, 'id'>[];
  records: CompletionRecordsForGate;
  unassessedCriteria: number;
}): ClosingReadiness {
  const missing = completionGateMissing(input.goals, input.records);
  const warnings: string[] = [];
  if (input.unassessedCriteria > 0)
    warnings.push(`${input.unassessedCriteria} success criteria of the quarter plans are not assessed yet.`);
  if (input.stage !== 'completion' && input.stage !== 'closed')
    warnings.push(
      `The program is in ${input.stage}: move it to Completion (Overview → Stage) before closing it.`,
    );
  return {
    stage: input.stage,
    missing,
    warnings,
    handover: handoverState(input.records.handover),
    ready: input.stage === 'completion' && missing.length === 0,
  };
}
