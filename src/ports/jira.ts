import type { LinkTypeRef, ScopeChild, ScopeEpic } from '../domain/scope/types';

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
  /** The site's issue link types (ids and names, with their inward and outward phrases). */
  linkTypes(): Promise<LinkTypeRef[]>;
  /** Epics by id, in the given order, with team, story points and issue links; invisible ones are absent. */
  fetchInitiatives(issueIds: readonly string[]): Promise<ScopeEpic[]>;
  /**
   * Children of the given epics (ids or keys), through `parent` and the legacy Epic Link field, with story
   * points and issue links. `epicKey` is the epic's key as the child names it.
   */
  fetchChildren(epicIdsOrKeys: readonly string[]): Promise<ScopeChild[]>;
}
