import { newProgramRecord } from '../domain/program/program';
import { allows, rolesOf } from './access';

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
