import { DEMO_USERS } from '../../seed/index';
import type { SiteUser } from '../../seed/index';
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
import { VIEW_ONLY_EMAILS, type Caller } from '../state';
import { listParam, projectAvatarUrls, userJson } from './render';

/** The Forge app's own user, as `GET /myself` shows it to an asApp() call. */
export const APP_USER: SiteUser = {
  accountId: '5f4e3d2c1b0a9e8d7c6b5a49',
  displayName: 'Programs for Jira & Confluence',
  email: '',
  timeZone: 'UTC',
  active: true,
};

export function getCurrentUser(_req: ApiRequest, ctx: ApiContext): ApiResponse {
  const user = ctx.caller.kind === 'app' ? APP_USER : ctx.state.usersById.get(ctx.caller.user.accountId);
  const json = userJson(ctx.base, user) ?? {};
  if (ctx.caller.kind === 'app') {
    delete json.emailAddress;
    json.accountType = 'app';
  }
  return ok({
    ...json,
    locale: 'en_US',
    groups: { size: 1, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  });
}

export function getFields(_req: ApiRequest, ctx: ApiContext): ApiResponse {
  return ok(
    ctx.state.site.fields.map((f) => ({
      ...f,
      clauseNames: [...f.clauseNames],
      ...(f.schema ? { schema: { ...f.schema } } : {}),
    })),
  );
}

export function getIssueLinkTypes(_req: ApiRequest, ctx: ApiContext): ApiResponse {
  return ok({
    issueLinkTypes: ctx.state.site.linkTypes.map((t) => ({
      ...t,
      self: `${ctx.base}/rest/api/3/issueLinkType/${t.id}`,
    })),
  });
}

export function findUsers(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const query = queryFirst(req, 'query');
  const accountId = queryFirst(req, 'accountId');
  if (query === undefined && accountId === undefined && queryFirst(req, 'property') === undefined) {
    return jiraError(400, "One of 'query', 'accountId' or 'property' must be given.");
  }
  if (query !== undefined && accountId !== undefined)
    return jiraError(400, "Give either 'query' or 'accountId', not both.");
  const startAt = queryInt(req, 'startAt') ?? 0;
  const maxResults = queryInt(req, 'maxResults') ?? 50;
  if (Number.isNaN(startAt) || Number.isNaN(maxResults) || startAt < 0 || maxResults < 0)
    return jiraError(400, 'startAt and maxResults must be non-negative integers.');
  const q = (query ?? '').trim().toLowerCase();
  const matches = ctx.state.site.users.filter((u) => {
    if (accountId !== undefined) return u.accountId === accountId;
    if (q === '') return true;
    return (
      u.email.toLowerCase().startsWith(q) ||
      u.displayName
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(q)) ||
      u.displayName.toLowerCase().startsWith(q)
    );
  });
  return ok(matches.slice(startAt, startAt + Math.min(maxResults, 1000)).map((u) => userJson(ctx.base, u)));
}

const PROJECT_PERMISSIONS = new Set([
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'TRANSITION_ISSUES',
  'SCHEDULE_ISSUES',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'MOVE_ISSUES',
  'DELETE_ISSUES',
  'WORK_ON_ISSUES',
  'MANAGE_SPRINTS_PERMISSION',
  'VIEW_DEV_TOOLS',
  'ADMINISTER_PROJECTS',
]);
const GLOBAL_PERMISSIONS = new Set([
  'USER_PICKER',
  'CREATE_SHARED_OBJECTS',
  'BULK_CHANGE',
  'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
  'ADMINISTER',
  'SYSTEM_ADMIN',
]);
const TPM_EMAIL = 'tpm@example.com';

/**
 * Everyone who may browse a project may work in it, except view-only users (who may only browse);
 * only the TPM (and the app) administer.
 */
function grants(caller: Caller, permission: string, canBrowse: boolean): boolean {
  if (!canBrowse) return false;
  if (permission === 'ADMINISTER_PROJECTS' || permission === 'DELETE_ISSUES')
    return caller.kind === 'app' || caller.user.email === TPM_EMAIL;
  if (permission !== 'BROWSE_PROJECTS' && caller.kind === 'user')
    return !VIEW_ONLY_EMAILS.has(caller.user.email);
  return true;
}

export function getBulkPermissions(req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (req.bodyError || !isRecord(req.body)) return jiraError(400, 'The request body must be a JSON object.');
  const b = req.body;
  let subject: Caller = ctx.caller;
  if (typeof b.accountId === 'string' && b.accountId !== '') {
    const isSelf = ctx.caller.kind === 'user' && ctx.caller.user.accountId === b.accountId;
    if (!isSelf && ctx.caller.kind !== 'app')
      return jiraError(403, 'Only Jira administrators and apps can check the permissions of other users.');
    const demoUser = DEMO_USERS.find((u) => u.accountId === b.accountId);
    const siteUser = ctx.state.usersById.get(b.accountId);
    if (!siteUser) return jiraError(400, `The user with account ID '${b.accountId}' does not exist.`);
    // Site users without a demo login browse everything, like the team members they are.
    subject = {
      kind: 'user',
      user: demoUser ?? {
        accountId: siteUser.accountId,
        email: siteUser.email,
        apiToken: '',
        displayName: siteUser.displayName,
        browseProjects: 'all',
      },
    };
  }
  const globalRequested = Array.isArray(b.globalPermissions) ? b.globalPermissions.map(String) : [];
  const unknownGlobal = globalRequested.filter((p) => !GLOBAL_PERMISSIONS.has(p));
  if (unknownGlobal.length > 0)
    return {
      status: 400,
      body: {
        errorMessages: [],
        errors: { globalPermissions: `Unrecognized permissions: ${unknownGlobal.join(', ')}` },
      },
    };
  const isAdmin = subject.kind === 'app' || subject.user.email === TPM_EMAIL;
  const globalPermissions = globalRequested.filter(
    (p) => isAdmin || (p !== 'ADMINISTER' && p !== 'SYSTEM_ADMIN'),
  );

  const projectPermissions: { permission: string; issues: number[]; projects: number[] }[] = [];
  const entries = Array.isArray(b.projectPermissions) ? b.projectPermissions : [];
  for (const entry of entries) {
    if (!isRecord(entry) || !Array.isArray(entry.permissions))
      return jiraError(400, 'Each projectPermissions entry needs a permissions list.');
    const permissions = entry.permissions.map(String);
    const unknown = permissions.filter((p) => !PROJECT_PERMISSIONS.has(p));
    if (unknown.length > 0)
      return {
        status: 400,
        body: {
          errorMessages: [],
          errors: { projectPermissions: `Unrecognized permissions: ${unknown.join(', ')}` },
        },
      };
    const issueIds = Array.isArray(entry.issues) ? entry.issues.map(Number) : [];
    const projectIds = Array.isArray(entry.projects) ? entry.projects.map(Number) : [];
    for (const permission of permissions) {
      const issues = issueIds.filter((id) => {
        const issue = ctx.state.issuesById.get(String(id));
        return (
          issue !== undefined && grants(subject, permission, ctx.state.canBrowse(subject, issue.projectKey))
        );
      });
      const projects = projectIds.filter((id) => {
        const project = ctx.state.projectsById.get(String(id));
        return (
          project !== undefined && grants(subject, permission, ctx.state.canBrowse(subject, project.key))
        );
      });
      projectPermissions.push({ permission, issues, projects });
    }
  }
  return ok({ globalPermissions, projectPermissions });
}

export function searchProjects(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const startAt = queryInt(req, 'startAt') ?? 0;
  const maxResults = Math.min(queryInt(req, 'maxResults') ?? 50, 100);
  if (Number.isNaN(startAt) || Number.isNaN(maxResults) || startAt < 0 || maxResults < 0)
    return jiraError(400, 'startAt and maxResults must be non-negative integers.');
  const keys = new Set(listParam(queryAll(req, 'keys')).map((k) => k.toUpperCase()));
  const ids = new Set(listParam(queryAll(req, 'id')));
  const query = queryFirst(req, 'query')?.toLowerCase();
  const expand = new Set(listParam(queryAll(req, 'expand')));
  const orderBy = queryFirst(req, 'orderBy') ?? 'key';
  const projects = ctx.state.site.projects
    .filter((p) => ctx.state.canBrowse(ctx.caller, p.key))
    .filter((p) => keys.size === 0 || keys.has(p.key))
    .filter((p) => ids.size === 0 || ids.has(p.id))
    .filter(
      (p) =>
        query === undefined || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query),
    );
  const descending = orderBy.startsWith('-');
  const by = orderBy.replace(/^[+-]/, '') === 'name' ? 'name' : 'key';
  projects.sort((a, b) => (a[by] < b[by] ? -1 : a[by] > b[by] ? 1 : 0) * (descending ? -1 : 1));
  const page = projects.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= projects.length;
  const self = `${ctx.base}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  const body: Record<string, unknown> = {
    self,
    maxResults,
    startAt,
    total: projects.length,
    isLast,
    values: page.map((p) => {
      const json: Record<string, unknown> = {
        expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
        self: `${ctx.base}/rest/api/3/project/${p.id}`,
        id: p.id,
        key: p.key,
        name: p.name,
        avatarUrls: projectAvatarUrls(ctx.base, p),
        projectTypeKey: 'software',
        simplified: p.style === 'next-gen',
        style: p.style,
        isPrivate: false,
        properties: {},
      };
      if (expand.has('lead')) json.lead = userJson(ctx.base, ctx.state.usersById.get(p.leadAccountId));
      if (expand.has('issueTypes')) {
        json.issueTypes = ctx.state.site.issueTypes.map((t) => ({
          self: `${ctx.base}/rest/api/3/issuetype/${t.id}`,
          id: t.id,
          description: t.description,
          iconUrl: `${ctx.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
          name: t.name,
          subtask: t.subtask,
          avatarId: t.avatarId,
          hierarchyLevel: t.hierarchyLevel,
        }));
      }
      return json;
    }),
  };
  if (!isLast)
    body.nextPage = `${ctx.base}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`;
  return ok(body);
}
