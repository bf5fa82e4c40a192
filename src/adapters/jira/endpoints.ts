// One function per Jira endpoint. Each calls requestJira with a literal route at the call site so
// Atlassian's scope linter sees every route, and hands the call to the platform wrapper.
import api, { route } from '@forge/api';
import { callAtlassian, readJson } from '../platform/call';

/** Who the request runs as: the viewer (resolvers) or the app (triggers, no user). */
export type Actor = 'user' | 'app';

const jira = (actor: Actor) => (actor === 'user' ? api.asUser() : api.asApp());
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

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
  return readJson('searchAndReconsileIssuesUsingJqlPost', response);
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
  return readJson('bulkFetchIssues', response);
}
