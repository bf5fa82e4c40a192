import type { ProgramRecord } from '../domain/program/program';
import type { ProgramStore } from '../ports/program-store';
import { NotAllowedError, ProgramNotFoundError } from './errors';

export type ProgramRole = 'owner' | 'team-lead' | 'sponsor' | 'stakeholder';

/** What a caller needs: to read the program, to edit it, or to edit one team's own data. */
export type AccessNeed = 'read' | 'edit' | { team: string };

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

export function allows(program: ProgramRecord, accountId: string | undefined, need: AccessNeed): boolean {
  const roles = rolesOf(program, accountId);
  if (roles.length === 0) return false;
  if (need === 'read') return true;
  if (roles.includes('owner')) return true;
  if (need === 'edit') return false;
  return program.teams.some((t) => t.id === need.team && t.leadAccountId === accountId);
}

/**
 * Loads the program and checks the caller may do what they need. Those with no role see nothing:
 * a program they cannot read answers FORBIDDEN, the same as one they cannot edit.
 */
export async function authorize(
  programs: ProgramStore,
  programId: string,
  accountId: string | undefined,
  need: AccessNeed,
): Promise<ProgramRecord> {
  const program = await programs.get(programId);
  if (!program) throw new ProgramNotFoundError(programId);
  if (!allows(program, accountId, need)) {
    if (!canRead(program, accountId)) throw new NotAllowedError('You are not involved in this program.');
    throw new NotAllowedError(
      need === 'edit'
        ? 'Only the program’s owners can change this.'
        : 'Only the program’s owners and this team’s lead can change this.',
    );
  }
  return program;
}
