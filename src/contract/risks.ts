// The risk & problem register: manual risks and the ones the app detects, with their history and problems.
import type { DetectedRisk } from '../domain/risks/detection/types';
import type { Risk, RiskSeverity } from '../domain/risks/risk';
import type { Person } from '../domain/program/program';
import type { ProgramSummary, WithVersion } from './program';

export type { DetectedRisk, RiskRuleId } from '../domain/risks/detection/types';
export type { Problem as RiskProblem, RiskSource, RiskStatusChange } from '../domain/risks/risk';

/** A risk of the register as the viewer may see it. */
export interface RegisterRisk extends WithVersion<Risk> {
  severity: RiskSeverity;
  score: number;
  /** The caller may record it as a problem, or update its problem (owners; leads of the teams it concerns). */
  canManageProblem: boolean;
}

/** A condition detection finds now that the register does not hold yet (or holds closed): the next sync opens it. */
export interface PendingRisk extends DetectedRisk {
  /** The id the register will give it. */
  id: string;
  severity: RiskSeverity;
  score: number;
  /** The register holds it closed since the condition cleared; it will be reopened. */
  reopens: boolean;
}

export interface RiskRegisterView {
  /** Issue keys left out because the viewer cannot browse their projects; absent when none. */
  hiddenKeys?: number;
  program: ProgramSummary;
  /** Live risks worst first, then closed ones. */
  risks: RegisterRisk[];
  pending: PendingRisk[];
  /** `heatMap[impact - 1][probability - 1]`: ids of the live risks (register and pending) in that cell. */
  heatMap: string[][][];
  /** Detected risks left out because they name issues in projects the viewer cannot browse. */
  hidden: number;
  /** Owners may run detection now. */
  canDetect: boolean;
  /** Display names of the program's people (for owners of risks and problems). */
  people: Person[];
  teams: { id: string; name: string }[];
  warnings: string[];
}

export interface RiskSyncSummary {
  detectedAt: string;
  opened: string[];
  refreshed: string[];
  closed: string[];
  reopened: string[];
  cleared: string[];
  duplicates: string[];
  conflicts: string[];
  unchanged: number;
}

/** A risk after its problem was recorded or updated, cut like the register for the caller. */
export interface ProblemAnswer {
  risk: RegisterRisk;
  /** Issue keys left out because the caller cannot browse their projects; absent when none. */
  hiddenKeys?: number;
}

type RiskRef = { programId: string; riskId: string; expectedVersion: number };

// Type aliases, not interfaces: requests must be plain records for the bridge's invoke.
export type RecordProblem = RiskRef & {
  /** What happened. */
  description: string;
  ownerAccountId: string;
};

export type UpdateProblem = RiskRef & {
  resolution: string;
  /** yyyy-mm-dd it was resolved; null while open (clearing it reopens the problem). */
  resolvedAt: string | null;
  ownerAccountId?: string;
};

export interface RisksContract {
  'risks/get': { request: { programId: string }; response: RiskRegisterView };
  /** Owners: run detection now (as the app) and sync the register. */
  'risks/detect': { request: { programId: string }; response: RiskSyncSummary };
  'risks/problem/record': { request: RecordProblem; response: ProblemAnswer };
  'risks/problem/update': { request: UpdateProblem; response: ProblemAnswer };
}
