// What publishing needs from Confluence. Errors are the typed ones of ./atlassian-errors.
import type { Artifact } from '../domain/publishing/documents';
import type { PublishRun, PublishTarget } from '../domain/publishing/records';

export interface PageProperty {
  id: string;
  key: string;
  value: unknown;
  version: number;
}

export interface ConfluencePage {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | undefined;
  status: string;
  version: number;
  /** Storage format body. */
  body: string;
  properties: PageProperty[];
  /** Absolute link to the page. */
  url: string;
}

export interface ConfluenceSpace {
  id: string;
  key: string;
  name: string;
  /** The site's base URL (no /wiki): Jira issue links on the pages start with it. */
  siteUrl: string;
  /** The space's home page: the default parent of a program's pages. */
  homepageId: string | undefined;
}

export interface NewPage {
  spaceId: string;
  parentId: string;
  title: string;
  body: string;
}

export interface PageUpdate {
  id: string;
  title: string;
  body: string;
  /** The new version: the one read plus one. */
  version: number;
  message: string;
}

export interface ConfluencePort {
  getSpace(spaceId: string): Promise<ConfluenceSpace | undefined>;
  /** The current spaces the caller can see (first 250). */
  listSpaces(): Promise<ConfluenceSpace[]>;
  /** The page with its storage body and properties; undefined when it is gone or trashed. */
  getPage(pageId: string): Promise<ConfluencePage | undefined>;
  /** Ids of the current pages with exactly this title in the space (titles are unique per space). */
  findPageIdsByTitle(spaceId: string, title: string): Promise<string[]>;
  /** Not idempotent: callers look the page up before and after a failed create. */
  createPage(page: NewPage): Promise<ConfluencePage>;
  /** ConflictError when someone saved a newer version first. */
  updatePage(update: PageUpdate): Promise<void>;
  createProperty(pageId: string, key: string, value: unknown): Promise<void>;
  updateProperty(pageId: string, property: PageProperty, value: unknown): Promise<void>;
  /** Adds the file, or a new version of it when the page has one by that name. */
  putAttachment(
    pageId: string,
    file: { filename: string; mediaType: string; content: string },
  ): Promise<void>;
}

/** The app's own publishing records (KVS). */
export interface PublishStore {
  getTarget(programId: string): Promise<PublishTarget | undefined>;
  setTarget(programId: string, target: PublishTarget): Promise<void>;
  /** The page id the app created for an artifact, recorded right after the create (search may lag). */
  getPageId(programId: string, artifact: Artifact, period: string | null): Promise<string | undefined>;
  setPageId(programId: string, artifact: Artifact, period: string | null, pageId: string): Promise<void>;
  history(programId: string): Promise<PublishRun[]>;
  addRun(run: PublishRun): Promise<void>;
  /** The scheduled run of a period, so a trigger fired twice publishes once. */
  getScheduledRun(programId: string, period: string): Promise<string | undefined>;
  setScheduledRun(programId: string, period: string, runId: string): Promise<void>;
}
