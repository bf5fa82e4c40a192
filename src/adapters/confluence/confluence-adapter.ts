// ConfluencePort on the v2 pages API (and v1 attachments), as the owner (publish now) or the app (trigger).
// Responses are read with small guards: only the fields publishing relies on are checked.
import { AtlassianApiError } from '../../ports/atlassian-errors';
import type {
  ConfluencePage,
  ConfluencePort,
  ConfluenceSpace,
  NewPage,
  PageProperty,
  PageUpdate,
} from '../../ports/confluence';
import * as endpoints from './endpoints';
import type { Actor } from './endpoints';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function unexpected(operation: string, what: string): AtlassianApiError {
  return new AtlassianApiError(`${operation} answered without ${what}`, { operation });
}

function readProperty(value: unknown): PageProperty | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.key !== 'string') return undefined;
  const version =
    isRecord(value.version) && typeof value.version.number === 'number' ? value.version.number : 1;
  return { id: value.id, key: value.key, value: value.value, version };
}

export function readPage(operation: string, json: unknown): ConfluencePage {
  if (!isRecord(json) || typeof json.id !== 'string') throw unexpected(operation, 'a page id');
  const version = isRecord(json.version) ? json.version.number : undefined;
  if (typeof version !== 'number') throw unexpected(operation, 'a page version');
  const storage = isRecord(json.body) && isRecord(json.body.storage) ? json.body.storage.value : undefined;
  const properties =
    isRecord(json.properties) && Array.isArray(json.properties.results)
      ? json.properties.results.map(readProperty).filter((p): p is PageProperty => p !== undefined)
      : [];
  const links = isRecord(json._links) ? json._links : {};
  const base = typeof links.base === 'string' ? links.base : '';
  const webui = typeof links.webui === 'string' ? links.webui : '';
  return {
    id: json.id,
    title: typeof json.title === 'string' ? json.title : '',
    spaceId: typeof json.spaceId === 'string' ? json.spaceId : '',
    parentId: typeof json.parentId === 'string' ? json.parentId : undefined,
    status: typeof json.status === 'string' ? json.status : 'current',
    version,
    body: typeof storage === 'string' ? storage : '',
    properties,
    url: `${base}${webui}`,
  };
}

function readSpace(operation: string, json: unknown, listBase: string | undefined): ConfluenceSpace {
  if (!isRecord(json) || typeof json.id !== 'string' || typeof json.key !== 'string')
    throw unexpected(operation, 'a space id and key');
  const base =
    isRecord(json._links) && typeof json._links.base === 'string' ? json._links.base : (listBase ?? '');
  return {
    id: json.id,
    key: json.key,
    name: typeof json.name === 'string' ? json.name : json.key,
    siteUrl: base.replace(/\/wiki\/?$/, ''),
    homepageId: typeof json.homepageId === 'string' ? json.homepageId : undefined,
  };
}

export class ConfluenceAdapter implements ConfluencePort {
  constructor(private readonly actor: Actor) {}

  async getSpace(spaceId: string): Promise<ConfluenceSpace | undefined> {
    const json = await endpoints.getSpaceById(this.actor, spaceId);
    return json === undefined ? undefined : readSpace('getSpaceById', json, undefined);
  }

  async listSpaces(): Promise<ConfluenceSpace[]> {
    const json = await endpoints.getSpaces(this.actor);
    if (!isRecord(json) || !Array.isArray(json.results)) throw unexpected('getSpaces', 'results');
    const base = isRecord(json._links) && typeof json._links.base === 'string' ? json._links.base : undefined;
    return json.results.map((space) => readSpace('getSpaces', space, base));
  }

  async getPage(pageId: string): Promise<ConfluencePage | undefined> {
    const json = await endpoints.getPageById(this.actor, pageId);
    if (json === undefined) return undefined;
    const page = readPage('getPageById', json);
    return page.status === 'current' ? page : undefined;
  }

  async findPageIdsByTitle(spaceId: string, title: string): Promise<string[]> {
    const json = await endpoints.getPagesByTitle(this.actor, spaceId, title);
    if (!isRecord(json) || !Array.isArray(json.results)) throw unexpected('getPages', 'results');
    return json.results
      .filter((p): p is Json => isRecord(p) && typeof p.id === 'string' && p.title === title)
      .map((p) => String(p.id));
  }

  async createPage(page: NewPage): Promise<ConfluencePage> {
    const json = await endpoints.createPage(this.actor, {
      spaceId: page.spaceId,
      parentId: page.parentId,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: page.body },
    });
    return readPage('createPage', json);
  }

  async updatePage(update: PageUpdate): Promise<void> {
    await endpoints.updatePage(this.actor, update.id, {
      id: update.id,
      status: 'current',
      title: update.title,
      body: { representation: 'storage', value: update.body },
      version: { number: update.version, message: update.message },
    });
  }

  async createProperty(pageId: string, key: string, value: unknown): Promise<void> {
    await endpoints.createPageProperty(this.actor, pageId, { key, value });
  }

  async updateProperty(pageId: string, property: PageProperty, value: unknown): Promise<void> {
    await endpoints.updatePagePropertyById(this.actor, pageId, property.id, {
      key: property.key,
      value,
      version: { number: property.version + 1 },
    });
  }

  async putAttachment(
    pageId: string,
    file: { filename: string; mediaType: string; content: string },
  ): Promise<void> {
    await endpoints.createOrUpdateAttachment(this.actor, pageId, file);
  }
}
