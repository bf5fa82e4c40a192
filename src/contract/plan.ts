// Quarterly planning: the quarter plan of a program (`2027-Q1`) with its sprint calendar, initiatives,
// estimates, pins, the computed schedule, the dependency alignment session and its commitments, team OKRs,
// success criteria, the communication plan and baselines. Domain shapes are re-exported as types only.
import type {
  CommitmentStatus,
  CalendarRequest,
  TeamBoard,
  PlanInitiative,
  Commitment,
  SuccessCriterionFields,
  CommunicationPlanFields,
  Baseline,
  BaselineComparison,
  QuarterPlan,
  TeamOkrs,
} from '../domain/plan/types';
import type { QuarterSchedule } from '../domain/schedule/types';
import type { ProgramTeam } from '../domain/program/program';
import type { ProgramRole, ProgramSummary } from './program';
import type { DependencyEvidence, StatusCategory } from './scope';

export type { Sprint, QuarterId } from '../domain/calendar/types';
export type {
  CommitmentStatus,
  ReportCadence,
  MeetingCadence,
  CalendarRequest,
  PlanCalendar,
  TeamBoard,
  PlanInitiative,
  PlanEstimate,
  PlanPin,
  AlignmentSession,
  Commitment,
  SuccessCriterionFields,
  SuccessCriterion,
  Meeting,
  CommunicationPlan,
  CommunicationPlanFields,
  TeamOkrLink,
  BaselineSummary,
  BaselineEntry,
  Baseline,
  BaselineChange,
  BaselineVariance,
  BaselineComparison,
  QuarterPlan,
  TeamKeyResult,
  TeamOkrs,
} from '../domain/plan/types';
export type {
  PlacedInitiative,
  QuarterSchedule,
  TeamLoad,
  TeamPlacement,
  UnplacedInitiative,
  UnplacedReason,
  ScheduleWarning,
} from '../domain/schedule/types';

export interface PlanInitiativeRow extends PlanInitiative {
  summary: string | null;
  /** Program team owning the epic (by the Team field or project), when one matches. */
  teamId: string | null;
  /** Team name as Jira gives it. */
  team: string | null;
  status: { name: string; category: StatusCategory } | null;
  /** False when the epic left the program's scope (or the viewer cannot see it). */
  inScope: boolean;
}

export interface MissingEstimate {
  initiativeKey: string;
  teamId: string;
}

/** A dependency between two of the quarter's initiatives, with its commitment when cross-team. */
export interface PlanDependency {
  from: string;
  to: string;
  fromTeamId: string | null;
  toTeamId: string | null;
  crossTeam: boolean;
  evidence: DependencyEvidence[];
  /** Cross-team only; `proposed` with no one recorded until the upstream team answers. */
  commitment: Commitment | null;
  /** The scheduled `to` starts before `from` ends (only when a pin forces it or one is unplaced). */
  late: boolean;
}

export interface QuarterPlanView {
  /** Issue keys left out because the viewer cannot browse their projects; absent when none. */
  hiddenKeys?: number;
  program: ProgramSummary;
  teams: ProgramTeam[];
  roles: ProgramRole[];
  canEdit: boolean;
  editableTeamIds: string[];
  plan: QuarterPlan;
  initiatives: PlanInitiativeRow[];
  /** Program initiatives not chosen for the quarter (for the picker). */
  candidates: { key: string; summary: string; teamId: string | null; team: string }[];
  /** Unfinished initiatives of the previous quarter's plan not chosen here. */
  carryOverCandidates: string[];
  missingEstimates: MissingEstimate[];
  /** Teams are named by program team id; sprints by calendar index. */
  schedule: QuarterSchedule;
  dependencies: PlanDependency[];
  /** Against the latest baseline; null before the first freeze. */
  baselineComparison: BaselineComparison | null;
  warnings: string[];
}

export interface PlanListRow {
  quarter: string;
  version: number;
  initiatives: number;
  baselined: boolean;
  updatedAt: string;
}

type PlanRef = { programId: string; quarter: string };
type Versioned = { expectedVersion: number };
type PlanMutation<Req> = { request: PlanRef & Versioned & Req; response: QuarterPlanView };

export interface PlanContract {
  'plan/list': { request: { programId: string }; response: { plans: PlanListRow[] } };
  /** With `baselineId`, compares against that baseline instead of the latest. */
  'plan/get': { request: PlanRef & { baselineId?: string }; response: QuarterPlanView };
  /** Owners only. Chooses the previous quarter's unfinished initiatives (flagged) unless `carryOver` is false. */
  'plan/create': {
    request: PlanRef & { calendar?: CalendarRequest; carryOver?: boolean };
    response: QuarterPlanView;
  };
  'plan/boards': { request: { programId: string }; response: { boards: TeamBoard[]; warnings: string[] } };
  'plan/calendar/set': PlanMutation<{ calendar: CalendarRequest }>;
  /** Replaces the chosen initiatives; estimates and pins of dropped ones are kept but unused. */
  'plan/initiatives/set': PlanMutation<{ initiatives: { key: string; priority: number | null }[] }>;
  /** Upserts; `sprints: null` removes that team's estimate. Team leads: their team's rows only. */
  'plan/estimates/set': PlanMutation<{
    estimates: {
      initiativeKey: string;
      teamId: string;
      sprints: number | null;
      load?: number;
      storyPoints?: number | null;
    }[];
  }>;
  /** Owners only; `startSprint: null` removes the pin. */
  'plan/pins/set': PlanMutation<{ pins: { initiativeKey: string; startSprint: number | null }[] }>;
  'plan/session/update': PlanMutation<{
    session: { date: string | null; attendees: string[]; outcome: string };
  }>;
  /** Each must be a cross-team dependency of the quarter; the lead of `from`'s team or an owner. */
  'plan/commitments/set': PlanMutation<{
    commitments: { from: string; to: string; status: CommitmentStatus; reason?: string }[];
  }>;
  /** Creates when `id` is absent. */
  'plan/success-criteria/save': PlanMutation<{ id?: string; fields: SuccessCriterionFields }>;
  'plan/success-criteria/delete': PlanMutation<{ id: string }>;
  'plan/communication/update': PlanMutation<{ communication: CommunicationPlanFields }>;
  /** The team's lead or an owner; `url: null` removes the link. */
  'plan/team-okrs/link': PlanMutation<{ teamId: string; url: string | null }>;
  'plan/team-okrs': { request: PlanRef; response: { teams: TeamOkrs[] } };
  /** Owners only: freezes the current plan and schedule as a new baseline. */
  'plan/baseline/freeze': PlanMutation<{ note?: string }>;
  'plan/baseline/get': { request: PlanRef & { baselineId: string }; response: Baseline };
}
