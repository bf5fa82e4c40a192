import type { Sprint } from '../../seed/index';
import {
  jiraError,
  ok,
  queryFirst,
  queryInt,
  type ApiContext,
  type ApiRequest,
  type ApiResponse,
} from '../http';
import { listParam, projectAvatarUrls } from './render';

function paging(req: ApiRequest): { startAt: number; maxResults: number } | ApiResponse {
  const startAt = queryInt(req, 'startAt') ?? 0;
  const maxResults = Math.min(queryInt(req, 'maxResults') ?? 50, 50);
  if (Number.isNaN(startAt) || Number.isNaN(maxResults) || startAt < 0 || maxResults < 1)
    return jiraError(400, 'startAt and maxResults must be non-negative integers.');
  return { startAt, maxResults };
}

export function getAllBoards(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const page = paging(req);
  if ('status' in page) return page;
  const type = queryFirst(req, 'type');
  const name = queryFirst(req, 'name')?.toLowerCase();
  const projectKeyOrId = queryFirst(req, 'projectKeyOrId');
  const project =
    projectKeyOrId === undefined
      ? undefined
      : (ctx.state.projectsByKey.get(projectKeyOrId.toUpperCase()) ??
        ctx.state.projectsById.get(projectKeyOrId));
  if (projectKeyOrId !== undefined && (!project || !ctx.state.canBrowse(ctx.caller, project.key))) {
    return jiraError(400, `No project could be found with key or id '${projectKeyOrId}'.`);
  }
  const boards = ctx.state.site.boards.filter(
    (b) =>
      ctx.state.canBrowse(ctx.caller, b.projectKey) &&
      (type === undefined || b.type === type) &&
      (name === undefined || b.name.toLowerCase().includes(name)) &&
      (project === undefined || b.projectKey === project.key),
  );
  const values = boards.slice(page.startAt, page.startAt + page.maxResults).map((b) => {
    const p = ctx.state.projectsByKey.get(b.projectKey);
    return {
      id: b.id,
      self: `${ctx.base}/rest/agile/1.0/board/${b.id}`,
      name: b.name,
      type: b.type,
      location: p
        ? {
            projectId: Number(p.id),
            displayName: `${p.name} (${p.key})`,
            projectName: p.name,
            projectKey: p.key,
            projectTypeKey: 'software',
            avatarURI: projectAvatarUrls(ctx.base, p)['48x48'],
            name: `${p.name} (${p.key})`,
          }
        : {},
    };
  });
  return ok({
    maxResults: page.maxResults,
    startAt: page.startAt,
    total: boards.length,
    isLast: page.startAt + page.maxResults >= boards.length,
    values,
  });
}

function sprintJson(base: string, s: Sprint): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.id,
    self: `${base}/rest/agile/1.0/sprint/${s.id}`,
    state: s.state,
    name: s.name,
  };
  if (s.startDate) out.startDate = s.startDate;
  if (s.endDate) out.endDate = s.endDate;
  if (s.completeDate) out.completeDate = s.completeDate;
  out.createdDate = s.createdDate;
  out.originBoardId = s.boardId;
  if (s.goal) out.goal = s.goal;
  return out;
}

export function getAllSprints(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const board = ctx.state.boardsById.get(Number(req.params.boardId));
  if (!board || !ctx.state.canBrowse(ctx.caller, board.projectKey)) {
    return jiraError(
      404,
      'The requested board cannot be viewed because it either does not exist or you do not have permission to view it.',
    );
  }
  const page = paging(req);
  if ('status' in page) return page;
  const states = new Set(listParam(queryFirst(req, 'state')));
  const sprints = ctx.state.site.sprints.filter(
    (s) => s.boardId === board.id && (states.size === 0 || states.has(s.state)),
  );
  return ok({
    maxResults: page.maxResults,
    startAt: page.startAt,
    isLast: page.startAt + page.maxResults >= sprints.length,
    values: sprints.slice(page.startAt, page.startAt + page.maxResults).map((s) => sprintJson(ctx.base, s)),
  });
}
