// Scope: the program's initiatives (epics), their children and dependencies.
import type { InitiativeRow } from '../domain/scope/initiative-rows';
import type { ProgramSummary } from './program';

export type { InitiativeRow };

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface ChildProgress {
  total: number;
  done: number;
  inProgress: number;
  toDo: number;
}

export interface ProgramInitiatives {
  program: ProgramSummary;
  initiatives: InitiativeRow[];
  /** Fields the site lacks or data we could not read, said plainly. */
  warnings: string[];
}

/** The Scope table's rows as the app last read them (hourly), only those the viewer may see. */
export interface ScopeSnapshotRows {
  /** ISO time the app read the scope. */
  builtAt: string;
  initiatives: InitiativeRow[];
  /** Initiatives left out: in projects the viewer may not browse, or under an issue security level. */
  hidden: number;
}

export interface ProgramInitiativesSnapshot {
  program: ProgramSummary;
  /** Null when there is no recent snapshot: the live load is the only source. */
  snapshot: ScopeSnapshotRows | null;
}

export interface ScopeContract {
  'program/initiatives': { request: { programId: string }; response: ProgramInitiatives };
  /** The last snapshot's rows, to show at once while `program/initiatives` reads Jira. */
  'program/initiatives/snapshot': { request: { programId: string }; response: ProgramInitiativesSnapshot };
  'program/dependencies': { request: { programId: string }; response: ProgramDependencies };
}

/** One Jira issue link behind a dependency edge: `fromKey` blocks `toKey`. */
export interface DependencyEvidence {
  linkId: string;
  linkType: string;
  fromKey: string;
  toKey: string;
}

/**
 * Initiative `to` depends on initiative `from` (from must finish first): an epic-level edge,
 * rolled up from links between the epics themselves and between their children.
 */
export interface DependencyEdge {
  from: string;
  to: string;
  crossTeam: boolean;
  evidence: DependencyEvidence[];
}

/** A link from an initiative (or one of its children) to an issue outside the program's scope. */
export interface ExternalDependency {
  initiativeKey: string;
  /** The issue in scope that carries the link: the epic itself or one of its children. */
  viaKey: string;
  otherKey: string;
  /** upstream: the outside issue must finish first; downstream: it waits for us. */
  direction: 'upstream' | 'downstream';
  linkId: string;
  linkType: string;
  otherSummary?: string;
  otherStatus?: { name: string; category: StatusCategory };
}

export interface DependencyCycle {
  /** Initiative keys around the cycle, the first repeated at the end: ['PAY-1', 'ID-4', 'PAY-1']. */
  path: string[];
  /** The Jira links that close the cycle, edge by edge. */
  evidence: DependencyEvidence[];
}

export interface DependencyNode {
  key: string;
  summary: string;
  team: string;
  status: { name: string; category: StatusCategory };
  /** Story points of the epic (or the sum of its children's) when the site has the field. */
  estimate: number | null;
  /** 0 for initiatives that wait for nothing; n = longest chain of dependencies before it. Null inside a cycle. */
  generation: number | null;
  onCriticalPath: boolean;
}

export interface ProgramDependencies {
  program: ProgramSummary;
  nodes: DependencyNode[];
  edges: DependencyEdge[];
  cycles: DependencyCycle[];
  external: ExternalDependency[];
  /** Initiative keys of the longest chain by estimate, first to last. */
  criticalPath: string[];
  /** Link type names treated as dependencies for this program. */
  linkTypes: string[];
  warnings: string[];
}
