// The quarter plan as data: what the TPM and the teams agree for one quarter of a program.
import type { Sprint } from '../calendar/types';

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
  /** Capacity units used in each sprint of the work: as given, else story points / sprints, else 1. */
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

/** A chosen initiative whose owning team has given no estimate yet. */
export interface MissingEstimateFacts {
  initiativeKey: string;
  teamId: string;
}
