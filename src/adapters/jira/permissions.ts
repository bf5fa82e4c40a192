// Permission endpoints: one function per endpoint, literal routes at the call site for the scope linter.
import api, { route } from '@forge/api';
import { z } from 'zod';
import { callAtlassian, readJson } from '../platform/call';

const BulkPermissionsSchema = z
  .object({
    projectPermissions: z
      .array(
        z
          .object({
            permission: z.string(),
            issues: z.array(z.number()).default([]),
          })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();

/**
 * Whether the viewer may edit the issue (EDIT_ISSUES), asked of Jira as the viewer
 * (POST /rest/api/3/permissions/check, operation getBulkPermissions).
 */
export async function canEditIssue(issueId: string): Promise<boolean> {
  const id = Number(issueId);
  if (!Number.isSafeInteger(id)) return false;
  const operation = 'getBulkPermissions';
  const response = await callAtlassian(operation, () =>
    api.asUser().requestJira(route`/rest/api/3/permissions/check`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [id] }] }),
    }),
  );
  const body = BulkPermissionsSchema.parse(await readJson(operation, response));
  return body.projectPermissions.some((p) => p.permission === 'EDIT_ISSUES' && p.issues.includes(id));
}
