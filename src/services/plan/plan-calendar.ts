// The quarter's sprints: from a team's Jira board when it has sprints in the quarter, else generated.
import type { CalendarRequest, PlanCalendar, TeamBoard } from '../../contract';
import { generateSprints, quarterFirstMonday, sprintsFromBoard } from '../../domain/calendar';
import type { ProgramRecord } from '../../domain/program/program';
import { BadRequestError, NotFoundError } from '../../ports/atlassian-errors';
import type { AgileBoardRef, PlanDeps } from './deps';

const DEFAULT_LENGTH_DAYS = 14;

/** Boards of the projects the program's teams work in; a team whose jiraTeam is no project is skipped. */
export async function teamBoards(
  deps: Pick<PlanDeps, 'agile'>,
  program: ProgramRecord,
): Promise<{ boards: TeamBoard[]; warnings: string[] }> {
  const warnings: string[] = [];
  const boards: TeamBoard[] = [];
  const seen = new Set<number>();
  for (const team of program.teams) {
    let found: AgileBoardRef[];
    try {
      found = await deps.agile.boardsOfProject(team.jiraTeam);
    } catch (error) {
      if (!(error instanceof BadRequestError) && !(error instanceof NotFoundError)) throw error;
      warnings.push(`Team ${team.name}: “${team.jiraTeam}” is not a Jira project with boards you can see.`);
      continue;
    }
    for (const b of found) {
      if (seen.has(b.id)) continue;
      seen.add(b.id);
      boards.push({ boardId: b.id, name: b.name, type: b.type, projectKey: b.projectKey, teamId: team.id });
    }
  }
  return { boards, warnings };
}

/** Resolves the calendar a request asks for; falls back to generated sprints when no board has any. */
export async function resolveCalendar(
  deps: Pick<PlanDeps, 'agile' | 'now'>,
  program: ProgramRecord,
  quarter: string,
  request: CalendarRequest,
): Promise<{ calendar: PlanCalendar; warnings: string[] }> {
  const lengthDays = request.lengthDays ?? DEFAULT_LENGTH_DAYS;
  const refreshedAt = deps.now();
  const warnings: string[] = [];
  if (request.source === 'board') {
    const candidates: { id: number; name: string | null }[] = [];
    if (request.boardId !== undefined) candidates.push({ id: request.boardId, name: null });
    const listed = await teamBoards(deps, program);
    warnings.push(...listed.warnings);
    for (const b of listed.boards) {
      const known = candidates.find((c) => c.id === b.boardId);
      if (known) known.name = b.name;
      else if (request.boardId === undefined && b.type === 'scrum')
        candidates.push({ id: b.boardId, name: b.name });
    }
    for (const board of candidates) {
      const boardSprints = await deps.agile.sprintsOfBoard(board.id);
      const sprints = sprintsFromBoard({ quarter, boardSprints, lengthDays });
      if (sprints.length > 0)
        return {
          calendar: {
            source: 'board',
            boardId: board.id,
            boardName: board.name,
            lengthDays,
            firstStart: sprints[0]?.start ?? null,
            sprints,
            refreshedAt,
          },
          warnings,
        };
    }
    warnings.push(`No team board has sprints in ${quarter}; the sprints are generated.`);
  }
  const firstStart = request.firstStart ?? quarterFirstMonday(quarter);
  return {
    calendar: {
      source: 'generated',
      boardId: null,
      boardName: null,
      lengthDays,
      firstStart,
      sprints: generateSprints({ quarter, lengthDays, firstStart }),
      refreshedAt,
    },
    warnings,
  };
}
