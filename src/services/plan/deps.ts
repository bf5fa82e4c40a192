import type { BoardSprint } from '../../domain/calendar/types';
import type { JiraPort } from '../../ports/jira';
import type { PlanStore } from '../../ports/plan-store';
import type { ProgramStore } from '../../ports/program-store';
import { ProgramNotFoundError } from '../errors';

export interface AgileBoardRef {
  id: number;
  name: string;
  type: string;
  projectKey: string | null;
}

/** What the quarter plan use cases need, as the viewer; time and ids injected. */
export interface PlanDeps {
  programs: ProgramStore;
  plans: PlanStore;
  jira: JiraPort;
  agile: {
    boardsOfProject(projectKeyOrId: string): Promise<AgileBoardRef[]>;
    sprintsOfBoard(boardId: number): Promise<BoardSprint[]>;
  };
  /** The epics' programs.commitments issue property. */
  commitmentsProperty: {
    get(issueKey: string): Promise<unknown>;
    set(issueKey: string, value: unknown): Promise<void>;
  };
  accountId: string | undefined;
  now: () => string;
  newId: () => string;
}

/** A plan (or a part of one) that does not exist: answered as NOT_FOUND. */
export class PlanNotFoundError extends ProgramNotFoundError {
  constructor(programId: string, what: string) {
    super(programId);
    this.message = what;
  }
}
