// Scope: the program's initiatives (epics), their children and dependencies.
import type { ProgramSummary } from './program';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface ChildProgress {
  total: number;
  done: number;
  inProgress: number;
  toDo: number;
}

export interface InitiativeRow {
  id: string;
  key: string;
  summary: string;
  /** Team name from the site's Team field, else the project name. */
  team: string;
  status: { name: string; category: StatusCategory };
  children: ChildProgress;
}

export interface ProgramInitiatives {
  program: ProgramSummary;
  initiatives: InitiativeRow[];
  /** Fields the site lacks or data we could not read, said plainly. */
  warnings: string[];
}

export interface ScopeContract {
  'program/initiatives': { request: { programId: string }; response: ProgramInitiatives };
}
