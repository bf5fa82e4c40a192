// Issue security levels: an issue under a level is for its members and the app only, everywhere a user reads.
import { findOperation, validateResponse } from '../../test/contract/openapi';
import { DEMO_PROGRAM, DEMO_USERS } from '../seed/index';
import type { Issue } from '../seed/index';
import { startEmulator, type EmulatorHandle, type Exchange } from './server';
import { admin, clientFor, searchAll, type Client, type Who } from './testing';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

let emulator: EmulatorHandle;
const exchanges: Exchange[] = [];
const as = (who: Who): Client => clientFor(emulator, who);

beforeAll(async () => {
  emulator = await startEmulator({
    now: () => NOW,
    generator: { securedDemoEpic: true },
    onExchange: (x) => exchanges.push(x),
  });
});
afterAll(() => emulator.close());

const site = () => emulator.site();
const issue = (key: string): Issue => site().issues.find((i) => i.key === key) as Issue;
const typeOf = (i: Issue): string => site().issueTypes.find((t) => t.id === i.issueTypeId)?.name ?? '';
const secured = (): string => {
  const [key] = site().program.securedEpicKeys;
  if (!key) throw new Error('the seed secured no demo epic');
  return key;
};
const accountOf = (email: string): string => DEMO_USERS.find((u) => u.email === email)?.accountId ?? '';
const patch = (key: string, body: unknown) => admin(emulator, 'PATCH', `/__emulator/issues/${key}`, body);
const keysOf = (issues: { key: string }[]): string[] => issues.map((i) => i.key);

describe('the seeded security level', () => {
  it('puts one DATA program epic under "Confidential", whose members are the TPM and the Data lead', () => {
    const level = site().securityLevels.find((l) => l.name === 'Confidential');
    expect(level?.projectKeys).toEqual(['DATA']);
    expect(level?.memberAccountIds.sort()).toEqual(
      [accountOf('tpm@example.com'), accountOf('lead.data@example.com')].sort(),
    );
    expect(site().program.securedEpicKeys).toHaveLength(1);
    expect(site().program.epicKeys).toContain(secured());
    expect(issue(secured()).securityLevel).toEqual({ id: level?.id, name: 'Confidential' });
  });
});

describe('a user outside the level', () => {
  it('does not find the secured epic in search; its members and the app do', async () => {
    const found = async (who: Who) =>
      keysOf((await searchAll(as(who), DEMO_PROGRAM.scopeJql, ['key'])).issues);
    const outside = await found('stakeholder@example.com');
    expect(outside).not.toContain(secured());
    expect(outside).toHaveLength(site().program.epicKeys.length - 1);
    for (const who of ['lead.data@example.com', 'tpm@example.com', 'app'] as const)
      expect(await found(who)).toContain(secured());
  });

  it('leaves it out of ids-only pages too', async () => {
    const ids = async (who: Who) =>
      (await searchAll(as(who), 'project = DATA AND issuetype = Epic', ['id'], 5000)).issues.map(
        (i: { id: string }) => i.id,
      );
    expect(await ids('sponsor@example.com')).not.toContain(issue(secured()).id);
    expect(await ids('lead.data@example.com')).toContain(issue(secured()).id);
  });

  it('gets a 400 for a JQL naming its key, as for a key that does not exist', async () => {
    const reply = await as('stakeholder@example.com').post('/rest/api/3/search/jql', {
      jql: `key = ${secured()}`,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toContain(secured());
    expect(
      (await as('lead.data@example.com').post('/rest/api/3/search/jql', { jql: `key = ${secured()}` }))
        .status,
    ).toBe(200);
  });

  it('gets it in issueErrors from bulkfetch and a 404 on a direct read, with Jira’s message', async () => {
    const other = site().program.epicKeys.find((k) => k.startsWith('DATA-') && k !== secured()) as string;
    const reply = await as('stakeholder@example.com').post('/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: [secured(), other],
      fields: ['summary', 'security'],
    });
    expect(reply.status).toBe(200);
    expect(keysOf(reply.body.issues)).toEqual([other]);
    expect(reply.body.issueErrors).toEqual([{ id: secured(), errorMessage: NOT_FOUND }]);
    const direct = await as('stakeholder@example.com').get(`/rest/api/3/issue/${secured()}`);
    expect(direct.status).toBe(404);
    expect(direct.body.errorMessages).toEqual([NOT_FOUND]);
    expect(
      (await as('stakeholder@example.com').get(`/rest/api/3/issue/${secured()}/properties`)).status,
    ).toBe(404);
  });

  it('still sees the epic’s children that have no level of their own', async () => {
    const children = site().issues.filter((i) => i.epicLinkKey === secured() || i.parentKey === secured());
    expect(children.length).toBeGreaterThan(0);
    const { issues } = await searchAll(as('stakeholder@example.com'), `"Epic Link" = ${secured()}`, ['key']);
    expect(keysOf(issues).sort()).toEqual(children.map((c) => c.key).sort());
  });

  it('is not shown links to it, while a member is', async () => {
    const other = site().program.epicKeys.find((k) => k.startsWith('PLAT-')) as string;
    const made = await admin(emulator, 'POST', '/__emulator/links', {
      type: 'Blocks',
      source: secured(),
      target: other,
    });
    try {
      const links = async (who: Who): Promise<string[]> =>
        (await as(who).get(`/rest/api/3/issue/${other}?fields=issuelinks`)).body.fields.issuelinks.map(
          (l: { inwardIssue?: { key: string } }) => l.inwardIssue?.key,
        );
      expect(await links('stakeholder@example.com')).not.toContain(secured());
      expect(await links('lead.data@example.com')).toContain(secured());
    } finally {
      await admin(emulator, 'DELETE', `/__emulator/links/${made.body.id}`);
    }
  });

  it('keeps BROWSE_PROJECTS on the project: permissions/check stays per project', async () => {
    const data = site().projects.find((p) => p.key === 'DATA');
    const reply = await as('stakeholder@example.com').post('/rest/api/3/permissions/check', {
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [Number(data?.id)] }],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.projectPermissions[0].projects).toEqual([Number(data?.id)]);
  });
});

describe('a level set through PATCH /__emulator/issues', () => {
  const payEpic = () => site().program.epicKeys.find((k) => k.startsWith('PAY-')) as string;
  const storyWithSubtask = (): Issue => {
    const subtask = site().issues.find(
      (i) => typeOf(i) === 'Sub-task' && i.projectKey === 'PAY' && issue(i.parentKey ?? '')?.parentKey,
    );
    if (!subtask) throw new Error('no PAY sub-task in the seed');
    return issue(subtask.parentKey ?? '');
  };
  afterEach(async () => {
    await patch(payEpic(), { securityLevel: null });
    await patch(storyWithSubtask().key, { securityLevel: null });
  });

  it('hides the issue from non-members at once, reports the `security` field, and clears with null', async () => {
    const key = payEpic();
    expect((await patch(key, { securityLevel: { name: 'finance only' } })).status).toBe(200);
    expect((await as('stakeholder@example.com').get(`/rest/api/3/issue/${key}`)).status).toBe(404);
    const member = await as('sponsor@example.com').get(`/rest/api/3/issue/${key}?fields=security`);
    expect(member.body.fields.security).toMatchObject({ id: '10100', name: 'Finance only' });
    expect((await patch(key, { securityLevel: null })).status).toBe(200);
    const cleared = await as('stakeholder@example.com').get(`/rest/api/3/issue/${key}?fields=security`);
    expect(cleared.status).toBe(200);
    expect(cleared.body.fields.security).toBeNull();
  });

  it('leaves a secured parent out of a visible child’s `parent` field', async () => {
    const child = site().issues.find((i) => i.parentKey === payEpic()) as Issue;
    await patch(payEpic(), { securityLevel: { id: '10100', name: 'Finance only' } });
    const outside = await as('stakeholder@example.com').get(`/rest/api/3/issue/${child.key}?fields=parent`);
    expect(outside.status).toBe(200);
    expect(outside.body.fields).not.toHaveProperty('parent');
    const member = await as('sponsor@example.com').get(`/rest/api/3/issue/${child.key}?fields=parent`);
    expect(member.body.fields.parent.key).toBe(payEpic());
  });

  it('gives sub-tasks their parent’s level', async () => {
    const story = storyWithSubtask();
    const subtask = site().issues.find((i) => i.parentKey === story.key && typeOf(i) === 'Sub-task') as Issue;
    await patch(story.key, { securityLevel: { name: 'Finance only' } });
    expect((await as('stakeholder@example.com').get(`/rest/api/3/issue/${subtask.key}`)).status).toBe(404);
    const member = await as('sponsor@example.com').get(`/rest/api/3/issue/${subtask.key}?fields=security`);
    expect(member.body.fields.security.name).toBe('Finance only');
    const parent = await as('stakeholder@example.com').get(`/rest/api/3/issue/${story.key}`);
    expect(parent.status).toBe(404);
  });

  it.each([
    [{ name: 'Top secret' }, /Unknown security level 'Top secret'/],
    [{ id: '10101', name: 'Finance only' }, /has the id 10100/],
    [{ name: 'Confidential' }, /not in the issue security scheme of project PAY/],
  ])('answers 400 for %j and changes nothing', async (securityLevel, message) => {
    const key = payEpic();
    const before = JSON.stringify(issue(key));
    const reply = await patch(key, { securityLevel, summary: 'Renamed' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(message);
    expect(JSON.stringify(issue(key))).toBe(before);
  });

  it('answers 400 for a sub-task, which takes its parent’s level', async () => {
    const subtask = site().issues.find((i) => typeOf(i) === 'Sub-task' && i.projectKey === 'PAY') as Issue;
    const reply = await patch(subtask.key, { securityLevel: { name: 'Finance only' } });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/sub-task/);
  });
});

describe('the answers', () => {
  it('validate against the published Jira spec', () => {
    const checked = exchanges.filter((x) => findOperation(x.method, x.path) !== undefined);
    expect(checked.length).toBeGreaterThan(20);
    const problems = checked.flatMap((x) =>
      validateResponse({
        method: x.method,
        path: x.path,
        status: x.status,
        body: x.responseBody,
        contentType: x.responseHeaders['content-type'] ?? '',
      }).map((p) => `${x.method} ${x.path} → ${x.status}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
