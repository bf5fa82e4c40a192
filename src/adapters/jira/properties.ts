// Issue property endpoints: one function per endpoint, literal routes at the call site for the scope linter.
import api, { route } from '@forge/api';
import { NotFoundError } from '../../ports/atlassian-errors';
import { callAtlassian, readJson } from '../platform/call';

/** The epic's explicit program membership, `{ programIds: [...] }`, indexed for JQL by jira:entityProperty. */
export const MEMBERSHIP_PROPERTY_KEY = 'programs.membership';

/** The membership property's value as the viewer sees it; undefined when the epic has none yet. */
export async function getMembershipProperty(issueIdOrKey: string): Promise<unknown> {
  const operation = 'getIssueProperty';
  const response = await callAtlassian(
    operation,
    () =>
      api.asUser().requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/programs.membership`, {
        method: 'GET',
        headers: { Accept: 'application/json' },
      }),
    { accept: [404] },
  );
  const body = await readJson(operation, response);
  if (response.status === 404) {
    // Jira answers 404 both for "no such property" (an answer: no membership yet) and "no such issue".
    const messages = errorMessages(body);
    if (messages.some((m) => /issue does not exist|permission to see it/i.test(m)))
      throw new NotFoundError(`${operation} found no such issue (404)`, { operation, status: 404, messages });
    return undefined;
  }
  return typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
}

/** Replaces the membership property's whole value, as the viewer (Jira requires edit rights on the issue). */
export async function setMembershipProperty(issueIdOrKey: string, value: unknown): Promise<void> {
  await callAtlassian('setIssueProperty', () =>
    api.asUser().requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/programs.membership`, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(value),
    }),
  );
}

function errorMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('errorMessages' in body)) return [];
  return Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
}
