import type { BoardSprint } from '../../domain/calendar/types';
import type { JiraPort } from '../../ports/jira';
import type { PlanStore } from '../../ports/plan-store';
import type { ProgramStore } from '../../ports/program-store';
import { ProgramNotFoundError } from '../errors';
import type { BrowseCheckDeps } from '../visibility';

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
  /**
   * What the caller may browse, asked of Jira as them: they were shown the plan without the other issues, and
   * their edits get those back (lists, texts) before a save.
   */
  browse?: BrowseCheckDeps;
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
