import type { ContentVersion, Page, PageProperty, PageStatus, Space } from '../../seed/index';
import {
  confluenceError,
  isRecord,
  ok,
  queryAll,
  queryBool,
  queryFirst,
  queryInt,
  type ApiContext,
  type ApiRequest,
  type ApiResponse,
} from '../http';
import { APP_USER } from '../jira/meta';
import { listParam } from '../jira/render';
import { indexPage, listedAs } from './search-index';

const V2 = '/wiki/api/v2';
/** Confluence's limit on a content property's JSON value. */
export const PAGE_PROPERTY_MAX_CHARS = 32_768;

const badRequest = (title: string): ApiResponse => confluenceError(400, 'INVALID_REQUEST_PARAMETER', title);
const notFound = (title = 'Not Found'): ApiResponse => confluenceError(404, 'NOT_FOUND', title);

export function authorIdOf(ctx: ApiContext): string {
  return ctx.caller.kind === 'app' ? APP_USER.accountId : ctx.caller.user.accountId;
}

function version(ctx: ApiContext, number: number, message = '', minorEdit = false): ContentVersion {
  return {
    number,
    createdAt: new Date(ctx.now).toISOString(),
    message,
    minorEdit,
    authorId: authorIdOf(ctx),
  };
}

/** Cursor paging as Confluence v2 does it: an opaque cursor in `_links.next` and the `Link` header. */
function paginate<T>(
  req: ApiRequest,
  ctx: ApiContext,
  items: T[],
  path: string,
): { results: T[]; links: Record<string, string>; headers: Record<string, string> } | ApiResponse {
  const limit = queryInt(req, 'limit') ?? 25;
  if (Number.isNaN(limit) || limit < 1 || limit > 250)
    return badRequest('limit must be an integer between 1 and 250');
  let offset = 0;
  const cursor = queryFirst(req, 'cursor');
  if (cursor !== undefined) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!isRecord(parsed) || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0)
        throw new Error('bad cursor');
      offset = parsed.o;
    } catch {
      return badRequest('Invalid cursor');
    }
  }
  const results = items.slice(offset, offset + limit);
  const links: Record<string, string> = {};
  const headers: Record<string, string> = {};
  if (offset + limit < items.length) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query)) {
      if (name === 'cursor') continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
    }
    params.set('cursor', Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url'));
    links.next = `${V2}${path}?${params.toString()}`;
    headers.link = `<${links.next}>; rel="next", <${ctx.base}/wiki>; rel="base"`;
  }
  links.base = `${ctx.base}/wiki`;
  return { results, links, headers };
}

function spaceJson(space: Space): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    authorId: space.authorId,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    currentActiveAlias: space.key,
    _links: { webui: `/spaces/${space.key}` },
  };
}

export function getSpaces(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const ids = new Set(listParam(queryAll(req, 'ids')));
  const keys = new Set(listParam(queryAll(req, 'keys')));
  const type = queryFirst(req, 'type');
  const status = queryFirst(req, 'status');
  const spaces = ctx.state.site.spaces
    .filter(
      (s) =>
        (ids.size === 0 || ids.has(s.id)) &&
        (keys.size === 0 || keys.has(s.key)) &&
        (type === undefined || s.type === type) &&
        (status === undefined || s.status === status),
    )
    .sort((a, b) => Number(a.id) - Number(b.id));
  const page = paginate(req, ctx, spaces, '/spaces');
  if ('status' in page) return page;
  return ok({ results: page.results.map(spaceJson), _links: page.links }, page.headers);
}

export function getSpaceById(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const space = ctx.state.site.spaces.find((s) => s.id === req.params.id);
  if (!space) return notFound();
  const json = spaceJson(space);
  return ok({ ...json, _links: { ...(json._links as Record<string, string>), base: `${ctx.base}/wiki` } });
}

function pageLinks(page: Page, space: Space | undefined): Record<string, string> {
  const key = space?.key ?? '';
  const slug = encodeURIComponent(page.title.replace(/\s+/g, '+'));
  return {
    webui: `/spaces/${key}/pages/${page.id}/${slug}`,
    editui: `/pages/resumedraft.action?draftId=${page.id}`,
    tinyui: `/x/${Buffer.from(page.id).toString('base64url')}`,
  };
}

function propertyJson(p: PageProperty): Record<string, unknown> {
  return { id: p.id, key: p.key, value: p.value, version: { ...p.version } };
}

/** A page as v2 returns it; `body` carries storage only when asked for. */
function pageJson(
  ctx: ApiContext,
  page: Page,
  options: { bodyFormat?: string | undefined; single?: boolean; includeProperties?: boolean } = {},
): Record<string, unknown> {
  const space = ctx.state.site.spaces.find((s) => s.id === page.spaceId);
  const out: Record<string, unknown> = {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
  };
  if (page.parentId !== null) {
    out.parentId = page.parentId;
    out.parentType = 'page';
  }
  out.position = page.position;
  out.authorId = page.authorId;
  out.ownerId = page.ownerId;
  out.lastOwnerId = null;
  out.createdAt = page.createdAt;
  out.version = { ...page.version };
  out.body =
    options.bodyFormat === 'storage' ? { storage: { representation: 'storage', value: page.body } } : {};
  if (options.includeProperties) {
    out.properties = {
      results: page.properties.map(propertyJson),
      meta: { hasMore: false, cursor: '' },
      _links: {},
    };
  }
  out._links = { ...pageLinks(page, space), ...(options.single ? { base: `${ctx.base}/wiki` } : {}) };
  return out;
}

function livePage(ctx: ApiContext, id: string | undefined): Page | undefined {
  return ctx.state.site.pages.find((p) => p.id === id && p.status !== 'trashed');
}

function titleTaken(ctx: ApiContext, spaceId: string, title: string, exceptId?: string): boolean {
  return ctx.state.site.pages.some(
    (p) =>
      p.spaceId === spaceId &&
      p.id !== exceptId &&
      (p.status === 'current' || p.status === 'archived') &&
      p.title === title,
  );
}

const DUPLICATE_TITLE =
  'A page with this title already exists: A page already exists with the same TITLE in this space';

/** Reads `body` in either accepted shape: `{representation, value}` or `{storage: {representation, value}}`. */
function storageBody(body: unknown): { value: string } | { error: string } {
  if (body === undefined) return { value: '' };
  if (!isRecord(body)) return { error: 'body must be an object' };
  const write = isRecord(body.storage) ? body.storage : body;
  const representation = write.representation ?? 'storage';
  if (representation !== 'storage')
    return {
      error: `The emulator stores only the 'storage' representation, got '${String(representation)}'`,
    };
  if (write.value !== undefined && typeof write.value !== 'string')
    return { error: 'body.value must be a string' };
  return { value: typeof write.value === 'string' ? write.value : '' };
}

export function getPages(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const ids = new Set(listParam(queryAll(req, 'id')));
  const spaceIds = new Set(listParam(queryAll(req, 'space-id')));
  const statuses = new Set(listParam(queryAll(req, 'status')));
  if (statuses.size === 0) ['current', 'archived'].forEach((s) => statuses.add(s));
  const title = queryFirst(req, 'title');
  const bodyFormat = queryFirst(req, 'body-format');
  if (bodyFormat !== undefined && bodyFormat !== 'storage' && bodyFormat !== 'atlas_doc_format')
    return badRequest(`Invalid body-format: ${bodyFormat}`);
  const sort = queryFirst(req, 'sort') ?? 'id';
  // The listing is the search index: it may lag writes (searchLagMs); the pages returned are read live.
  const pages = ctx.state.site.pages.filter((p) => {
    const listed = listedAs(p, ctx.now);
    return (
      listed !== undefined &&
      (ids.size === 0 || ids.has(p.id)) &&
      (spaceIds.size === 0 || spaceIds.has(listed.spaceId)) &&
      statuses.has(listed.status) &&
      (title === undefined || listed.title === title)
    );
  });
  const descending = sort.startsWith('-');
  const by = sort.replace(/^-/, '');
  const keyOf = (p: Page): number | string =>
    by === 'title'
      ? p.title
      : by === 'created-date'
        ? p.createdAt
        : by === 'modified-date'
          ? p.version.createdAt
          : Number(p.id);
  pages.sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  });
  const page = paginate(req, ctx, pages, '/pages');
  if ('status' in page) return page;
  return ok(
    { results: page.results.map((p) => pageJson(ctx, p, { bodyFormat })), _links: page.links },
    page.headers,
  );
}

export function getPageById(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const statuses = new Set(listParam(queryAll(req, 'status')));
  if (statuses.size === 0) ['current', 'archived', 'draft'].forEach((s) => statuses.add(s));
  const page = ctx.state.site.pages.find((p) => p.id === req.params.id && statuses.has(p.status));
  if (!page) return notFound();
  return ok(
    pageJson(ctx, page, {
      bodyFormat: queryFirst(req, 'body-format'),
      single: true,
      includeProperties: queryBool(req, 'include-properties'),
    }),
  );
}

export function createPage(req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (req.bodyError || !isRecord(req.body)) return badRequest('The request body must be a JSON object');
  const b = req.body;
  if (typeof b.spaceId !== 'string' || b.spaceId === '') return badRequest('spaceId is required');
  const space = ctx.state.site.spaces.find((s) => s.id === b.spaceId);
  if (!space) return notFound(`Space not found: ${b.spaceId}`);
  const status = b.status ?? 'current';
  if (status !== 'current' && status !== 'draft') return badRequest(`Invalid status: ${String(status)}`);
  const title = typeof b.title === 'string' ? b.title : '';
  if (status === 'current' && title.trim() === '') return badRequest('A published page must have a title');
  if (status === 'current' && titleTaken(ctx, space.id, title)) return badRequest(DUPLICATE_TITLE);
  const rootLevel = queryBool(req, 'root-level');
  if (rootLevel && b.parentId !== undefined)
    return badRequest('parentId cannot be given for a root-level page');
  let parentId: string | null = rootLevel ? null : space.homepageId;
  if (b.parentId !== undefined) {
    const parent = livePage(ctx, String(b.parentId));
    if (!parent || parent.spaceId !== space.id) return badRequest(`Invalid parentId: ${String(b.parentId)}`);
    parentId = parent.id;
  }
  const body = storageBody(b.body);
  if ('error' in body) return badRequest(body.error);
  const site = ctx.state.site;
  const author = authorIdOf(ctx);
  const page: Page = {
    id: String(site.nextIds.page++),
    spaceId: space.id,
    title,
    status: status as PageStatus,
    parentId,
    position: site.pages.filter((p) => p.parentId === parentId).length,
    authorId: author,
    ownerId: author,
    createdAt: new Date(ctx.now).toISOString(),
    version: version(ctx, 1),
    body: body.value,
    properties: [],
  };
  site.pages.push(page);
  indexPage(page, ctx.now, ctx.searchLagMs('createPage'));
  return ok(pageJson(ctx, page, { bodyFormat: 'storage', single: true }));
}

export function updatePage(req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (req.bodyError || !isRecord(req.body)) return badRequest('The request body must be a JSON object');
  const page = livePage(ctx, req.params.id);
  if (!page) return notFound();
  const b = req.body;
  if (b.id !== undefined && String(b.id) !== page.id)
    return badRequest(`The id in the body (${String(b.id)}) does not match the path (${page.id})`);
  if (b.status !== 'current' && b.status !== 'draft')
    return badRequest('status is required and must be current or draft');
  if (typeof b.title !== 'string' || b.title.trim() === '') return badRequest('title is required');
  const versionNumber = isRecord(b.version) ? b.version.number : undefined;
  if (typeof versionNumber !== 'number' || !Number.isInteger(versionNumber))
    return badRequest('version.number is required');
  if (versionNumber !== page.version.number + 1) {
    return confluenceError(
      409,
      'CONFLICT',
      `Version must be incremented on update. Current version is: ${page.version.number}`,
    );
  }
  if (b.status === 'current' && titleTaken(ctx, page.spaceId, b.title, page.id))
    return badRequest(DUPLICATE_TITLE);
  if (b.spaceId !== undefined && String(b.spaceId) !== page.spaceId)
    return badRequest('The emulator does not move pages between spaces');
  let parentId = page.parentId;
  if (b.parentId !== undefined && b.parentId !== null) {
    const parent = livePage(ctx, String(b.parentId));
    if (!parent || parent.spaceId !== page.spaceId || parent.id === page.id)
      return badRequest(`Invalid parentId: ${String(b.parentId)}`);
    parentId = parent.id;
  }
  const body = storageBody(b.body);
  if ('error' in body) return badRequest(body.error);
  const message = isRecord(b.version) && typeof b.version.message === 'string' ? b.version.message : '';
  page.title = b.title;
  page.status = b.status;
  page.parentId = parentId;
  page.body = body.value;
  page.version = version(ctx, versionNumber, message);
  indexPage(page, ctx.now, ctx.searchLagMs('updatePage'));
  return ok(pageJson(ctx, page, { bodyFormat: 'storage', single: true }));
}

export function deletePage(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const site = ctx.state.site;
  const page = site.pages.find((p) => p.id === req.params.id);
  if (!page) return notFound();
  if (queryBool(req, 'purge')) {
    if (page.status !== 'trashed') return badRequest('Only a trashed page can be purged');
    site.pages.splice(site.pages.indexOf(page), 1);
    return { status: 204 };
  }
  if (queryBool(req, 'draft')) {
    if (page.status !== 'draft') return badRequest('The page is not a draft');
    site.pages.splice(site.pages.indexOf(page), 1);
    return { status: 204 };
  }
  if (page.status === 'trashed') return notFound();
  page.status = 'trashed';
  indexPage(page, ctx.now, ctx.searchLagMs('deletePage'));
  return { status: 204 };
}

export function getPageProperties(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = livePage(ctx, req.params['page-id']);
  if (!page) return notFound();
  const key = queryFirst(req, 'key');
  const properties = page.properties.filter((p) => key === undefined || p.key === key);
  const result = paginate(req, ctx, properties, `/pages/${page.id}/properties`);
  if ('status' in result) return result;
  return ok({ results: result.results.map(propertyJson), _links: result.links }, result.headers);
}

export function getPagePropertyById(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = livePage(ctx, req.params['page-id']);
  const property = page?.properties.find((p) => p.id === req.params['property-id']);
  if (!property) return notFound();
  return ok(propertyJson(property));
}

function checkPropertyValue(value: unknown): string | undefined {
  if (value === undefined) return 'value is required';
  if (JSON.stringify(value).length > PAGE_PROPERTY_MAX_CHARS)
    return `value is too long: the maximum is ${PAGE_PROPERTY_MAX_CHARS} characters of JSON`;
  return undefined;
}

export function createPageProperty(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = livePage(ctx, req.params['page-id']);
  if (!page) return notFound();
  if (req.bodyError || !isRecord(req.body)) return badRequest('The request body must be a JSON object');
  const { key, value } = req.body;
  if (typeof key !== 'string' || key === '' || key.length > 255)
    return badRequest('key is required and must be 1 to 255 characters');
  const invalid = checkPropertyValue(value);
  if (invalid) return badRequest(invalid);
  if (page.properties.some((p) => p.key === key))
    return badRequest(`A property with key '${key}' already exists on this page`);
  const property: PageProperty = {
    id: String(ctx.state.site.nextIds.pageProperty++),
    key,
    value,
    version: version(ctx, 1),
  };
  page.properties.push(property);
  return ok(propertyJson(property));
}

export function updatePageProperty(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = livePage(ctx, req.params['page-id']);
  const property = page?.properties.find((p) => p.id === req.params['property-id']);
  if (!property) return notFound();
  if (req.bodyError || !isRecord(req.body)) return badRequest('The request body must be a JSON object');
  const b = req.body;
  if (b.key !== undefined && b.key !== property.key)
    return badRequest('The key of a property cannot be changed');
  const invalid = checkPropertyValue(b.value);
  if (invalid) return badRequest(invalid);
  const number = isRecord(b.version) ? b.version.number : undefined;
  if (typeof number !== 'number') return badRequest('version.number is required');
  if (number !== property.version.number + 1) {
    return confluenceError(
      409,
      'CONFLICT',
      `Version must be incremented on update. Current version is: ${property.version.number}`,
    );
  }
  property.value = b.value;
  property.version = version(
    ctx,
    number,
    isRecord(b.version) && typeof b.version.message === 'string' ? b.version.message : '',
  );
  return ok(propertyJson(property));
}

export function deletePageProperty(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = livePage(ctx, req.params['page-id']);
  const property = page?.properties.find((p) => p.id === req.params['property-id']);
  if (!page || !property) return notFound();
  page.properties.splice(page.properties.indexOf(property), 1);
  return { status: 204 };
}
