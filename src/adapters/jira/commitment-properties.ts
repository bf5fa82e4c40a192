// The programs.commitments issue property (indexed by jira:entityProperty), read and written as the viewer.
import api, { route } from '@forge/api';
import { callAtlassian, readJson } from '../platform/call';

/** The property's value; undefined when the epic has none yet. */
export async function getCommitmentsProperty(issueIdOrKey: string): Promise<unknown> {
  const response = await callAtlassian(
    'getIssueProperty',
    () =>
      api.asUser().requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/programs.commitments`, {
        method: 'GET',
        headers: { Accept: 'application/json' },
      }),
    { accept: [404] },
  );
  const body = await readJson('getIssueProperty', response);
  if (response.status === 404) return undefined;
  return typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
}

/** Replaces the whole value (Jira requires edit rights on the issue). */
export async function setCommitmentsProperty(issueIdOrKey: string, value: unknown): Promise<void> {
  await callAtlassian('setIssueProperty', () =>
    api.asUser().requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/programs.commitments`, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(value),
    }),
  );
}
