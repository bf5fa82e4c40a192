import type {
  Board,
  DemoUser,
  Issue,
  IssueLink,
  IssueType,
  LinkType,
  Priority,
  Project,
  SecurityLevel,
  SiteData,
  SiteUser,
  Sprint,
  Status,
  Team,
} from '../seed/index';

/** Who is calling: a demo user (HTTP Basic) or the Forge app (Bearer token). */
/** Demo users who may browse but never edit (they get EDIT_ISSUES nowhere). */
export const VIEW_ONLY_EMAILS: ReadonlySet<string> = new Set(['contractor@example.com']);

export type Caller = { kind: 'app' } | { kind: 'user'; user: DemoUser };

interface PropertyRevision {
  /** `undefined` = the property did not exist (deleted). */
  value: unknown;
  visibleFrom: number;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The live site plus the indexes that keep searches fast at 20,000+ issues. */
export class SiteState {
  readonly issuesByKey = new Map<string, Issue>();
  readonly issuesById = new Map<string, Issue>();
  /** Position of each issue in key order (project key, then number). */
  readonly keyOrder = new Map<Issue, number>();
  sortedByKey: Issue[] = [];
  readonly byProject = new Map<string, Issue[]>();
  readonly byParent = new Map<string, Issue[]>();
  readonly byEpicLink = new Map<string, Issue[]>();
  readonly byLabel = new Map<string, Issue[]>();
  readonly byType = new Map<string, Issue[]>();
  readonly linksByIssue = new Map<string, IssueLink[]>();
  readonly projectsByKey = new Map<string, Project>();
  readonly projectsById = new Map<string, Project>();
  readonly statusesById = new Map<string, Status>();
  readonly typesById = new Map<string, IssueType>();
  readonly prioritiesById = new Map<string, Priority>();
  readonly usersById = new Map<string, SiteUser>();
  readonly teamsById = new Map<string, Team>();
  readonly sprintsById = new Map<number, Sprint>();
  readonly boardsById = new Map<number, Board>();
  readonly linkTypesById = new Map<string, LinkType>();
  readonly securityLevelsById = new Map<string, SecurityLevel>();
  /** Issue property history as search sees it, for issues written through the API (search lag). */
  private readonly searchedProperties = new Map<string, Map<string, PropertyRevision[]>>();
  private indexedShape = '';

  constructor(readonly site: SiteData) {
    this.reindex();
  }

  /** Rebuilds every index; call after changing issues or links in `site` directly. */
  reindex(): void {
    const s = this.site;
    for (const map of [
      this.issuesByKey,
      this.issuesById,
      this.byProject,
      this.byParent,
      this.byEpicLink,
      this.byLabel,
      this.byType,
      this.linksByIssue,
    ])
      map.clear();
    this.keyOrder.clear();
    this.projectsByKey.clear();
    this.projectsById.clear();
    for (const p of s.projects) {
      this.projectsByKey.set(p.key, p);
      this.projectsById.set(p.id, p);
    }
    const fill = <K, V>(map: Map<K, V>, entries: [K, V][]): void => {
      map.clear();
      for (const [k, v] of entries) map.set(k, v);
    };
    fill(
      this.statusesById,
      s.statuses.map((x) => [x.id, x]),
    );
    fill(
      this.typesById,
      s.issueTypes.map((x) => [x.id, x]),
    );
    fill(
      this.prioritiesById,
      s.priorities.map((x) => [x.id, x]),
    );
    fill(
      this.usersById,
      s.users.map((x) => [x.accountId, x]),
    );
    fill(
      this.teamsById,
      s.teams.map((x) => [x.id, x]),
    );
    fill(
      this.sprintsById,
      s.sprints.map((x) => [x.id, x]),
    );
    fill(
      this.boardsById,
      s.boards.map((x) => [x.id, x]),
    );
    fill(
      this.linkTypesById,
      s.linkTypes.map((x) => [x.id, x]),
    );
    fill(
      this.securityLevelsById,
      s.securityLevels.map((x) => [x.id, x]),
    );
    for (const issue of s.issues) {
      this.issuesByKey.set(issue.key, issue);
      this.issuesById.set(issue.id, issue);
      push(this.byProject, issue.projectKey, issue);
      if (issue.parentKey) push(this.byParent, issue.parentKey, issue);
      if (issue.epicLinkKey) push(this.byEpicLink, issue.epicLinkKey, issue);
      for (const label of issue.labels) push(this.byLabel, label.toLowerCase(), issue);
      push(this.byType, issue.issueTypeId, issue);
    }
    for (const link of s.links) {
      push(this.linksByIssue, link.sourceKey, link);
      if (link.targetKey !== link.sourceKey) push(this.linksByIssue, link.targetKey, link);
    }
    const number = (key: string): number => Number(key.slice(key.lastIndexOf('-') + 1));
    const project = (key: string): string => key.slice(0, key.lastIndexOf('-'));
    this.sortedByKey = [...s.issues].sort((a, b) => {
      const pa = project(a.key);
      const pb = project(b.key);
      return pa < pb ? -1 : pa > pb ? 1 : number(a.key) - number(b.key);
    });
    this.sortedByKey.forEach((issue, i) => this.keyOrder.set(issue, i));
    this.indexedShape = this.shape();
  }

  /** Reindexes when issues or links were added or removed in `site` behind the emulator's back. */
  refreshIfChanged(): void {
    if (this.shape() !== this.indexedShape) this.reindex();
  }

  private shape(): string {
    return `${this.site.issues.length}/${this.site.links.length}/${this.site.projects.length}`;
  }

  /** Finds an issue by id or key (keys case-insensitively, as Jira does). */
  findIssue(idOrKey: string): Issue | undefined {
    return this.issuesById.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }

  canBrowse(caller: Caller, projectKey: string): boolean {
    if (caller.kind === 'app') return true;
    const allowed = caller.user.browseProjects;
    return allowed === 'all' || allowed.includes(projectKey);
  }

  /**
   * Edit rights (EDIT_ISSUES, and setting issue properties) go with browse rights, except for view-only
   * users: the contractor may look at MOB but change nothing.
   */
  canEdit(caller: Caller, projectKey: string): boolean {
    if (!this.canBrowse(caller, projectKey)) return false;
    return caller.kind === 'app' || !VIEW_ONLY_EMAILS.has(caller.user.email);
  }

  /** The level that guards an issue: its own, or for a sub-task its parent's (sub-tasks inherit it in Jira). */
  securityLevelOf(issue: Issue): { id: string; name: string } | null {
    const parent =
      issue.parentKey && this.typesById.get(issue.issueTypeId)?.subtask
        ? this.issuesByKey.get(issue.parentKey)
        : undefined;
    return (parent ?? issue).securityLevel ?? null;
  }

  /**
   * Browse permission on the project, and for an issue under a security level membership of that level: Jira
   * leaves such an issue out of search, bulk fetch and links for everyone else and answers 404 on reads
   * (https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/). The app
   * (asApp) sees every issue. A level missing from the site guards the issue from every user.
   */
  canSee(caller: Caller, issue: Issue): boolean {
    if (!this.canBrowse(caller, issue.projectKey)) return false;
    const level = this.securityLevelOf(issue);
    if (!level || caller.kind === 'app') return true;
    return this.securityLevelsById.get(level.id)?.memberAccountIds.includes(caller.user.accountId) ?? false;
  }

  /** The issue if it exists and the caller may see it. */
  visibleIssue(caller: Caller, idOrKey: string): Issue | undefined {
    const issue = this.findIssue(idOrKey);
    return issue && this.canSee(caller, issue) ? issue : undefined;
  }

  /** Writes an issue property now; search sees the write only `lagMs` later. */
  setProperty(issue: Issue, key: string, value: unknown, now: number, lagMs: number): void {
    this.recordRevision(issue, key, now, lagMs);
    issue.properties[key] = value;
    this.revisionsOf(issue, key).push({ value, visibleFrom: now + lagMs });
  }

  deleteProperty(issue: Issue, key: string, now: number, lagMs: number): void {
    this.recordRevision(issue, key, now, lagMs);
    delete issue.properties[key];
    this.revisionsOf(issue, key).push({ value: undefined, visibleFrom: now + lagMs });
  }

  /** The property value as search/jql sees it at `now` (or the current value when `fresh`). */
  searchedProperty(issue: Issue, key: string, now: number, fresh: boolean): unknown {
    const revisions = this.searchedProperties.get(issue.id)?.get(key);
    if (fresh || !revisions) return issue.properties[key];
    let value: unknown;
    for (const r of revisions) if (r.visibleFrom <= now) value = r.value;
    return value;
  }

  private revisionsOf(issue: Issue, key: string): PropertyRevision[] {
    let byKey = this.searchedProperties.get(issue.id);
    if (!byKey) {
      byKey = new Map();
      this.searchedProperties.set(issue.id, byKey);
    }
    let revisions = byKey.get(key);
    if (!revisions) {
      revisions = [];
      byKey.set(key, revisions);
    }
    return revisions;
  }

  /** Remembers the value search saw before the first API write, and drops revisions nobody can see anymore. */
  private recordRevision(issue: Issue, key: string, now: number, _lagMs: number): void {
    const revisions = this.revisionsOf(issue, key);
    if (revisions.length === 0)
      revisions.push({ value: issue.properties[key], visibleFrom: Number.NEGATIVE_INFINITY });
    let lastVisible = -1;
    revisions.forEach((r, i) => {
      if (r.visibleFrom <= now) lastVisible = i;
    });
    if (lastVisible > 0) revisions.splice(0, lastVisible);
  }
}
