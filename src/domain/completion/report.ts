// What the completion report page shows: the records and the analysis, as published to Confluence.
import type { CompletionAnalysis } from './analysis/analysis';
import type { AssessmentRow, VerdictCounts } from './assessment';
import type { Handover, ImprovementAction, Lesson } from './types';

export interface CompletionReport {
  rows: readonly AssessmentRow[];
  counts: VerdictCounts;
  /** Goal statements by id, for the criteria's "serves" column. */
  goalNames: Readonly<Record<string, string>>;
  lessons: readonly Lesson[];
  actions: readonly ImprovementAction[];
  handover: Handover | null;
  analysis: CompletionAnalysis;
  /** ISO date-time the program was closed, once it is. */
  closedAt: string | null;
}

/** Whether there is anything to publish yet: a program in Completion (or closed), or any record kept. */
export function hasCompletionContent(
  stage: string,
  records: { assessments: number; lessons: number; actions: number; handover: boolean },
): boolean {
  return (
    stage === 'completion' ||
    stage === 'closed' ||
    records.assessments + records.lessons + records.actions > 0 ||
    records.handover
  );
}
