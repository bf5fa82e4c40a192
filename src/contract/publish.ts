// Publishing to Confluence: where a program publishes, Publish now, and the publish history.
export type { PublishTarget, PublishRun, PublishedPage, PageOutcome } from '../domain/publishing/records';
export type { Artifact } from '../domain/publishing/documents';
import type { ReportCadence } from '../domain/publishing/period';
import type { PublishRun, PublishTarget } from '../domain/publishing/records';

export interface PublishOverview {
  target: PublishTarget | null;
  /** Latest first. */
  history: PublishRun[];
  /** Owners may change the target and publish. */
  canPublish: boolean;
}

export type SavePublishTarget = {
  programId: string;
  spaceId: string;
  parentPageId: string;
  reportCadence: ReportCadence;
};

export interface PublishSpace {
  id: string;
  key: string;
  name: string;
  homepageId: string | null;
}

export interface PublishContract {
  'publish/spaces': { request: { programId: string }; response: { spaces: PublishSpace[] } };
  'publish/get': { request: { programId: string }; response: PublishOverview };
  'publish/target/save': { request: SavePublishTarget; response: PublishTarget };
  'publish/now': { request: { programId: string }; response: PublishRun };
}
