// Epic panel (jira:issuePanel on epics): the programs an epic belongs to, adding and removing it,
// and its dependencies. The issue comes from the panel's Forge context; a payload issueKey must match it.
import type { ProgramSummary } from './program';
import type { DependencyEvidence, StatusCategory } from './scope';

/** How an epic belongs to a program: its scope filter (JQL) matches it, or a team added it explicitly. */
export type MembershipSource = 'filter' | 'explicit';

export interface EpicProgram {
  program: ProgramSummary;
  /** Empty when the epic is not in the program. */
  via: MembershipSource[];
}

export interface EpicPrograms {
  issue: { id: string; key: string };
  /** Every program the viewer may read, with this epic's membership in it. */
  programs: EpicProgram[];
  /** The viewer may edit the issue, so may add it to or remove it from programs. */
  canEdit: boolean;
  warnings: string[];
}

export interface EpicMembershipChange {
  issueKey: string;
  programId: string;
  /** The programs the epic is now explicitly a member of. */
  programIds: string[];
  /** False when the epic already was (add) or was not (remove) a member: nothing was written. */
  changed: boolean;
}

export interface EpicDependency {
  /** The other initiative (or, for external ones, the other issue). */
  key: string;
  summary: string | null;
  team: string | null;
  status: { name: string; category: StatusCategory } | null;
  /** upstream: it must finish before this epic; downstream: it waits for this epic. */
  direction: 'upstream' | 'downstream';
  /** Outside the program's scope. */
  external: boolean;
  evidence: DependencyEvidence[];
}

export interface EpicProgramDependencies {
  program: ProgramSummary;
  upstream: EpicDependency[];
  downstream: EpicDependency[];
}

export interface EpicDependencies {
  issueKey: string;
  /** One entry per program the epic is in (and the viewer may read). */
  programs: EpicProgramDependencies[];
  warnings: string[];
}

export interface EpicPanelContract {
  'epic/programs': { request: { issueKey: string }; response: EpicPrograms };
  'epic/membership/add': { request: { issueKey: string; programId: string }; response: EpicMembershipChange };
  'epic/membership/remove': {
    request: { issueKey: string; programId: string };
    response: EpicMembershipChange;
  };
  'epic/dependencies': { request: { issueKey: string }; response: EpicDependencies };
}
