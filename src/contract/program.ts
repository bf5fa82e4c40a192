// Programs: list, create, edit, stage (Initiation and beyond).

export type ProgramStage = 'initiation' | 'planning' | 'execution' | 'completion' | 'closed';

export interface ProgramSummary {
  id: string;
  name: string;
  stage: ProgramStage;
  scopeJql: string;
}

export interface ProgramContract {
  'program/list': { request: Record<string, never>; response: { programs: ProgramSummary[] } };
}
