export type ProgramStage = 'initiation' | 'planning' | 'execution' | 'completion' | 'closed';

export const PROGRAM_STAGES: readonly ProgramStage[] = [
  'initiation',
  'planning',
  'execution',
  'completion',
  'closed',
];

export interface ProgramRecord {
  id: string;
  name: string;
  stage: ProgramStage;
  /** JQL that selects the program's epics (the scope filter). */
  scopeJql: string;
  /** TPM accountIds who own the program. */
  owners: string[];
  createdAt: string;
}
