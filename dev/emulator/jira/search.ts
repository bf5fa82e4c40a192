import {
  isRecord,
  jiraError,
  ok,
  queryAll,
  queryFirst,
  queryInt,
  type ApiContext,
  type ApiRequest,
  type ApiResponse,
} from '../http';
import { runJql } from '../jql/evaluate';
import { JqlError } from '../jql/parse';
import { IssueRenderer, listParam, selectFields } from './render';

/** Page size caps of search/jql: ids-only pages are much larger, as on Jira Cloud. */
export const SEARCH_PAGE_CAP = { fields: 100, idsOnly: 5000 } as const;
const DEFAULT_MAX_RESULTS = 50;
const MAX_PROPERTIES = 5;
const MAX_RECONCILE = 50;
export const BULK_FETCH_MAX = 100;

const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

interface SearchParams {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number | undefined;
  fields: string[];
  expand: string[];
  properties: string[];
  reconcileIssues: string[];
}

function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** An opaque token: where the next page starts, bound to the query it came from. */
function encodeToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(jql), o: offset })).toString('base64url');
}

function decodeToken(jql: string, token: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      isRecord(parsed) &&
      parsed.q === fingerprint(jql) &&
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0
    )
      return parsed.o;
  } catch {
    // fall through: an unreadable token is an invalid one
  }
  return undefined;
}

function search(params: SearchParams, ctx: ApiContext): ApiResponse {
  const badRequest = (message: string): ApiResponse => ({
    status: 400,
    body: { errorMessages: [message], warningMessages: [] },
  });
  if (params.maxResults !== undefined && (!Number.isInteger(params.maxResults) || params.maxResults < 0)) {
    return badRequest('The value of maxResults must be a non-negative integer.');
  }
  if (params.properties.length > MAX_PROPERTIES)
    return badRequest(`A maximum of ${MAX_PROPERTIES} issue property keys can be requested.`);
  if (params.reconcileIssues.length > MAX_RECONCILE)
    return badRequest(`A maximum of ${MAX_RECONCILE} issues can be reconciled.`);
  let offset = 0;
  if (params.nextPageToken !== undefined && params.nextPageToken !== '') {
    const decoded = decodeToken(params.jql, params.nextPageToken);
    if (decoded === undefined) return badRequest('The provided next page token is invalid or expired.');
    offset = decoded;
  }
  let matches;
  try {
    matches = runJql(params.jql, {
      state: ctx.state,
      caller: ctx.caller,
      now: ctx.now,
      reconcile: new Set(params.reconcileIssues),
    });
  } catch (error) {
    if (error instanceof JqlError) return badRequest(error.message);
    throw error;
  }
  const selection = selectFields(ctx.state, params.fields, 'id');
  const cap =
    selection.idsOnly && params.properties.length === 0 ? SEARCH_PAGE_CAP.idsOnly : SEARCH_PAGE_CAP.fields;
  const size = Math.max(1, Math.min(params.maxResults ?? DEFAULT_MAX_RESULTS, cap));
  const page = matches.slice(offset, offset + size);
  const isLast = offset + size >= matches.length;
  const renderer = new IssueRenderer(ctx);
  const perIssueExpand = params.expand.filter((e) => e !== 'names' && e !== 'schema');
  const body: Record<string, unknown> = {
    issues: page.map((issue) =>
      renderer.issueJson(issue, selection, { properties: params.properties, expand: perIssueExpand }),
    ),
  };
  if (!isLast) body.nextPageToken = encodeToken(params.jql, offset + size);
  body.isLast = isLast;
  if (params.expand.includes('names')) body.names = renderer.names(selection);
  if (params.expand.includes('schema')) body.schema = renderer.schema(selection);
  return ok(body);
}

export function searchGet(req: ApiRequest, ctx: ApiContext): ApiResponse {
  return search(
    {
      jql: queryFirst(req, 'jql') ?? '',
      nextPageToken: queryFirst(req, 'nextPageToken'),
      maxResults: queryInt(req, 'maxResults'),
      fields: listParam(queryAll(req, 'fields')),
      expand: listParam(queryAll(req, 'expand')),
      properties: listParam(queryAll(req, 'properties')),
      reconcileIssues: listParam(queryAll(req, 'reconcileIssues')),
    },
    ctx,
  );
}

export function searchPost(req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (req.bodyError || !isRecord(req.body)) return jiraError(400, 'The request body must be a JSON object.');
  const b = req.body;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  if (b.maxResults !== undefined && typeof b.maxResults !== 'number')
    return jiraError(400, 'maxResults must be a number.');
  return search(
    {
      jql: typeof b.jql === 'string' ? b.jql : '',
      nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : undefined,
      maxResults: typeof b.maxResults === 'number' ? b.maxResults : undefined,
      fields: listParam(strings(b.fields)),
      expand: listParam(typeof b.expand === 'string' ? b.expand : strings(b.expand)),
      properties: listParam(strings(b.properties)),
      reconcileIssues: strings(b.reconcileIssues),
    },
    ctx,
  );
}

export function bulkFetch(req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (req.bodyError || !isRecord(req.body)) return jiraError(400, 'The request body must be a JSON object.');
  const b = req.body;
  const keys = Array.isArray(b.issueIdsOrKeys) ? b.issueIdsOrKeys.map(String) : [];
  if (keys.length === 0)
    return jiraError(400, 'At least one issue ID or key must be provided in issueIdsOrKeys.');
  if (keys.length > BULK_FETCH_MAX)
    return jiraError(400, `The number of issue IDs or keys to fetch must not exceed ${BULK_FETCH_MAX}.`);
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  const properties = listParam(strings(b.properties));
  if (properties.length > MAX_PROPERTIES)
    return jiraError(400, `A maximum of ${MAX_PROPERTIES} issue property keys can be requested.`);
  const selection = selectFields(ctx.state, listParam(strings(b.fields)), '*navigable');
  const expand = listParam(strings(b.expand));
  const found = new Map<string, ReturnType<typeof ctx.state.findIssue>>();
  const issueErrors: { id: string; errorMessage: string }[] = [];
  for (const key of keys) {
    const issue = ctx.state.visibleIssue(ctx.caller, key);
    if (issue) found.set(issue.id, issue);
    else issueErrors.push({ id: key, errorMessage: NOT_FOUND });
  }
  const renderer = new IssueRenderer(ctx);
  const issues = [...found.values()]
    .filter((i) => i !== undefined)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((issue) => renderer.issueJson(issue, selection, { properties, expand }));
  return ok({ issues, issueErrors });
}

export function getIssue(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const issue = ctx.state.visibleIssue(ctx.caller, req.params.issueIdOrKey ?? '');
  if (!issue) return jiraError(404, NOT_FOUND);
  // getIssue always answers with key, self and fields, even for fields=id.
  const selection = { ...selectFields(ctx.state, listParam(queryAll(req, 'fields')), '*all'), withKey: true };
  return ok(
    new IssueRenderer(ctx).issueJson(issue, selection, {
      properties: listParam(queryAll(req, 'properties')),
      expand: listParam(queryAll(req, 'expand')),
    }),
  );
}
