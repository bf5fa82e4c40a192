// Quarterly planning: the quarter plan of a program (`2027-Q1`) with its sprint calendar, initiatives,
// estimates, pins, the computed schedule, the dependency alignment session and its commitments, team OKRs,
// success criteria, the communication plan and baselines. Domain shapes are re-exported as types only.
import type { Sprint } from '../domain/calendar/types';
import type { QuarterSchedule } from '../domain/schedule/types';
import type { ProgramTeam } from '../domain/program/program';
import type { ProgramRole, ProgramSummary } from './program';
import type { DependencyEvidence, StatusCategory } from './scope';

export type { Sprint, QuarterId } from '../domain/calendar/types';
export type {
  PlacedInitiative,
  QuarterSchedule,
  TeamLoad,
  TeamPlacement,
  UnplacedInitiative,
  UnplacedReason,
  ScheduleWarning,
} from '../domain/schedule/types';

export type CommitmentStatus = 'proposed' | 'committed' | 'declined' | 'at-risk';
export type ReportCadence = 'weekly' | 'biweekly' | 'monthly';
export type MeetingCadence = 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'quarterly';

/** How the quarter's sprints are found: from a Jira board (a team's, or the one named) or generated. */
export interface CalendarRequest {
  source: 'board' | 'generated';
  /** With source 'board': the board to read; absent: the first board of the teams' projects with sprints. */
  boardId?: number;
  /** Sprint length in days for generated sprints (and dateless future board sprints). Default 14. */
  lengthDays?: number;
  /** ISO date of the first generated sprint's first day. Default: the quarter's first Monday. */
  firstStart?: string;
}

export interface PlanCalendar {
  /** 'generated' also when a board was asked for and none had sprints in the quarter (see `warnings`). */
  source: 'board' | 'generated';
  boardId: number | null;
  boardName: string | null;
  lengthDays: number;
  firstStart: string | null;
  /** The quarter's sprints in order; `index` is what schedules and pins refer to. */
  sprints: Sprint[];
  /** When the sprints were last read or generated (ISO date-time). */
  refreshedAt: string;
}

/** A Jira board of one of the program teams' projects (for the calendar's board picker). */
export interface TeamBoard {
  boardId: number;
  name: string;
  type: string;
  projectKey: string | null;
  /** The program team working in that project, when one does. */
  teamId: string | null;
}

export interface PlanInitiative {
  key: string;
  /** Lower goes first in the schedule; null: after every prioritised one. */
  priority: number | null;
  /** Chosen in the previous quarter's plan and not done when this plan was made. */
  carriedOver: boolean;
}

/** One team's estimate for its part of an initiative. */
export interface PlanEstimate {
  initiativeKey: string;
  teamId: string;
  /** Duration in sprints (fractions occupy a whole sprint). */
  sprints: number;
  /** Capacity units used in each sprint of the work; default 1. */
  load: number;
  storyPoints: number | null;
  by: string;
  at: string;
}

/** The TPM fixed where an initiative starts (sprint index of the calendar). */
export interface PlanPin {
  initiativeKey: string;
  startSprint: number;
  by: string;
  at: string;
}

export interface AlignmentSession {
  /** ISO date the session was (or will be) held; null until set. */
  date: string | null;
  attendees: string[];
  outcome: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * The upstream team's promise on a cross-team dependency `from → to` (`to` waits for `from`): set by the
 * lead of the team that owns `from`, or a program owner.
 */
export interface Commitment {
  from: string;
  to: string;
  status: CommitmentStatus;
  /** Required when declined; optional for at-risk. */
  reason: string | null;
  by: string | null;
  at: string | null;
}

export interface SuccessCriterionFields {
  statement: string;
  /** How it is measured, e.g. `p95 checkout latency`. */
  metric: string;
  target: string;
  /** Program goals (ids) this criterion serves. */
  goalIds: string[];
}
export interface SuccessCriterion extends SuccessCriterionFields {
  id: string;
}

export interface Meeting {
  id: string;
  name: string;
  cadence: MeetingCadence;
  audience: string;
  ownerAccountId: string | null;
}

export interface CommunicationPlan {
  /** Optional Slack channel link (https://…slack.com/…). */
  slackChannelUrl: string | null;
  confluenceSpaceKey: string | null;
  /** Other channels, e.g. a mailing list. */
  otherChannels: { name: string; url: string | null }[];
  meetings: Meeting[];
  reportCadence: ReportCadence;
}
/** Meetings without an id get one. */
export type CommunicationPlanFields = Omit<CommunicationPlan, 'meetings'> & {
  meetings: (Omit<Meeting, 'id'> & { id?: string })[];
};

export interface TeamOkrLink {
  teamId: string;
  /** The team's own OKR record (a Confluence page, an Atlas goal…). */
  url: string;
}

export interface BaselineSummary {
  id: string;
  frozenAt: string;
  frozenBy: string;
  note: string;
  /** The plan version that was frozen. */
  planVersion: number;
}

/** One initiative as the baseline froze it; `startSprint`/`endSprint` null when it was not placed. */
export interface BaselineEntry {
  key: string;
  startSprint: number | null;
  endSprint: number | null;
}

/** A frozen copy of the agreed plan; never changes once written. */
export interface Baseline extends BaselineSummary {
  quarter: string;
  sprints: Sprint[];
  initiatives: PlanInitiative[];
  estimates: PlanEstimate[];
  commitments: Commitment[];
  schedule: BaselineEntry[];
}

export type BaselineChange =
  'unchanged' | 'later' | 'earlier' | 'added' | 'removed' | 'now-unplaced' | 'now-placed';

export interface BaselineVariance {
  key: string;
  baseline: { startSprint: number | null; endSprint: number | null } | null;
  current: { startSprint: number | null; endSprint: number | null } | null;
  change: BaselineChange;
  /** Current end minus baseline end, in sprints, when both are placed. */
  endDeltaSprints: number | null;
}

export interface BaselineComparison {
  baseline: BaselineSummary;
  variances: BaselineVariance[];
}

/** The stored plan. Every write names `version` and bumps it. */
export interface QuarterPlan {
  programId: string;
  quarter: string;
  calendar: PlanCalendar;
  initiatives: PlanInitiative[];
  estimates: PlanEstimate[];
  pins: PlanPin[];
  session: AlignmentSession;
  /** Only commitments someone set; a cross-team dependency without one is `proposed`. */
  commitments: Commitment[];
  successCriteria: SuccessCriterion[];
  communication: CommunicationPlan;
  okrLinks: TeamOkrLink[];
  /** Oldest first; the last one is what reads compare against. */
  baselines: BaselineSummary[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

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

export interface TeamKeyResult {
  from: string;
  to: string;
  status: CommitmentStatus;
  /** One line a team can paste into its OKRs. */
  text: string;
}

export interface TeamOkrs {
  teamId: string;
  teamName: string;
  okrUrl: string | null;
  /** Committed (and at-risk) commitments as key results. */
  keyResults: TeamKeyResult[];
  /** The key results as one copyable block, one per line. */
  copyText: string;
  /** Dependencies this team owns that are still proposed or declined. */
  uncommitted: TeamKeyResult[];
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
