import type { Attachment, Page } from '../../seed/index';
import {
  confluenceV1Error,
  ok,
  queryFirst,
  queryInt,
  type ApiContext,
  type ApiRequest,
  type ApiResponse,
} from '../http';
import { listParam } from '../jira/render';
import { boundaryOf, parseMultipart, type FormPart } from './multipart';
import { authorIdOf } from './pages';

const MEDIA_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv',
  txt: 'text/plain',
};

function mediaTypeOf(part: FormPart): string {
  if (part.contentType && part.contentType !== 'application/octet-stream')
    return part.contentType.split(';')[0]?.trim() ?? part.contentType;
  const ext = part.filename?.split('.').pop()?.toLowerCase() ?? '';
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}

function attachmentContent(ctx: ApiContext, a: Attachment, page: Page): Record<string, unknown> {
  const author = ctx.state.usersById.get(a.version.authorId);
  const modified = Date.parse(a.version.createdAt);
  const download = `/download/attachments/${page.id}/${encodeURIComponent(a.title)}?version=${a.version.number}&modificationDate=${modified}&api=v2`;
  return {
    id: a.id,
    type: 'attachment',
    status: 'current',
    title: a.title,
    version: {
      by: {
        type: 'known',
        accountId: a.version.authorId,
        accountType: 'atlassian',
        displayName: author?.displayName ?? 'Programs for Jira & Confluence',
        publicName: author?.displayName ?? 'Programs for Jira & Confluence',
      },
      when: a.version.createdAt,
      message: a.version.message,
      number: a.version.number,
      minorEdit: a.version.minorEdit,
    },
    container: { id: page.id, type: 'page', status: page.status, title: page.title },
    metadata: { mediaType: a.mediaType, comment: a.comment },
    extensions: {
      mediaType: a.mediaType,
      fileSize: a.data.length,
      comment: a.comment,
      mediaTypeDescription: a.mediaType,
      fileId: a.fileId,
      collectionName: `contentId-${page.id}`,
    },
    _links: {
      webui: `/pages/viewpageattachments.action?pageId=${page.id}&preview=%2F${page.id}%2F${a.id}%2F${encodeURIComponent(a.title)}`,
      download,
      self: `${ctx.base}/wiki/rest/api/content/${a.id}`,
    },
    _expandable: {
      childTypes: '',
      operations: '',
      schedulePublishDate: '',
      children: '',
      restrictions: '',
      history: '',
      ancestors: '',
      body: '',
      descendants: '',
      space: '',
    },
  };
}

function contentArray(
  ctx: ApiContext,
  results: Record<string, unknown>[],
  start = 0,
  limit = 50,
): Record<string, unknown> {
  return {
    results,
    start,
    limit,
    size: results.length,
    _links: { base: `${ctx.base}/wiki`, context: '/wiki' },
  };
}

/** Uploads with POST (create only: a taken file name is a 400, as on Confluence Cloud) or PUT (create or new version). */
function upload(req: ApiRequest, ctx: ApiContext, mode: 'create' | 'createOrUpdate'): ApiResponse {
  if (req.headers['x-atlassian-token']?.toLowerCase() !== 'nocheck')
    return confluenceV1Error(403, 'XSRF check failed');
  const page = ctx.state.site.pages.find((p) => p.id === req.params.id && p.status !== 'trashed');
  if (!page) return confluenceV1Error(404, `No content found with id: ${req.params.id ?? ''}`);
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return confluenceV1Error(415, 'Attachments must be sent as multipart/form-data');
  let parts: FormPart[];
  try {
    parts = parseMultipart(req.rawBody, boundary);
  } catch (error) {
    return confluenceV1Error(400, `Malformed multipart body: ${(error as Error).message}`);
  }
  const files = parts.filter((p) => p.name === 'file' && p.filename);
  if (files.length === 0)
    return confluenceV1Error(400, "At least one part named 'file' with a filename is required");
  const text = (name: string): string => parts.find((p) => p.name === name)?.data.toString('utf8') ?? '';
  const comment = text('comment');
  const minorEdit = text('minorEdit').replace(/"/g, '') === 'true';
  const site = ctx.state.site;
  const now = new Date(ctx.now).toISOString();
  const touched: Attachment[] = [];
  for (const file of files) {
    const title = file.filename as string;
    const existing = site.attachments.find((a) => a.pageId === page.id && a.title === title);
    if (existing && mode === 'create') {
      return confluenceV1Error(
        400,
        `com.atlassian.confluence.api.service.exceptions.BadRequestException: Cannot add a new attachment with same file name as an existing attachment: ${title}`,
      );
    }
    const version = {
      number: (existing?.version.number ?? 0) + 1,
      createdAt: now,
      message: comment,
      minorEdit,
      authorId: authorIdOf(ctx),
    };
    if (existing) {
      existing.data = file.data;
      existing.mediaType = mediaTypeOf(file);
      existing.comment = comment;
      existing.version = version;
      touched.push(existing);
    } else {
      const id = site.nextIds.attachment++;
      const attachment: Attachment = {
        id: `att${id}`,
        pageId: page.id,
        title,
        mediaType: mediaTypeOf(file),
        comment,
        fileId: `${id.toString(16).padStart(8, '0')}-0000-4000-8000-${String(id).padStart(12, '0')}`,
        createdAt: now,
        version,
        data: file.data,
      };
      site.attachments.push(attachment);
      touched.push(attachment);
    }
  }
  return ok(
    contentArray(
      ctx,
      touched.map((a) => attachmentContent(ctx, a, page)),
    ),
  );
}

export const createAttachment = (req: ApiRequest, ctx: ApiContext): ApiResponse => upload(req, ctx, 'create');
export const createOrUpdateAttachments = (req: ApiRequest, ctx: ApiContext): ApiResponse =>
  upload(req, ctx, 'createOrUpdate');

/** v1 listing of a page's attachments (removed from the current v1 spec, still served by Confluence Cloud). */
export function getAttachments(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = ctx.state.site.pages.find((p) => p.id === req.params.id && p.status !== 'trashed');
  if (!page) return confluenceV1Error(404, `No content found with id: ${req.params.id ?? ''}`);
  const filename = queryFirst(req, 'filename');
  const mediaType = queryFirst(req, 'mediaType');
  const start = Math.max(0, queryInt(req, 'start') ?? 0);
  const limit = Math.min(Math.max(1, queryInt(req, 'limit') ?? 50), 200);
  const all = ctx.state.site.attachments.filter(
    (a) =>
      a.pageId === page.id &&
      (filename === undefined || a.title === filename) &&
      (mediaType === undefined || a.mediaType === mediaType),
  );
  return ok(
    contentArray(
      ctx,
      all.slice(start, start + limit).map((a) => attachmentContent(ctx, a, page)),
      start,
      limit,
    ),
  );
}

/** v2 listing of a page's attachments. */
export function getPageAttachments(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = ctx.state.site.pages.find((p) => p.id === req.params.id && p.status !== 'trashed');
  if (!page)
    return {
      status: 404,
      body: { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] },
    };
  const filename = queryFirst(req, 'filename');
  const mediaType = queryFirst(req, 'mediaType');
  const limit = Math.min(Math.max(1, queryInt(req, 'limit') ?? 50), 250);
  const statuses = new Set(listParam(req.query.status));
  const results = ctx.state.site.attachments
    .filter(
      (a) =>
        a.pageId === page.id &&
        (filename === undefined || a.title === filename) &&
        (mediaType === undefined || a.mediaType === mediaType) &&
        (statuses.size === 0 || statuses.has('current')),
    )
    .slice(0, limit)
    .map((a) => ({
      id: a.id,
      status: 'current',
      title: a.title,
      createdAt: a.createdAt,
      pageId: page.id,
      mediaType: a.mediaType,
      mediaTypeDescription: a.mediaType,
      comment: a.comment,
      fileId: a.fileId,
      fileSize: a.data.length,
      webuiLink: `/pages/viewpageattachments.action?pageId=${page.id}`,
      downloadLink: `/download/attachments/${page.id}/${encodeURIComponent(a.title)}?version=${a.version.number}&api=v2`,
      version: { ...a.version },
      _links: {
        webui: `/pages/viewpageattachments.action?pageId=${page.id}`,
        download: `/download/attachments/${page.id}/${encodeURIComponent(a.title)}?version=${a.version.number}&api=v2`,
      },
    }));
  return ok({ results, _links: { base: `${ctx.base}/wiki` } });
}
