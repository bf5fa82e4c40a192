import type { JiraPort } from '../../ports/jira';
import type { PlanStore } from '../../ports/plan-store';
import type { ProgramStore } from '../../ports/program-store';
import type { BrowseCheckDeps } from '../visibility';

/** What the Completion use cases need, as the caller; time and ids injected. */
export interface CompletionDeps {
  programs: ProgramStore;
  plans: PlanStore;
  /** Jira as the caller (the analysis reads the scope as they may see it). */
  jira: JiraPort;
  accountId: string | undefined;
  /** The current time as an ISO string. */
  now: () => string;
  newId: () => string;
  /**
   * What the caller may browse, asked of Jira as them. They are shown records without the issues they cannot
   * browse; with it, an edit of a stored record gets those back. Without it, an edit is saved as sent.
   */
  browse?: BrowseCheckDeps;
}
