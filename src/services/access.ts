// Who may do what in a program. A closed program is read-only: every change is refused here, centrally, so
// no resolver can forget it; only an owner reopening it gets through.
import type { ProgramRecord } from '../domain/program/program';
import type { ProgramStore } from '../ports/program-store';
import { NotAllowedError, ProgramClosedError, ProgramNotFoundError } from './errors';

export type ProgramRole = 'owner' | 'team-lead' | 'sponsor' | 'stakeholder';

/**
 * What a caller needs: to read the program; to edit it (owners); to edit one team's own data (owners and
 * that team's lead); to change what owners and any team lead may (`any-lead`); to make a change anyone with
 * a role may make (`contribute`, e.g. an epic's membership, further gated by Jira); or to reopen it once
 * closed (owners). Every need but `read` and `reopen` is refused on a closed program.
 */
export type AccessNeed = 'read' | 'edit' | 'any-lead' | 'contribute' | 'reopen' | { team: string };

export function rolesOf(program: ProgramRecord, accountId: string | undefined): ProgramRole[] {
  if (!accountId) return [];
  const roles: ProgramRole[] = [];
  if (program.owners.includes(accountId)) roles.push('owner');
  if (program.teams.some((t) => t.leadAccountId === accountId)) roles.push('team-lead');
  if (program.sponsor === accountId) roles.push('sponsor');
  if (program.stakeholders.includes(accountId)) roles.push('stakeholder');
  return roles;
}

export function canRead(program: ProgramRecord, accountId: string | undefined): boolean {
  return rolesOf(program, accountId).length > 0;
}

export const isClosed = (program: Pick<ProgramRecord, 'stage'>): boolean => program.stage === 'closed';

/** What the caller's roles permit, whatever the program's stage. */
function permittedByRole(program: ProgramRecord, accountId: string | undefined, need: AccessNeed): boolean {
  const roles = rolesOf(program, accountId);
  if (roles.length === 0) return false;
  if (need === 'read' || need === 'contribute') return true;
  if (roles.includes('owner')) return true;
  if (need === 'edit' || need === 'reopen') return false;
  if (need === 'any-lead') return roles.includes('team-lead');
  return program.teams.some((t) => t.id === need.team && t.leadAccountId === accountId);
}

/** Whether the caller may do it now: their roles allow it and, for a change, the program is not closed. */
export function allows(program: ProgramRecord, accountId: string | undefined, need: AccessNeed): boolean {
  if (!permittedByRole(program, accountId, need)) return false;
  if (need === 'read') return true;
  if (need === 'reopen') return isClosed(program);
  return !isClosed(program);
}

const REFUSAL: Record<Exclude<AccessNeed, { team: string }>, string> = {
  read: 'You are not involved in this program.',
  edit: 'Only the program’s owners can change this.',
  reopen: 'Only the program’s owners can reopen it.',
  'any-lead': 'Only the program’s owners and team leads can change this.',
  contribute: 'You are not involved in this program.',
};

/**
 * Loads the program and checks the caller may do what they need. Those with no role see nothing:
 * a program they cannot read answers FORBIDDEN, the same as one they cannot edit. A change to a closed
 * program answers ProgramClosedError, whoever asks.
 */
export async function authorize(
  programs: ProgramStore,
  programId: string,
  accountId: string | undefined,
  need: AccessNeed,
): Promise<ProgramRecord> {
  const program = await programs.get(programId);
  if (!program) throw new ProgramNotFoundError(programId);
  if (!permittedByRole(program, accountId, need)) {
    if (!canRead(program, accountId)) throw new NotAllowedError(REFUSAL.read);
    throw new NotAllowedError(
      typeof need === 'string'
        ? REFUSAL[need]
        : 'Only the program’s owners and this team’s lead can change this.',
    );
  }
  if (need !== 'read' && need !== 'reopen' && isClosed(program)) throw new ProgramClosedError(program);
  return program;
}
