/**
 * The data of one emulated Atlassian site (Jira + Confluence), as the seed generator builds it and the
 * emulator keeps it live. Values are semantic (keys, ids, ISO dates); the emulator renders Atlassian JSON.
 */

export interface GeneratorOptions {
  seed?: number;
  teams?: number;
  epics?: number;
  childrenPerEpic?: number;
  /** Roughly how many "Blocks" dependency links to create (the cross-team cycle comes on top). */
  links?: number;
  /** The site's "today" in epoch ms; sprints and dates are laid around it. Default `Date.now()`, cut to the UTC day. */
  now?: number;
  /**
   * Sets one DATA program epic to the "Confidential" security level, so the demo shows issue security. Default
   * false: the test stacks count every program epic as visible to the TPM's viewers.
   */
  securedDemoEpic?: boolean;
}

export interface DemoUser {
  accountId: string;
  email: string;
  apiToken: string;
  displayName: string;
  /** Project keys this user may browse, or every project. */
  browseProjects: 'all' | string[];
}

export interface DemoProgram {
  id: string;
  name: string;
  scopeJql: string;
}

export interface SiteUser {
  accountId: string;
  displayName: string;
  email: string;
  timeZone: string;
  active: boolean;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusCategory {
  id: number;
  key: StatusCategoryKey;
  colorName: string;
  name: string;
}

export interface Status {
  id: string;
  name: string;
  description: string;
  category: StatusCategory;
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
  /** 1 = Epic, 0 = Story/Task/Bug, -1 = Sub-task. */
  hierarchyLevel: 1 | 0 | -1;
  subtask: boolean;
  avatarId: number;
}

export interface Priority {
  id: string;
  name: string;
  icon: string;
}

/** An Atlassian team (the value of the Team custom field). */
export interface Team {
  id: string;
  name: string;
  projectKey: string;
  leadAccountId: string;
  memberAccountIds: string[];
}

export interface Project {
  id: string;
  key: string;
  name: string;
  teamId: string;
  leadAccountId: string;
  /** How children reach their epic in this project: the `parent` field, or only the legacy Epic Link field. */
  childLink: 'parent' | 'epic-link';
  style: 'classic' | 'next-gen';
}

/** The site-specific ids of the custom fields the app discovers by `schema.custom`. */
export interface CustomFieldIds {
  storyPoints: string;
  sprint: string;
  team: string;
  targetStart: string;
  targetEnd: string;
  startDate: string;
  epicLink: string;
  epicName: string;
  rank: string;
  parentLink: string;
  /** A plain number field also called "Story Points", as real sites have: a decoy for name-based discovery. */
  storyPointsLegacy: string;
  flagged: string;
  issueColor: string;
  development: string;
}

/** One entry of `GET /rest/api/3/field` (schema FieldDetails). */
export interface FieldDefinition {
  id: string;
  key: string;
  name: string;
  /** Custom fields only, as live sites send it. */
  untranslatedName?: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
}

export interface LinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface Issue {
  id: string;
  key: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  /** Plain text; rendered as an Atlassian Document Format paragraph. */
  description: string | null;
  statusId: string;
  priorityId: string;
  assigneeAccountId: string | null;
  reporterAccountId: string;
  labels: string[];
  /** ISO date-times. */
  created: string;
  updated: string;
  statusCategoryChanged: string;
  resolutionDate: string | null;
  /** ISO dates (yyyy-mm-dd). */
  dueDate: string | null;
  startDate: string | null;
  targetStart: string | null;
  targetEnd: string | null;
  /** The `parent` field: epics for children on modern projects, stories for sub-tasks. */
  parentKey: string | null;
  /** The legacy Epic Link custom field (a key string). */
  epicLinkKey: string | null;
  storyPoints: number | null;
  sprintIds: number[];
  teamId: string | null;
  epicName: string | null;
  rank: string;
  /** Issue entity properties by key. */
  properties: Record<string, unknown>;
  /**
   * The issue's security level (the `security` field), one of `SiteData.securityLevels`, when one is set: only
   * the level's members (and the app) see the issue. Sub-tasks take their parent's level.
   */
  securityLevel?: { id: string; name: string } | null;
}

/** An issue security level of the site's issue security scheme. */
export interface SecurityLevel {
  id: string;
  name: string;
  description: string;
  /** Projects whose issue security scheme offers the level. */
  projectKeys: string[];
  /** Who may see an issue set to the level (Jira also allows groups and roles; the emulator keeps account ids). */
  memberAccountIds: string[];
}

/** `source` —outward→ `target`, e.g. for Blocks: PAY-3 blocks ID-7 (ID-7 "is blocked by" PAY-3). */
export interface IssueLink {
  id: string;
  typeId: string;
  sourceKey: string;
  targetKey: string;
}

export interface Board {
  id: number;
  name: string;
  projectKey: string;
  type: 'scrum' | 'kanban';
}

export interface Sprint {
  id: number;
  boardId: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  /** ISO date-times; future sprints have none. */
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  createdDate: string;
  goal: string;
}

export interface Space {
  id: string;
  key: string;
  name: string;
  type: 'global' | 'personal';
  status: 'current' | 'archived';
  authorId: string;
  createdAt: string;
  homepageId: string;
  description: string;
}

export interface ContentVersion {
  number: number;
  createdAt: string;
  message: string;
  minorEdit: boolean;
  authorId: string;
}

export interface PageProperty {
  id: string;
  key: string;
  value: unknown;
  version: ContentVersion;
}

export type PageStatus = 'current' | 'draft' | 'archived' | 'trashed';

export interface Page {
  id: string;
  spaceId: string;
  title: string;
  status: PageStatus;
  parentId: string | null;
  position: number;
  authorId: string;
  ownerId: string;
  createdAt: string;
  version: ContentVersion;
  /** Storage-format XHTML. */
  body: string;
  properties: PageProperty[];
}

export interface Attachment {
  id: string;
  pageId: string;
  title: string;
  mediaType: string;
  comment: string;
  fileId: string;
  createdAt: string;
  version: ContentVersion;
  data: Buffer;
}

/** Facts about the generated program, for tests and the demo. */
export interface ProgramFacts {
  label: string;
  /** The epics labelled with the program label, in creation order. */
  epicKeys: string[];
  /** Epics outside the program that program issues link to. */
  outsideEpicKeys: string[];
  /** The cross-team dependency cycle, closed: e.g. ['PAY-1', 'ID-8', 'MOB-15', 'PAY-1'] (each blocks the next). */
  cycle: string[];
  /** Projects whose epic children use only the legacy Epic Link field. */
  legacyProjectKeys: string[];
  /** Program epics under an issue security level (with `securedDemoEpic`). */
  securedEpicKeys: string[];
}

export interface SiteData {
  seed: number;
  /** The generator's "today" (epoch ms, start of the UTC day). */
  today: number;
  users: SiteUser[];
  teams: Team[];
  projects: Project[];
  statuses: Status[];
  issueTypes: IssueType[];
  priorities: Priority[];
  customFieldIds: CustomFieldIds;
  fields: FieldDefinition[];
  linkTypes: LinkType[];
  /** Ordered by numeric id (creation order). */
  issues: Issue[];
  links: IssueLink[];
  securityLevels: SecurityLevel[];
  boards: Board[];
  sprints: Sprint[];
  spaces: Space[];
  pages: Page[];
  attachments: Attachment[];
  program: ProgramFacts;
  /** Counters for entities created later through the API. */
  nextIds: { page: number; pageProperty: number; attachment: number; link: number };
}
