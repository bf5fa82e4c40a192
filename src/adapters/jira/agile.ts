// Jira Software (agile) endpoints: boards and their sprints, read as the viewer. One function per
// endpoint with a literal route at the call site for the scope linter; answers parsed with zod.
import api, { route } from '@forge/api';
import { z } from 'zod';
import type { BoardSprint } from '../../domain/calendar/types';
import { callAtlassian, readJson } from '../platform/call';

const BoardPage = z.object({
  isLast: z.boolean().optional(),
  values: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      type: z.string(),
      location: z.object({ projectKey: z.string().optional() }).optional(),
    }),
  ),
});
const SprintPage = z.object({
  isLast: z.boolean().optional(),
  values: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      state: z.string(),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
    }),
  ),
});

export interface AgileBoard {
  id: number;
  name: string;
  type: string;
  projectKey: string | null;
}

const PAGE = 50;
/** Enough for any board's quarter; a runaway paging loop stops here. */
const MAX_PAGES = 40;

/** Every board of a project the viewer can see (GET /rest/agile/1.0/board?projectKeyOrId=…). */
export async function getBoardsOfProject(projectKeyOrId: string): Promise<AgileBoard[]> {
  const boards: AgileBoard[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const startAt = page * PAGE;
    const response = await callAtlassian('getAllBoards', () =>
      api
        .asUser()
        .requestJira(
          route`/rest/agile/1.0/board?projectKeyOrId=${projectKeyOrId}&startAt=${startAt}&maxResults=${PAGE}`,
          { headers: { Accept: 'application/json' } },
        ),
    );
    const body = BoardPage.parse(await readJson('getAllBoards', response));
    for (const b of body.values)
      boards.push({ id: b.id, name: b.name, type: b.type, projectKey: b.location?.projectKey ?? null });
    if (body.isLast !== false || body.values.length === 0) break;
  }
  return boards;
}

/** Every sprint of a board (GET /rest/agile/1.0/board/{boardId}/sprint); kanban boards have none. */
export async function getSprintsOfBoard(boardId: number): Promise<BoardSprint[]> {
  const sprints: BoardSprint[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const startAt = page * PAGE;
    const response = await callAtlassian('getAllSprints', () =>
      api
        .asUser()
        .requestJira(route`/rest/agile/1.0/board/${boardId}/sprint?startAt=${startAt}&maxResults=${PAGE}`, {
          headers: { Accept: 'application/json' },
        }),
    );
    const body = SprintPage.parse(await readJson('getAllSprints', response));
    for (const s of body.values)
      sprints.push({
        id: s.id,
        name: s.name,
        state: s.state,
        ...(s.startDate ? { startDate: s.startDate } : {}),
        ...(s.endDate ? { endDate: s.endDate } : {}),
      });
    if (body.isLast !== false || body.values.length === 0) break;
  }
  return sprints;
}
