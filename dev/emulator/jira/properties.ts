import { jiraError, ok, type ApiContext, type ApiRequest, type ApiResponse } from '../http';

/** Jira's limit on the JSON text of one issue property value. */
export const PROPERTY_MAX_CHARS = 32_768;
const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
const NO_EDIT = 'You do not have permission to edit issue properties of this issue.';

export function getIssuePropertyKeys(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const issue = ctx.state.visibleIssue(ctx.caller, req.params.issueIdOrKey ?? '');
  if (!issue) return jiraError(404, NOT_FOUND);
  return ok({
    keys: Object.keys(issue.properties).map((key) => ({
      self: `${ctx.base}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
      key,
    })),
  });
}

export function getIssueProperty(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const issue = ctx.state.visibleIssue(ctx.caller, req.params.issueIdOrKey ?? '');
  if (!issue) return jiraError(404, NOT_FOUND);
  const key = req.params.propertyKey ?? '';
  if (!(key in issue.properties)) return jiraError(404, `The property with key '${key}' does not exist.`);
  return ok({ key, value: issue.properties[key] });
}

export function setIssueProperty(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const issue = ctx.state.visibleIssue(ctx.caller, req.params.issueIdOrKey ?? '');
  if (!issue) return jiraError(404, NOT_FOUND);
  if (!ctx.state.canEdit(ctx.caller, issue.projectKey)) return jiraError(403, NO_EDIT);
  const key = req.params.propertyKey ?? '';
  if (key.length === 0 || key.length > 255)
    return jiraError(400, 'The property key must be between 1 and 255 characters long.');
  const text = req.rawBody.toString('utf8');
  if (text.trim() === '' || req.bodyError) return jiraError(400, 'The property value must be valid JSON.');
  if (text.length > PROPERTY_MAX_CHARS)
    return jiraError(400, `The property value is too long: the maximum is ${PROPERTY_MAX_CHARS} characters.`);
  const existed = key in issue.properties;
  ctx.state.setProperty(issue, key, req.body, ctx.now, ctx.searchLagMs('setIssueProperty'));
  return { status: existed ? 200 : 201 };
}

export function deleteIssueProperty(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const issue = ctx.state.visibleIssue(ctx.caller, req.params.issueIdOrKey ?? '');
  if (!issue) return jiraError(404, NOT_FOUND);
  if (!ctx.state.canEdit(ctx.caller, issue.projectKey)) return jiraError(403, NO_EDIT);
  const key = req.params.propertyKey ?? '';
  if (!(key in issue.properties)) return jiraError(404, `The property with key '${key}' does not exist.`);
  ctx.state.deleteProperty(issue, key, ctx.now, ctx.searchLagMs('deleteIssueProperty'));
  return { status: 204 };
}
