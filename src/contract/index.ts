// Resolver keys and their request/response types, shared by src/resolvers and the Custom UI.
// Keys read like routes; every resolver answers with one Envelope.

export type ErrorType =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM'
  | 'INTERNAL';

export interface ResolverError {
  errorType: ErrorType;
  message: string;
  /** For VALIDATION: the payload path that failed, e.g. `programId`. */
  path?: string;
}

export type Envelope<T> = { success: true; data: T } | { success: false; errors: ResolverError[] };

export type ProgramStage = 'initiation' | 'planning' | 'execution' | 'completion' | 'closed';

export interface ProgramSummary {
  id: string;
  name: string;
  stage: ProgramStage;
  scopeJql: string;
}

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

export interface ResolverContract {
  'program/list': { request: Record<string, never>; response: { programs: ProgramSummary[] } };
  'program/initiatives': { request: { programId: string }; response: ProgramInitiatives };
}

export type ResolverKey = keyof ResolverContract;
export type RequestOf<K extends ResolverKey> = ResolverContract[K]['request'];
export type ResponseOf<K extends ResolverKey> = ResolverContract[K]['response'];
