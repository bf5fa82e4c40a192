import type { ChildIssue, Initiative } from '../domain/initiative/initiative';

/** Custom field ids of this site, discovered from GET /rest/api/3/field; any may be missing. */
export interface SiteFields {
  storyPoints?: string;
  sprint?: string;
  team?: string;
  startDate?: string;
  targetDate?: string;
  epicLink?: string;
}

export interface JiraPort {
  siteFields(): Promise<SiteFields>;
  /** Ids of every issue the viewer can see that matches the JQL, in the JQL's order. */
  searchIssueIds(jql: string): Promise<string[]>;
  fetchInitiatives(issueIds: readonly string[]): Promise<Initiative[]>;
  /** Children of the given epics, through `parent` and the legacy Epic Link field. */
  fetchChildren(epicKeys: readonly string[]): Promise<ChildIssue[]>;
}
