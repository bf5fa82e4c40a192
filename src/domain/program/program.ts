import type { RiskSeverity } from '../risks/risk';

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
  /** When the execution status turns amber or red; absent on older records, which use the defaults. */
  ragThresholds?: RagThresholds | undefined;
  /** Bumped on every write; a write naming an older version is refused (optimistic concurrency). */
  version: number;
}

/** When the program's execution status turns amber or red; owners tune it per program. */
export interface RagThresholds {
  /** Percentage points behind the progress the plan expects by now that turn the status amber / red. */
  behindAmber: number;
  behindRed: number;
  /** Risk severities (detected, or live in the register) that turn the status amber / red. */
  riskAmber: RiskSeverity[];
  riskRed: RiskSeverity[];
  /** Days a milestone is late, or scheduled to end late, that turn the status amber / red. */
  milestoneSlipAmberDays: number;
  milestoneSlipRedDays: number;
}

export const DEFAULT_RAG_THRESHOLDS: Readonly<RagThresholds> = {
  behindAmber: 10,
  behindRed: 25,
  riskAmber: ['high'],
  riskRed: ['critical'],
  milestoneSlipAmberDays: 1,
  milestoneSlipRedDays: 8,
};

/** What is inconsistent in a set of thresholds (each red bound at or past its amber one, no severity in both). */
export function ragThresholdProblems(t: RagThresholds): { path: keyof RagThresholds; message: string }[] {
  const problems: { path: keyof RagThresholds; message: string }[] = [];
  if (t.behindRed < t.behindAmber)
    problems.push({ path: 'behindRed', message: 'Red must start at or past amber (points behind plan).' });
  if (t.milestoneSlipRedDays < t.milestoneSlipAmberDays)
    problems.push({
      path: 'milestoneSlipRedDays',
      message: 'Red must start at or past amber (days of milestone slip).',
    });
  const both = t.riskRed.filter((s) => t.riskAmber.includes(s));
  if (both.length > 0)
    problems.push({
      path: 'riskRed',
      message: `A severity turns the status amber or red, not both: ${both.join(', ')}.`,
    });
  return problems;
}

/** The program's thresholds, or the defaults for a record written before they existed. */
export function ragThresholdsOf(program: Pick<ProgramRecord, 'ragThresholds'>): RagThresholds {
  const t = program.ragThresholds ?? DEFAULT_RAG_THRESHOLDS;
  return { ...t, riskAmber: [...t.riskAmber], riskRed: [...t.riskRed] };
}

/** When a closed program was closed (its last move to closed); null while it is open. */
export function closedAtOf(program: {
  stage: string;
  stageHistory: readonly { to: string; at: string }[];
}): string | null {
  if (program.stage !== 'closed') return null;
  return [...program.stageHistory].reverse().find((h) => h.to === 'closed')?.at ?? null;
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
