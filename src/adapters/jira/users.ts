// Jira users for the party picker: GET /rest/api/3/user/search (findUsers), as the viewer.
import api, { route } from '@forge/api';
import { z } from 'zod';
import type { Person } from '../../domain/program/program';
import type { UserDirectory } from '../../ports/users';
import { callAtlassian, readJson } from '../platform/call';

export async function findUsers(query: string, maxResults: number): Promise<unknown> {
  const response = await callAtlassian('findUsers', () =>
    api.asUser().requestJira(route`/rest/api/3/user/search?query=${query}&maxResults=${maxResults}`, {
      headers: { Accept: 'application/json' },
    }),
  );
  return readJson('findUsers', response);
}

const UserJson = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
});

/** Active people only: apps and deactivated accounts cannot take part in a program. */
export class JiraUserDirectory implements UserDirectory {
  constructor(private readonly maxResults = 20) {}

  async search(query: string): Promise<Person[]> {
    const users = z.array(UserJson).parse(await findUsers(query, this.maxResults));
    return users
      .filter((u) => u.active !== false && (u.accountType ?? 'atlassian') === 'atlassian')
      .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
  }
}
