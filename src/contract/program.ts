// Programs: list, create, edit, stage, and the Initiation artifacts (funnel, goals, parties,
// milestones, risks). Domain shapes are re-exported as types only: the UI bundles none of it.
import type { Traceability } from '../domain/funnel/funnel';
import type { Goal } from '../domain/goals/goal';
import type { Milestone } from '../domain/milestones/milestone';
import type { ProgramRecord, ProgramStage, Person } from '../domain/program/program';
import type { Risk } from '../domain/risks/risk';
import type { StrategicInitiative, Strategy } from '../domain/funnel/funnel';

export type { ProgramStage, Person, ProgramTeam, StageChange } from '../domain/program/program';
export type {
  EpicTrace,
  KeyResult,
  OkrRef,
  StrategicInitiative,
  Strategy,
  StrategyLevel,
  Traceability,
} from '../domain/funnel/funnel';
export type { Agreement, Revision } from '../domain/agreement/agreement';
export type { Goal, GoalTerms } from '../domain/goals/goal';
export type { Milestone, MilestoneStatus } from '../domain/milestones/milestone';
export type { Risk, RiskSeverity, RiskStatus } from '../domain/risks/risk';

export interface ProgramSummary {
  id: string;
  name: string;
  stage: ProgramStage;
  scopeJql: string;
}

export type ProgramRole = 'owner' | 'team-lead' | 'sponsor' | 'stakeholder';

export interface ProgramListRow extends ProgramSummary {
  owners: Person[];
  updatedAt: string;
  archived: boolean;
  roles: ProgramRole[];
}

export type ProgramDetails = ProgramRecord;
export type WithVersion<T> = T & { version: number };

export interface ProgramOverview {
  /** Issue keys left out because the viewer cannot browse their projects; absent when none. */
  hiddenKeys?: number;
  program: ProgramDetails;
  /** The caller's roles; `canEdit` is true for owners, `editableTeamIds` lists the teams they lead. */
  roles: ProgramRole[];
  canEdit: boolean;
  editableTeamIds: string[];
  strategies: WithVersion<Strategy>[];
  strategicInitiatives: WithVersion<StrategicInitiative>[];
  goals: WithVersion<Goal>[];
  /** In timeline order. */
  milestones: WithVersion<Milestone>[];
  /** Worst first; closed risks last. */
  risks: WithVersion<Risk>[];
  /** `heatMap[impact - 1][probability - 1]`: ids of the live risks in that cell. */
  heatMap: string[][][];
  gate: { next: ProgramStage | null; missing: string[] };
}

type ProgramRef = {
  programId: string;
};
type Versioned = {
  expectedVersion: number;
};

export interface ProgramChanges {
  name?: string;
  description?: string;
  expectedBenefits?: string;
  resourcesNeeded?: string;
  scopeJql?: string;
  dependencyLinkTypes?: string[];
  archived?: boolean;
}

export interface PartiesChange {
  owners: string[];
  sponsor: string | null;
  stakeholders: string[];
  /** Display names for the account ids above, as the user picker showed them. */
  people: Person[];
}

export interface TeamFields {
  name: string;
  jiraTeam: string;
  leadAccountId: string | null;
  capacityPerSprint: number;
}

export type StrategyFields = Omit<Strategy, 'id'>;
export type StrategicInitiativeFields = Omit<StrategicInitiative, 'id'>;
export type GoalFields = Pick<Goal, 'statement' | 'metric' | 'baseline' | 'target' | 'dueDate'>;
export type MilestoneFields = Pick<Milestone, 'name' | 'targetDate' | 'initiativeKeys' | 'status'>;
export type RiskFields = Pick<
  Risk,
  'title' | 'probability' | 'impact' | 'ownerAccountId' | 'mitigation' | 'status'
>;

/** Creates the item when `id` is absent; otherwise updates it if it is still at `expectedVersion`. */
export type SaveItem<F> = ProgramRef & ({ fields: F } | { id: string; expectedVersion: number; fields: F });
export type DeleteItem = ProgramRef & Versioned & { id: string };
export type AgreeItem = ProgramRef & Versioned & { id: string; agreedBy: string[]; note: string };

type Mutation<Req> = { request: Req; response: ProgramOverview };

export interface ProgramContract {
  'program/list': { request: Record<string, never>; response: { programs: ProgramListRow[] } };
  'program/create': {
    request: { id: string; name: string; scopeJql: string; description?: string };
    response: ProgramOverview;
  };
  'program/get': { request: ProgramRef; response: ProgramOverview };
  'program/update': Mutation<ProgramRef & Versioned & { changes: ProgramChanges }>;
  'program/parties/update': Mutation<ProgramRef & Versioned & { parties: PartiesChange }>;
  'program/teams/save': Mutation<ProgramRef & Versioned & { teamId?: string; team: TeamFields }>;
  'program/teams/delete': Mutation<ProgramRef & Versioned & { teamId: string }>;
  'program/stage/move': Mutation<ProgramRef & Versioned & { to: ProgramStage; overrideReason?: string }>;
  'program/strategies/save': Mutation<SaveItem<StrategyFields>>;
  'program/strategies/delete': Mutation<DeleteItem>;
  'program/strategic-initiatives/save': Mutation<SaveItem<StrategicInitiativeFields>>;
  'program/strategic-initiatives/delete': Mutation<DeleteItem>;
  'program/goals/save': Mutation<SaveItem<GoalFields>>;
  'program/goals/delete': Mutation<DeleteItem>;
  'program/goals/agree': Mutation<AgreeItem>;
  'program/milestones/save': Mutation<SaveItem<MilestoneFields>>;
  'program/milestones/delete': Mutation<DeleteItem>;
  'program/milestones/agree': Mutation<AgreeItem>;
  'program/risks/save': Mutation<SaveItem<RiskFields>>;
  'program/risks/delete': Mutation<DeleteItem>;
  /** Every epic in scope traced up to the OKRs it serves (reads Jira as the viewer). */
  'program/traceability': {
    request: ProgramRef;
    response: Traceability & { warnings: string[]; hiddenKeys?: number };
  };
  /** Jira users for the party picker. */
  'program/users/search': { request: { query: string }; response: { users: Person[] } };
}
