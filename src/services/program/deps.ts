import type { ProgramStore } from '../../ports/program-store';

/** What the program use cases need: the store, the time and fresh ids (injected for tests). */
export interface ProgramDeps {
  programs: ProgramStore;
  /** The current time as an ISO string. */
  now: () => string;
  newId: () => string;
}
