// One function per Jira endpoint. Each calls requestJira with a literal route at the call site so
// Atlassian's scope linter sees every route, and hands the call to the platform wrapper.
import api, { route } from '@forge/api';
import { AtlassianApiError } from '../../ports/atlassian-errors';
import { callAtlassian, readJson, type ApiResponse } from '../platform/call';
import { parseIssueListJson } from './issue-list-json';

/** Who the request runs as: the viewer (resolvers) or the app (triggers, no user). */
export type Actor = 'user' | 'app';

const jira = (actor: Actor) => (actor === 'user' ? api.asUser() : api.asApp());
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

const hasBytes = (response: ApiResponse): response is ApiResponse & { arrayBuffer(): Promise<ArrayBuffer> } =>
  typeof (response as { arrayBuffer?: unknown }).arrayBuffer === 'function';

/** A body with an `issues` list, read from bytes issue by issue (see issue-list-json.ts) when it can be. */
async function readIssueList(operation: string, response: ApiResponse): Promise<unknown> {
  if (!hasBytes(response)) return readJson(operation, response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length === 0) return undefined;
  try {
    return parseIssueListJson(bytes);
  } catch (cause) {
    throw new AtlassianApiError(`${operation} answered with a body that is not JSON`, {
      operation,
      status: response.status,
      cause,
    });
  }
}

export async function getFields(actor: Actor): Promise<unknown> {
  const response = await callAtlassian('getFields', () =>
    jira(actor).requestJira(route`/rest/api/3/field`, { headers: { Accept: 'application/json' } }),
  );
  return readJson('getFields', response);
}

export async function getIssueLinkTypes(actor: Actor): Promise<unknown> {
  const response = await callAtlassian('getIssueLinkTypes', () =>
    jira(actor).requestJira(route`/rest/api/3/issueLinkType`, { headers: { Accept: 'application/json' } }),
  );
  return readJson('getIssueLinkTypes', response);
}

export interface SearchJqlBody {
  jql: string;
  fields?: string[];
  maxResults?: number;
  nextPageToken?: string;
}

export async function searchJql(actor: Actor, body: SearchJqlBody): Promise<unknown> {
  const response = await callAtlassian('searchAndReconsileIssuesUsingJqlPost', () =>
    jira(actor).requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }),
  );
  return readIssueList('searchAndReconsileIssuesUsingJqlPost', response);
}

export interface BulkFetchBody {
  issueIdsOrKeys: string[];
  fields: string[];
}

export async function bulkFetchIssues(actor: Actor, body: BulkFetchBody): Promise<unknown> {
  const response = await callAtlassian('bulkFetchIssues', () =>
    jira(actor).requestJira(route`/rest/api/3/issue/bulkfetch`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }),
  );
  return readIssueList('bulkFetchIssues', response);
}
