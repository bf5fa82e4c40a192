export type ProgramStage = 'initiation' | 'planning' | 'execution' | 'completion' | 'closed';

export const PROGRAM_STAGES: readonly ProgramStage[] = [
  'initiation',
  'planning',
  'execution',
  'completion',
  'closed',
];

/** A team involved in the program; its lead may edit the team's own data. */
export interface ProgramTeam {
  id: string;
  name: string;
  /** The Jira Team field value or the project key the team works in. */
  jiraTeam: string;
  leadAccountId: string | null;
  /** Story points (or sprint-days) the team can give the program per sprint. */
  capacityPerSprint: number;
}

export interface Person {
  accountId: string;
  displayName: string;
}

/** A stage move; an override records that the gate was passed with artifacts missing. */
export interface StageChange {
  from: ProgramStage | null;
  to: ProgramStage;
  at: string;
  by: string;
  override: { reason: string; missing: string[] } | null;
}

export interface ProgramRecord {
  id: string;
  name: string;
  stage: ProgramStage;
  /** JQL that selects the program's epics (the scope filter). */
  scopeJql: string;
  /** Jira issue link type names read as dependencies (e.g. Blocks). */
  dependencyLinkTypes: string[];
  /** TPM accountIds who own the program. */
  owners: string[];
  sponsor: string | null;
  stakeholders: string[];
  teams: ProgramTeam[];
  /** Display names of the people named in the program, as the user picker gave them. */
  people: Person[];
  /** The high-level description, tied to the OKRs it serves. */
  description: string;
  expectedBenefits: string;
  resourcesNeeded: string;
  stageHistory: StageChange[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every write; a write naming an older version is refused (optimistic concurrency). */
  version: number;
}

export const DEFAULT_DEPENDENCY_LINK_TYPES: readonly string[] = ['Blocks'];

/** What a creator must give; the rest takes defaults. */
export type NewProgram = Pick<ProgramRecord, 'id' | 'name' | 'stage' | 'scopeJql' | 'owners' | 'createdAt'> &
  Partial<Omit<ProgramRecord, 'id' | 'name' | 'stage' | 'scopeJql' | 'owners' | 'createdAt'>>;

export function newProgramRecord(input: NewProgram): ProgramRecord {
  return {
    dependencyLinkTypes: [...DEFAULT_DEPENDENCY_LINK_TYPES],
    sponsor: null,
    stakeholders: [],
    teams: [],
    people: [],
    description: '',
    expectedBenefits: '',
    resourcesNeeded: '',
    stageHistory: [],
    archived: false,
    updatedAt: input.createdAt,
    version: 1,
    ...input,
  };
}
