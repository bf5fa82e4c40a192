// Project endpoints the status macro needs: project ids by key (as the app, when the snapshot is built)
// and which of them the viewer may browse (as the viewer, on every view). Literal routes for the scope linter.
import api, { route } from '@forge/api';
import { z } from 'zod';
import { callAtlassian, readJson } from '../platform/call';

const ProjectPageSchema = z
  .object({
    values: z.array(z.object({ id: z.string(), key: z.string() }).passthrough()).default([]),
    isLast: z.boolean().optional(),
  })
  .passthrough();

/** Keys per request: keeps the query string short. */
const KEYS_PER_CALL = 50;

/** Project ids by key, asked as the app (GET /rest/api/3/project/search, operation searchProjects). */
export async function projectIdsByKey(keys: readonly string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
    const query = new URLSearchParams({ maxResults: '100' });
    for (const key of keys.slice(i, i + KEYS_PER_CALL)) query.append('keys', key);
    const response = await callAtlassian('searchProjects', () =>
      api.asApp().requestJira(route`/rest/api/3/project/search?${query}`, {
        headers: { Accept: 'application/json' },
      }),
    );
    const page = ProjectPageSchema.parse(await readJson('searchProjects', response));
    for (const project of page.values) ids[project.key] = project.id;
  }
  return ids;
}

const BrowseSchema = z
  .object({
    projectPermissions: z
      .array(z.object({ permission: z.string(), projects: z.array(z.number()).default([]) }).passthrough())
      .default([]),
  })
  .passthrough();

/**
 * The project ids among `projectIds` the viewer may browse, in one call as the viewer
 * (POST /rest/api/3/permissions/check, operation getBulkPermissions).
 */
export async function browsableProjectIds(projectIds: readonly string[]): Promise<Set<string>> {
  const ids = projectIds.map(Number).filter((id) => Number.isSafeInteger(id));
  if (ids.length === 0) return new Set();
  const operation = 'getBulkPermissions';
  const response = await callAtlassian(operation, () =>
    api.asUser().requestJira(route`/rest/api/3/permissions/check`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: ids }] }),
    }),
  );
  const body = BrowseSchema.parse(await readJson(operation, response));
  return new Set(
    body.projectPermissions
      .filter((p) => p.permission === 'BROWSE_PROJECTS')
      .flatMap((p) => p.projects.map(String)),
  );
}
