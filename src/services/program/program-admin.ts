// Program-level use cases: create, edit, parties, teams, stage. Each checks the caller's role, writes
// once with the version the caller read, and answers with the fresh overview.
import type {
  PartiesChange,
  ProgramChanges,
  ProgramOverview,
  ProgramStage,
  TeamFields,
} from '../../contract';
import { completionRecordsOf } from '../../domain/completion/readiness';
import { newProgramRecord, type Person, type ProgramRecord } from '../../domain/program/program';
import { moveStage, StageGateError } from '../../domain/stage-gate/stage-gate';
import { authorize } from '../access';
import { NotAllowedError, ProgramRuleError } from '../errors';
import type { ProgramDeps } from './deps';
import { loadOverview } from './overview';
import { restoreHiddenKeys, type BrowseCheckDeps } from '../visibility';

const MAX_TEAMS = 50;
const MAX_PEOPLE = 200;

export async function createProgram(
  deps: ProgramDeps,
  accountId: string | undefined,
  request: { id: string; name: string; scopeJql: string; description?: string },
  creatorName: string | undefined,
): Promise<ProgramOverview> {
  if (!accountId) throw new NotAllowedError('Sign in to create a program.');
  const now = deps.now();
  const program = await deps.programs.create(
    newProgramRecord({
      id: request.id,
      name: request.name,
      stage: 'initiation',
      scopeJql: request.scopeJql,
      owners: [accountId],
      createdAt: now,
      description: request.description ?? '',
      people: creatorName ? [{ accountId, displayName: creatorName }] : [],
      stageHistory: [{ from: null, to: 'initiation', at: now, by: accountId, override: null }],
    }),
  );
  return loadOverview(deps.programs, program, accountId);
}

async function write(
  deps: ProgramDeps,
  accountId: string | undefined,
  program: ProgramRecord,
  expectedVersion: number,
): Promise<ProgramOverview> {
  const saved = await deps.programs.update({ ...program, updatedAt: deps.now() }, expectedVersion);
  return loadOverview(deps.programs, saved, accountId);
}

/**
 * Changes the program's own fields. Its editor was shown them without the issues they cannot browse (`browse`
 * asks Jira as them); those are put back into the changed texts, so a save cannot drop them.
 */
export async function updateProgram(
  deps: ProgramDeps,
  accountId: string | undefined,
  request: { programId: string; expectedVersion: number; changes: ProgramChanges },
  browse?: BrowseCheckDeps,
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  const given = Object.fromEntries(Object.entries(request.changes).filter(([, v]) => v !== undefined));
  const changes = browse ? await restoreHiddenKeys(browse, program, given) : given;
  return write(deps, accountId, { ...program, ...changes }, request.expectedVersion);
}

export async function updateParties(
  deps: ProgramDeps,
  accountId: string | undefined,
  request: { programId: string; expectedVersion: number; parties: PartiesChange },
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  const { owners, sponsor, stakeholders } = request.parties;
  if (owners.length === 0)
    throw new ProgramRuleError('A program needs at least one owner.', 'parties.owners');
  const people = mergePeople(program.people, request.parties.people);
  return write(
    deps,
    accountId,
    { ...program, owners, sponsor, stakeholders, people },
    request.expectedVersion,
  );
}

/** Newer display names win; names of people no longer named anywhere are kept, up to a bound. */
function mergePeople(known: Person[], given: Person[]): Person[] {
  const byId = new Map(known.map((p) => [p.accountId, p]));
  for (const person of given) byId.set(person.accountId, person);
  return [...byId.values()].slice(-MAX_PEOPLE);
}

export async function saveTeam(
  deps: ProgramDeps,
  accountId: string | undefined,
  request: {
    programId: string;
    expectedVersion: number;
    teamId?: string;
    team: TeamFields;
    people?: Person[];
  },
): Promise<ProgramOverview> {
  const { teamId } = request;
  const program = await authorize(
    deps.programs,
    request.programId,
    accountId,
    teamId === undefined ? 'edit' : { team: teamId },
  );
  const isOwner = program.owners.includes(accountId ?? '');
  let teams;
  if (teamId === undefined) {
    if (program.teams.length >= MAX_TEAMS)
      throw new ProgramRuleError(`A program has at most ${MAX_TEAMS} teams.`, 'team');
    teams = [...program.teams, { id: deps.newId(), ...request.team }];
  } else {
    const current = program.teams.find((t) => t.id === teamId);
    if (!current) throw new ProgramRuleError(`No team with id "${teamId}" in this program.`, 'teamId');
    // A team lead tunes their team's figures; who leads it and what it is called stay the owners' call.
    const next = isOwner
      ? { ...current, ...request.team }
      : { ...current, jiraTeam: request.team.jiraTeam, capacityPerSprint: request.team.capacityPerSprint };
    teams = program.teams.map((t) => (t.id === teamId ? next : t));
  }
  const people = mergePeople(program.people, request.people ?? []);
  return write(deps, accountId, { ...program, teams, people }, request.expectedVersion);
}

export async function deleteTeam(
  deps: ProgramDeps,
  accountId: string | undefined,
  request: { programId: string; expectedVersion: number; teamId: string },
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  if (!program.teams.some((t) => t.id === request.teamId))
    throw new ProgramRuleError(`No team with id "${request.teamId}" in this program.`, 'teamId');
  const teams = program.teams.filter((t) => t.id !== request.teamId);
  return write(deps, accountId, { ...program, teams }, request.expectedVersion);
}

export async function moveProgramStage(
  deps: ProgramDeps,
  accountId: string | undefined,
  request: { programId: string; expectedVersion: number; to: ProgramStage; overrideReason?: string },
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  const items = await deps.programs.items(program.id);
  let moved: ProgramRecord;
  try {
    moved = moveStage(
      {
        program,
        strategies: items.strategy,
        strategicInitiatives: items['strategic-initiative'],
        goals: items.goal,
        milestones: items.milestone,
        risks: items.risk,
        completion: completionRecordsOf(items),
      },
      request.to,
      request.overrideReason ?? null,
      deps.now(),
      accountId ?? '',
    );
  } catch (error) {
    if (error instanceof StageGateError)
      throw new ProgramRuleError(error.message, error.missing.length > 0 ? 'overrideReason' : 'to');
    throw error;
  }
  return write(deps, accountId, moved, request.expectedVersion);
}
