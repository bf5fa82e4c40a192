// Execution status: progress by issue count and story points, RAG with its reasons, the burn-up, one row per
// initiative, each initiative's implementation report, and the program's RAG thresholds (owners set them).
// Domain shapes are re-exported as types only: the UI bundles none of it.
import type { BurnUp } from '../domain/execution/burnup';
import type { ImplementationReport } from '../domain/execution/implementation-report';
import type { ProgressTally } from '../domain/execution/progress';
import type { ExpectedProgress, SprintWindow } from '../domain/execution/progress-plan';
import type { ProgramRag, Rag } from '../domain/execution/rag';
import type { Person, RagThresholds } from '../domain/program/program';
import type { ProgramRole, ProgramSummary } from './program';
import type { StatusCategory } from './scope';

export type { BurnUp, BurnUpPoint } from '../domain/execution/burnup';
export type {
  DependencyStatus,
  ImplementationReport,
  ProblemLine,
} from '../domain/execution/implementation-report';
export type { ProgressTally } from '../domain/execution/progress';
export type {
  ExpectedProgress,
  InitiativeExpectation,
  SprintWindow,
} from '../domain/execution/progress-plan';
// `Rag` itself is exported by the macro contract (the same three colours).
export type { InitiativeRag, ProgramRag, RagReason, RagSource } from '../domain/execution/rag';
export type { RagThresholds } from '../domain/program/program';

export interface ProgressSummary {
  issues: ProgressTally;
  points: ProgressTally;
  percentByCount: number | null;
  percentByPoints: number | null;
  unestimatedIssues: number;
  /** Initiatives by their own status. */
  initiatives: ProgressTally;
}

export interface StatusInitiativeRow {
  key: string;
  summary: string;
  team: string;
  status: { name: string; category: StatusCategory };
  issues: ProgressTally;
  points: ProgressTally;
  percentByCount: number | null;
  percentByPoints: number | null;
  /** Chosen in the plan in force. */
  inPlan: boolean;
  /** Baseline window, and where today's schedule puts it. */
  planned: SprintWindow | null;
  current: SprintWindow | null;
  /** Why today's schedule does not place it, when it does not. */
  unplacedDetail: string | null;
  /** What the plan expects done of it by now, 0–100. */
  expectedPercent: number | null;
  rag: Rag;
  flags: string[];
}

export interface ProgramStatusView {
  program: ProgramSummary;
  roles: ProgramRole[];
  /** When the view was computed (ISO) and the day it stands for. */
  asOf: string;
  today: string;
  progress: ProgressSummary;
  /** Against the plan in force; null without one (the RAG's limitations say why). */
  expected: Omit<ExpectedProgress, 'initiatives'> | null;
  plan: {
    quarter: string;
    baseline: { id: string; frozenAt: string; frozenBy: string; note: string } | null;
  } | null;
  rag: ProgramRag;
  burnUp: BurnUp;
  initiatives: StatusInitiativeRow[];
  thresholds: RagThresholds;
  /** The program has not set its own thresholds. */
  thresholdsAreDefaults: boolean;
  canEditThresholds: boolean;
  /** The program record's version, for the thresholds write. */
  programVersion: number;
  warnings: string[];
  /** Issue keys left out because the viewer cannot browse their projects; absent when none. */
  hiddenKeys?: number;
}

export interface ImplementationReportView {
  program: ProgramSummary;
  today: string;
  report: ImplementationReport;
  /** Display names of the people the report names by account id. */
  people: Person[];
}

export type SetRagThresholds = {
  programId: string;
  expectedVersion: number;
  thresholds: RagThresholds;
};

export interface StatusContract {
  'status/get': { request: { programId: string }; response: ProgramStatusView };
  'status/initiative': { request: { programId: string; key: string }; response: ImplementationReportView };
  'status/thresholds/set': {
    request: SetRagThresholds;
    response: { thresholds: RagThresholds; programVersion: number };
  };
}
