// Completion: the success assessment of every goal and success criterion, the analysis of how the program
// went, lessons learned with the improvement plan, the transition to support, and closing (a closed program
// is read-only until an owner reopens it). Domain shapes are re-exported as types only.
import type { AssessmentRow, VerdictCounts } from '../domain/completion/assessment';
import type { CompletionAnalysis } from '../domain/completion/analysis/analysis';
import type { ClosingReadiness } from '../domain/completion/readiness';
import type {
  AssessmentSubject,
  Handover,
  ImprovementAction,
  ImprovementActionFields,
  Lesson,
  LessonFields,
  SuccessAssessment,
  SupportLink,
  Verdict,
} from '../domain/completion/types';
import type { Person, ProgramRole, ProgramStage, WithVersion } from './program';

export type {
  AcceptanceStatus,
  ActionStatus,
  AssessmentSubject,
  Evidence,
  Handover,
  HandoverAcceptance,
  HandoverItem,
  HandoverState,
  HandoverWaiver,
  ImprovementAction,
  ImprovementActionFields,
  Lesson,
  LessonCategory,
  LessonFields,
  SuccessAssessment,
  SupportLink,
  SupportLinkKind,
  Verdict,
} from '../domain/completion/types';
export type { AssessmentRow, VerdictCounts } from '../domain/completion/assessment';
export type { ClosingReadiness } from '../domain/completion/readiness';
export type { CompletionAnalysis } from '../domain/completion/analysis/analysis';
export type { DateOutcome, InitiativeDates } from '../domain/completion/analysis/planned-vs-actual';
export type { QuarterScopeChange, ScopeDelta } from '../domain/completion/analysis/scope-change';
export type { EstimateRow, TeamAccuracy } from '../domain/completion/analysis/estimate-accuracy';
export type { SprintThroughput, Throughput } from '../domain/completion/analysis/throughput';

export type AssessmentRowView = AssessmentRow<WithVersion<SuccessAssessment>>;
export type ImprovementActionView = WithVersion<ImprovementAction> & { overdue: boolean };

/** The Completion records and what the caller may do with them; every write answers with it. */
export interface CompletionRecords {
  /** Issue keys left out because the viewer cannot browse their projects; absent when none. */
  hiddenKeys?: number;
  /** In the answer to closing only: what became of the program's final publish. */
  closingReport?: ClosingReport;
  programId: string;
  programName: string;
  stage: ProgramStage;
  /** The program record's version: closing and reopening name it. */
  programVersion: number;
  closed: boolean;
  /** ISO date-time it was closed, while closed. */
  closedAt: string | null;
  roles: ProgramRole[];
  /** Owners, while the program is open: assess, keep the improvement plan and the handover, close. */
  canEdit: boolean;
  /** Owners and team leads, while the program is open. */
  canAddLessons: boolean;
  /** Lessons the caller may edit or delete: owners any, a team lead their own. */
  editableLessonIds: string[];
  /** The handover's contact or an owner, while the program is open and a handover awaits an answer. */
  canAnswerHandover: boolean;
  /** Owners, once the program is closed. */
  canReopen: boolean;
  people: Person[];
  goals: { id: string; statement: string }[];
  /** Every goal, then every quarter's success criteria; `assessment` null when not assessed yet. */
  assessments: AssessmentRowView[];
  counts: VerdictCounts;
  /** To improve first, then what went well. */
  lessons: WithVersion<Lesson>[];
  /** Open work by due date, done last. */
  actions: ImprovementActionView[];
  handover: WithVersion<Handover> | null;
  readiness: ClosingReadiness;
}

export interface CompletionView extends CompletionRecords {
  analysis: CompletionAnalysis;
  /** Scope warnings from Jira (e.g. epics the viewer cannot see). */
  warnings: string[];
}

type ProgramRef = { programId: string };

/** A new record without `id`; an edit names the record and the version it read. */
type SaveRecord<F> = ProgramRef & ({ fields: F } | { id: string; expectedVersion: number; fields: F });
type DeleteRecord = ProgramRef & { id: string; expectedVersion: number };

export interface AssessmentInput {
  verdict: Verdict;
  measuredValue: string;
  /** One per line: an issue key like PAY-12, or an http(s) link. */
  evidence: string[];
  note: string;
}

export interface HandoverInput {
  receivingTeam: string;
  contactAccountId: string | null;
  /** One per line: an issue key, or a description of what is handed over. */
  items: string[];
  links: SupportLink[];
  handoverDate: string | null;
  /** Set to waive the handover (no transition to support needed), with the reason. */
  waiverReason: string | null;
}

type Mutation<Req> = { request: Req; response: CompletionRecords };

/** What closing a program did about its final publish (the completion report), for the owner who closed it. */
export interface ClosingReport {
  state: 'queued' | 'no-target' | 'not-queued';
  message: string;
}

export interface CompletionContract {
  /** Records, readiness and the analysis (reads Jira as the viewer). */
  'completion/get': { request: ProgramRef; response: CompletionView };
  /** Owners: one verdict per goal or criterion; `expectedVersion` when it was assessed before. */
  'completion/assessment/save': Mutation<
    ProgramRef & { subject: AssessmentSubject; expectedVersion?: number; fields: AssessmentInput }
  >;
  /** Owners and team leads (a lead edits their own lessons). */
  'completion/lesson/save': Mutation<SaveRecord<LessonFields>>;
  'completion/lesson/delete': Mutation<DeleteRecord>;
  /** Owners keep the improvement plan. */
  'completion/action/save': Mutation<SaveRecord<ImprovementActionFields>>;
  'completion/action/delete': Mutation<DeleteRecord>;
  /** Owners; `expectedVersion` once a handover exists. Changing its terms asks for acceptance again. */
  'completion/handover/save': Mutation<ProgramRef & { expectedVersion?: number; fields: HandoverInput }>;
  /** The handover's contact, or an owner on the receiving team's behalf; a rejection says why. */
  'completion/handover/accept': Mutation<
    ProgramRef & { expectedVersion: number; decision: 'accepted' | 'rejected'; note: string }
  >;
  /** Owners: Completion → Closed through the stage gate; missing records need an override reason. */
  /** Closing also hands the program's final publish (its completion report) to the publish queue. */
  'program/close': {
    request: ProgramRef & { expectedVersion: number; overrideReason?: string };
    response: CompletionRecords & { closingReport: ClosingReport };
  };
  /** Owners: Closed → Completion, so the program can be changed again. */
  'program/reopen': Mutation<ProgramRef & { expectedVersion: number }>;
}
