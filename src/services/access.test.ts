import { newProgramRecord } from '../domain/program/program';
import type { ProgramStore } from '../ports/program-store';
import { allows, authorize, rolesOf, type AccessNeed } from './access';
import { NotAllowedError, ProgramClosedError } from './errors';

const program = newProgramRecord({
  id: 'p',
  name: 'P',
  stage: 'initiation',
  scopeJql: 'x',
  owners: ['tpm'],
  createdAt: '2027-01-01T00:00:00Z',
  sponsor: 'sponsor',
  stakeholders: ['stake'],
  teams: [{ id: 'pay', name: 'Payments', jiraTeam: 'PAY', leadAccountId: 'lead', capacityPerSprint: 10 }],
});

describe('program roles', () => {
  it.each([
    ['tpm', ['owner']],
    ['lead', ['team-lead']],
    ['sponsor', ['sponsor']],
    ['stake', ['stakeholder']],
    ['stranger', []],
  ])('gives %s the roles %j', (accountId, roles) => {
    expect(rolesOf(program, accountId)).toEqual(roles);
  });

  it('lets owners edit everything and team leads only their own team', () => {
    expect(allows(program, 'tpm', 'edit')).toBe(true);
    expect(allows(program, 'lead', 'edit')).toBe(false);
    expect(allows(program, 'lead', { team: 'pay' })).toBe(true);
    expect(allows(program, 'lead', { team: 'other' })).toBe(false);
  });

  it('lets sponsors and stakeholders read but not edit, and strangers nothing', () => {
    expect(allows(program, 'sponsor', 'read')).toBe(true);
    expect(allows(program, 'stake', 'edit')).toBe(false);
    expect(allows(program, 'stranger', 'read')).toBe(false);
    expect(allows(program, undefined, 'read')).toBe(false);
  });
});

describe('a closed program', () => {
  const closed = {
    ...program,
    stage: 'closed' as const,
    stageHistory: [
      {
        from: 'completion' as const,
        to: 'closed' as const,
        at: '2027-10-01T09:00:00Z',
        by: 'tpm',
        override: null,
      },
    ],
  };
  const store = { get: async (id: string) => (id === 'p' ? closed : undefined) } as unknown as ProgramStore;

  it('can be read by everyone involved, and changed by nobody', () => {
    expect(allows(closed, 'stake', 'read')).toBe(true);
    for (const need of ['edit', 'any-lead', 'contribute', { team: 'pay' }] as AccessNeed[]) {
      expect(allows(closed, 'tpm', need)).toBe(false);
      expect(allows(closed, 'lead', need)).toBe(false);
    }
  });

  it('can be reopened by an owner only, and only once closed', () => {
    expect(allows(closed, 'tpm', 'reopen')).toBe(true);
    expect(allows(closed, 'lead', 'reopen')).toBe(false);
    expect(allows(program, 'tpm', 'reopen')).toBe(false);
  });

  it.each([
    ['tpm', 'edit'],
    ['lead', { team: 'pay' }],
    ['lead', 'any-lead'],
    ['stake', 'contribute'],
  ] as [string, AccessNeed][])('refuses %s a change (%j) as closed, saying when', async (who, need) => {
    const refusal = authorize(store, 'p', who, need);
    await expect(refusal).rejects.toBeInstanceOf(ProgramClosedError);
    await expect(refusal).rejects.toThrow(/closed on 2027-10-01: it is read-only/);
  });

  it('refuses those without the role as forbidden, closed or not', async () => {
    await expect(authorize(store, 'p', 'stake', 'edit')).rejects.toBeInstanceOf(NotAllowedError);
    await expect(authorize(store, 'p', 'stranger', 'read')).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('lets readers read and an owner reopen', async () => {
    await expect(authorize(store, 'p', 'stake', 'read')).resolves.toBe(closed);
    await expect(authorize(store, 'p', 'tpm', 'reopen')).resolves.toBe(closed);
  });
});

describe('changes open to any team lead or anyone involved', () => {
  it('lets owners and any team lead make a lead’s change, and anyone involved contribute', () => {
    expect(allows(program, 'tpm', 'any-lead')).toBe(true);
    expect(allows(program, 'lead', 'any-lead')).toBe(true);
    expect(allows(program, 'sponsor', 'any-lead')).toBe(false);
    expect(allows(program, 'stake', 'contribute')).toBe(true);
    expect(allows(program, 'stranger', 'contribute')).toBe(false);
  });
});
