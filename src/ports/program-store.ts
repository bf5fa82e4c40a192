import type { NewProgram, ProgramRecord } from '../domain/program/program';

export interface ProgramStore {
  get(programId: string): Promise<ProgramRecord | undefined>;
  list(): Promise<ProgramRecord[]>;
  /** Creates the program; fails with ProgramExistsError when the id is taken. */
  create(program: NewProgram): Promise<void>;
}
