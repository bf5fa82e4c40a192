import { DEMO_PROGRAM, generateSite } from '../seed/index';
import type { Issue } from '../seed/index';
import { startEmulator, type EmulatorHandle } from './server';
import { clientFor, searchAll, type Client } from './testing';

const NOW = Date.parse('2026-11-25T10:00:00Z');

let emulator: EmulatorHandle;
let tpm: Client;
let contractor: Client;

beforeAll(async () => {
  emulator = await startEmulator({ now: () => NOW });
  tpm = clientFor(emulator, 'tpm@example.com');
  contractor = clientFor(emulator, 'contractor@example.com');
});

afterAll(() => emulator.close());

const site = () => emulator.site();
const issue = (key: string): Issue => site().issues.find((i) => i.key === key) as Issue;
const typeOf = (i: Issue): string => site().issueTypes.find((t) => t.id === i.issueTypeId)?.name ?? '';

describe('search/jql paging', () => {
  it('returns every program epic exactly once across pages, with no total', async () => {
    const pages: unknown[] = [];
    const ids: string[] = [];
    let nextPageToken: string | undefined;
    for (;;) {
      const reply = await tpm.post('/rest/api/3/search/jql', {
        jql: DEMO_PROGRAM.scopeJql,
        maxResults: 7,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      expect(reply.status).toBe(200);
      expect(reply.body).not.toHaveProperty('total');
      pages.push(reply.body);
      ids.push(...reply.body.issues.map((i: { id: string }) => i.id));
      if (reply.body.isLast) {
        expect(reply.body).not.toHaveProperty('nextPageToken');
        break;
      }
      nextPageToken = reply.body.nextPageToken;
    }
    const expected = site().program.epicKeys.map((k) => issue(k).id);
    expect(ids.sort()).toEqual([...expected].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.length).toBe(Math.ceil(expected.length / 7));
  });

  it('answers ids only by default, and key, self and fields when fields are asked for', async () => {
    const idsOnly = await tpm.post('/rest/api/3/search/jql', { jql: 'project = PAY', maxResults: 1 });
    expect(idsOnly.body.issues[0]).toEqual({ id: expect.any(String) });
    const withFields = await tpm.post('/rest/api/3/search/jql', {
      jql: 'project = PAY',
      fields: ['summary', 'status'],
      maxResults: 1,
    });
    const first = withFields.body.issues[0];
    expect(first).toMatchObject({
      id: expect.any(String),
      key: 'PAY-1',
      self: expect.stringContaining('/rest/api/3/issue/'),
    });
    expect(Object.keys(first.fields).sort()).toEqual(['status', 'summary']);
    expect(first.fields.status.statusCategory).toMatchObject({
      key: expect.stringMatching(/^(new|indeterminate|done)$/),
      colorName: expect.any(String),
    });
  });

  it('caps pages at 100 issues with fields and 5000 with ids only', async () => {
    const withFields = await tpm.post('/rest/api/3/search/jql', {
      jql: 'project in (PAY, ID, MOB)',
      fields: ['summary'],
      maxResults: 1000,
    });
    expect(withFields.body.issues).toHaveLength(100);
    expect(withFields.body.isLast).toBe(false);
    const idsOnly = await tpm.post('/rest/api/3/search/jql', {
      jql: 'project in (PAY, ID, MOB, DATA, PLAT)',
      fields: ['id'],
      maxResults: 10_000,
    });
    expect(idsOnly.body.issues).toHaveLength(site().issues.length);
    expect(idsOnly.body.isLast).toBe(true);
  });

  it('supports GET with repeated and comma-separated fields', async () => {
    const reply = await tpm.get(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('key = PAY-1')}&fields=summary,labels&fields=issuetype`,
    );
    expect(Object.keys(reply.body.issues[0].fields).sort()).toEqual(['issuetype', 'labels', 'summary']);
  });

  it('rejects a page token from another query', async () => {
    const first = await tpm.post('/rest/api/3/search/jql', { jql: 'project = PAY', maxResults: 1 });
    const reply = await tpm.post('/rest/api/3/search/jql', {
      jql: 'project = ID',
      nextPageToken: first.body.nextPageToken,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toMatch(/token/i);
  });

  it('returns names and schema of the requested fields when expanded', async () => {
    const reply = await tpm.post('/rest/api/3/search/jql', {
      jql: 'key = PAY-1',
      fields: ['summary', site().customFieldIds.storyPoints],
      expand: 'names,schema',
    });
    expect(reply.body.names).toEqual({
      summary: 'Summary',
      [site().customFieldIds.storyPoints]: 'Story point estimate',
    });
    expect(reply.body.schema[site().customFieldIds.storyPoints]).toMatchObject({
      custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
    });
  });
});

describe('JQL', () => {
  const keys = async (jql: string): Promise<string[]> =>
    (await searchAll(tpm, jql, ['key'], 100)).issues.map((i: { key: string }) => i.key);
  // The table is built before the emulator starts; the emulator serves the same seed and clock.
  const seeded = generateSite({ now: NOW });
  const { cycle, epicKeys, legacyProjectKeys } = seeded.program;
  const idOf = (key: string): string => seeded.issues.find((i) => i.key === key)?.id ?? '';
  const legacyEpic = epicKeys.find((k) => k.startsWith(`${legacyProjectKeys[0]}-`)) as string;
  const modernEpic = epicKeys.find((k) => k.startsWith('PAY-')) as string;

  it.each<[string, string, (k: string[]) => void]>([
    ['a project', 'project = PAY', (k) => expect(k.every((x) => x.startsWith('PAY-'))).toBe(true)],
    [
      'projects by list',
      'project in (PAY, "MOB")',
      (k) => expect(new Set(k.map((x) => x.split('-')[0]))).toEqual(new Set(['PAY', 'MOB'])),
    ],
    ['epics', 'issuetype = Epic', (k) => expect(k.every((x) => typeOf(issue(x)) === 'Epic')).toBe(true)],
    [
      'issue types by list',
      'issuetype in (Story, Task) AND project = ID',
      (k) => expect(k.every((x) => ['Story', 'Task'].includes(typeOf(issue(x))))).toBe(true),
    ],
    ['keys', 'key in (PAY-2, ID-1) ORDER BY key DESC', (k) => expect(k).toEqual(['PAY-2', 'ID-1'])],
    ['issuekey', `issuekey = ${cycle[0]}`, (k) => expect(k).toEqual([cycle[0]])],
    ['ids', `id in (${idOf('PAY-1')}, ${idOf('ID-1')})`, (k) => expect(k).toEqual(['ID-1', 'PAY-1'])],
    ['children by parent', `parent = ${modernEpic}`, (k) => expect(k.length).toBeGreaterThan(0)],
    [
      'legacy children by Epic Link',
      `"Epic Link" in (${legacyEpic})`,
      (k) => expect(k.every((x) => issue(x).epicLinkKey === legacyEpic)).toBe(true),
    ],
    ['labels', 'labels = "program-atlas"', (k) => expect(k.sort()).toEqual([...epicKeys].sort())],
    [
      'labels by list',
      'labels in (backend, frontend) AND project = PAY',
      (k) =>
        expect(k.every((x) => issue(x).labels.some((l) => l === 'backend' || l === 'frontend'))).toBe(true),
    ],
    [
      'status',
      'status = "In Progress" AND issuetype = Epic',
      (k) => expect(k.every((x) => issue(x).statusId === '3')).toBe(true),
    ],
    [
      'status category',
      'statusCategory = Done AND project = MOB',
      (k) => expect(k.every((x) => issue(x).statusId === '10001')).toBe(true),
    ],
    [
      'not done',
      'statusCategory != Done AND issuetype = Epic',
      (k) => expect(k.every((x) => issue(x).statusId !== '10001')).toBe(true),
    ],
    [
      'OR with parentheses',
      '(project = PAY OR project = ID) AND issuetype = Epic',
      (k) => expect(k.every((x) => /^(PAY|ID)-/.test(x) && typeOf(issue(x)) === 'Epic')).toBe(true),
    ],
    [
      'NOT',
      'project = PAY AND NOT issuetype = Epic',
      (k) => expect(k.every((x) => typeOf(issue(x)) !== 'Epic')).toBe(true),
    ],
    [
      'numeric key order',
      'project = PAY AND issuetype = Epic',
      (k) =>
        expect(k.map((x) => Number(x.split('-')[1]))).toEqual(
          [...k.map((x) => Number(x.split('-')[1]))].sort((a, b) => a - b),
        ),
    ],
  ])('finds %s: %s', async (_name, jql, check) => {
    const found = await keys(jql);
    expect(found.length).toBeGreaterThan(0);
    check(found);
  });

  it('finds the same legacy children through "Epic Link" and cf[id]', async () => {
    const cf = site().customFieldIds.epicLink.replace('customfield_', '');
    expect(await keys(`cf[${cf}] = ${legacyEpic}`)).toEqual(await keys(`"Epic Link" = ${legacyEpic}`));
    expect(await keys(`parent = ${legacyEpic}`)).toEqual([]);
  });

  it.each([
    ['a syntax error', 'project = = PAY', /Expecting/],
    ['an unknown field', 'flavour = vanilla', /Field 'flavour' does not exist/],
    ['an unsupported operator', 'summary ~ "checkout"', /does not support/],
    ['an unsupported function', 'sprint in openSprints()', /does not support/],
    ['an unknown project', 'project = NOPE', /The value 'NOPE' does not exist for the field 'project'/],
    ['an unknown issue key', 'key = PAY-99999', /does not exist for field 'key'/],
    ['an unbounded query', 'ORDER BY key', /Unbounded/],
    ['an unterminated string', 'labels = "program', /quoted string/],
  ])('answers 400 like Jira for %s', async (_name, jql, message) => {
    const reply = await tpm.post('/rest/api/3/search/jql', { jql });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ errorMessages: [expect.stringMatching(message)], warningMessages: [] });
  });
});

describe('bulkfetch and single issues', () => {
  it('fetches up to 100 issues by id or key in id order, with navigable fields by default', async () => {
    const reply = await tpm.post('/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['ID-1', issue('PAY-1').id, 'NOPE-1'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.issues.map((i: { key: string }) => i.key)).toEqual(['PAY-1', 'ID-1']);
    expect(reply.body.issues[0].fields).toHaveProperty('summary');
    expect(reply.body.issues[0].fields).not.toHaveProperty('attachment');
    expect(reply.body.issueErrors).toEqual([{ id: 'NOPE-1', errorMessage: expect.any(String) }]);
  });

  it('rejects 101 issues with 400', async () => {
    const issueIdsOrKeys = site()
      .issues.slice(0, 101)
      .map((i) => i.id);
    const reply = await tpm.post('/rest/api/3/issue/bulkfetch', { issueIdsOrKeys });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toMatch(/100/);
  });

  it('renders an issue as Jira Cloud does: parent, links, sprint array, Team object, Epic Link string', async () => {
    const ids = site().customFieldIds;
    const child = site().issues.find(
      (i) => i.parentKey && i.sprintIds.length > 0 && i.teamId && typeOf(i) === 'Story',
    ) as Issue;
    const reply = await tpm.get(`/rest/api/3/issue/${child.key}`);
    expect(reply.status).toBe(200);
    const f = reply.body.fields;
    expect(f.parent).toMatchObject({
      key: child.parentKey,
      fields: {
        summary: expect.any(String),
        status: expect.any(Object),
        priority: expect.any(Object),
        issuetype: { hierarchyLevel: 1 },
      },
    });
    expect(f[ids.sprint][0]).toMatchObject({
      id: expect.any(Number),
      name: expect.any(String),
      state: expect.stringMatching(/closed|active|future/),
      boardId: expect.any(Number),
    });
    expect(f[ids.team]).toMatchObject({ id: child.teamId, name: expect.any(String) });
    expect(f.project).toMatchObject({
      key: child.projectKey,
      projectTypeKey: 'software',
      avatarUrls: expect.any(Object),
    });
    expect(f.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const legacy = site().issues.find((i) => i.epicLinkKey) as Issue;
    const legacyReply = await tpm.get(`/rest/api/3/issue/${legacy.key}?fields=${ids.epicLink},parent`);
    expect(legacyReply.body.fields).toEqual({ [ids.epicLink]: legacy.epicLinkKey });
  });

  it('shows both ends of a Blocks link with the inward and outward wording', async () => {
    const [a, b] = site().program.cycle as [string, string];
    const source = await tpm.get(`/rest/api/3/issue/${a}?fields=issuelinks`);
    const outward = source.body.fields.issuelinks.find(
      (l: { outwardIssue?: { key: string } }) => l.outwardIssue?.key === b,
    );
    expect(outward.type).toMatchObject({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
    const target = await tpm.get(`/rest/api/3/issue/${b}?fields=issuelinks`);
    expect(
      target.body.fields.issuelinks.some((l: { inwardIssue?: { key: string } }) => l.inwardIssue?.key === a),
    ).toBe(true);
  });
});

describe('what a viewer may see', () => {
  it('leaves issues of other projects out of the contractor’s search', async () => {
    const { issues } = await searchAll(contractor, 'issuetype = Epic', ['key'], 100);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i: { key: string }) => i.key.startsWith('MOB-'))).toBe(true);
  });

  it('puts the contractor’s invisible issues in issueErrors and answers 404 directly', async () => {
    const reply = await contractor.post('/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['PAY-1', 'MOB-1'],
    });
    expect(reply.body.issues.map((i: { key: string }) => i.key)).toEqual(['MOB-1']);
    expect(reply.body.issueErrors.map((e: { id: string }) => e.id)).toEqual(['PAY-1']);
    expect((await contractor.get('/rest/api/3/issue/PAY-1')).status).toBe(404);
    expect((await contractor.get('/rest/api/3/issue/PAY-1/properties')).status).toBe(404);
  });

  it('hides links to issues the contractor cannot see', async () => {
    const link = site().links.find(
      (l) =>
        l.sourceKey.startsWith('MOB-') !== l.targetKey.startsWith('MOB-') &&
        (l.sourceKey.startsWith('MOB-') || l.targetKey.startsWith('MOB-')),
    );
    const mobKey = link?.sourceKey.startsWith('MOB-') ? link.sourceKey : (link?.targetKey as string);
    const asTpm = await tpm.get(`/rest/api/3/issue/${mobKey}?fields=issuelinks`);
    const asContractor = await contractor.get(`/rest/api/3/issue/${mobKey}?fields=issuelinks`);
    expect(asContractor.body.fields.issuelinks.length).toBeLessThan(asTpm.body.fields.issuelinks.length);
  });

  it('answers a JQL on an invisible project with 400, as Jira does', async () => {
    expect((await contractor.post('/rest/api/3/search/jql', { jql: 'project = PAY' })).status).toBe(400);
  });

  it('lets the app see every project', async () => {
    const app = clientFor(emulator, 'app');
    const { issues } = await searchAll(app, 'issuetype = Epic', ['key'], 100);
    expect(new Set(issues.map((i: { key: string }) => i.key.split('-')[0])).size).toBe(5);
  });

  it('answers 401 with a Jira error body to unknown credentials', async () => {
    const reply = await clientFor(emulator, 'anonymous').get('/rest/api/3/myself');
    expect(reply.status).toBe(401);
    expect(reply.body.errorMessages).toEqual([expect.any(String)]);
  });

  it('checks permissions for a user on behalf of the app', async () => {
    const app = clientFor(emulator, 'app');
    const contractorId = '712020:0e7b4c19-d62a-4f85-a3c1-9b8e5d2f7a60';
    const issues = [Number(issue('PAY-1').id), Number(issue('MOB-1').id)];
    const reply = await app.post('/rest/api/3/permissions/check', {
      accountId: contractorId,
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues }],
    });
    expect(reply.body.projectPermissions).toEqual([
      { permission: 'BROWSE_PROJECTS', issues: [Number(issue('MOB-1').id)], projects: [] },
    ]);
  });

  it('grants EDIT_ISSUES where the user may browse, except to the view-only contractor', async () => {
    const issues = [Number(issue('PAY-1').id), Number(issue('MOB-1').id)];
    const body = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issues }] };
    const asContractor = await contractor.post('/rest/api/3/permissions/check', body);
    expect(asContractor.body.projectPermissions).toEqual([
      { permission: 'BROWSE_PROJECTS', issues: [Number(issue('MOB-1').id)], projects: [] },
      { permission: 'EDIT_ISSUES', issues: [], projects: [] },
    ]);
    const lead = clientFor(emulator, 'lead.mobile@example.com');
    const asLead = await lead.post('/rest/api/3/permissions/check', body);
    expect(asLead.body.projectPermissions[1]).toEqual({ permission: 'EDIT_ISSUES', issues, projects: [] });
  });
});
