// The Completion records as data: the success assessment of every goal and success criterion, the lessons
// learned with their improvement plan, and the transition to support.

export type Verdict = 'met' | 'partly' | 'missed';
export const VERDICTS: readonly Verdict[] = ['met', 'partly', 'missed'];

/** What an assessment judges: a program goal, or one success criterion of a quarter plan. */
export type AssessmentSubject =
  { kind: 'goal'; goalId: string } | { kind: 'criterion'; quarter: string; criterionId: string };

/** Evidence a verdict rests on: a Jira issue, or a link (a dashboard, a report, a Confluence page). */
export type Evidence = { kind: 'issue'; key: string } | { kind: 'link'; url: string };

export interface AssessmentFields {
  verdict: Verdict;
  /** What was measured, in the metric's unit, e.g. `2.4` or `3 markets`. */
  measuredValue: string;
  evidence: Evidence[];
  note: string;
}

/** One verdict per subject: its id is derived from the subject, so a second one cannot exist. */
export interface SuccessAssessment extends AssessmentFields {
  id: string;
  subject: AssessmentSubject;
  assessedBy: string;
  assessedAt: string;
}

export type LessonCategory = 'went-well' | 'to-improve';
export const LESSON_CATEGORIES: readonly LessonCategory[] = ['went-well', 'to-improve'];

export interface LessonFields {
  category: LessonCategory;
  whatHappened: string;
  learned: string;
}

export interface Lesson extends LessonFields {
  id: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export type ActionStatus = 'open' | 'in-progress' | 'done';
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in-progress', 'done'];

export interface ImprovementActionFields {
  action: string;
  ownerAccountId: string;
  /** yyyy-mm-dd. */
  dueDate: string;
  status: ActionStatus;
  /** The lesson it follows from, if any. */
  lessonId: string | null;
}

export interface ImprovementAction extends ImprovementActionFields {
  id: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** Something the receiving team takes over: a Jira issue, or a described item (a service, a dashboard). */
export type HandoverItem = { kind: 'issue'; key: string } | { kind: 'description'; text: string };

export type SupportLinkKind = 'runbook' | 'documentation';
export const SUPPORT_LINK_KINDS: readonly SupportLinkKind[] = ['runbook', 'documentation'];

export interface SupportLink {
  kind: SupportLinkKind;
  label: string;
  url: string;
}

export type AcceptanceStatus = 'pending' | 'accepted' | 'rejected';

export interface HandoverAcceptance {
  status: AcceptanceStatus;
  /** Who answered for the receiving team; null while pending. */
  by: string | null;
  at: string | null;
  /** Why, when rejected (required) or accepted with conditions. */
  note: string;
}

/** The terms the receiving team accepts; changing any of them asks for its acceptance again. */
export interface HandoverTerms {
  receivingTeam: string;
  contactAccountId: string | null;
  items: HandoverItem[];
  links: SupportLink[];
  /** yyyy-mm-dd of the handover; null until agreed. */
  handoverDate: string | null;
}

/** An owner decided no transition to support is needed, and said why. */
export interface HandoverWaiver {
  reason: string;
  by: string;
  at: string;
}

/** The program's one transition to support (id `handover`). */
export interface Handover extends HandoverTerms {
  id: string;
  waiver: HandoverWaiver | null;
  acceptance: HandoverAcceptance;
  updatedBy: string;
  updatedAt: string;
}

/** Where the handover stands, as the closing gate reads it. */
export type HandoverState = 'none' | 'pending' | 'accepted' | 'rejected' | 'waived';
