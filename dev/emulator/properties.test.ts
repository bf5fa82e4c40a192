import { startEmulator, type EmulatorHandle } from './server';
import { admin, clientFor, searchAll, type Client } from './testing';

let clock = Date.parse('2026-11-25T10:00:00Z');
let emulator: EmulatorHandle;
let app: Client;

beforeAll(async () => {
  emulator = await startEmulator({ now: () => clock });
  app = clientFor(emulator, 'app');
});

afterAll(() => emulator.close());

beforeEach(() => {
  emulator.reset({ now: clock });
});

const MEMBERSHIP = 'programs.membership';
const path = (key: string, property = MEMBERSHIP): string =>
  `/rest/api/3/issue/${key}/properties/${property}`;
const memberJql = (programId: string): string => `issue.property[${MEMBERSHIP}].programIds = "${programId}"`;
const memberKeys = async (programId: string, extra: Record<string, unknown> = {}): Promise<string[]> => {
  const reply = await app.post('/rest/api/3/search/jql', {
    jql: memberJql(programId),
    fields: ['key'],
    ...extra,
  });
  expect(reply.status).toBe(200);
  return reply.body.issues.map((i: { key: string }) => i.key);
};

describe('issue properties', () => {
  it('round-trips a value: 201 when created, 200 when replaced, listed by key, 204 when deleted', async () => {
    expect((await app.put(path('PAY-1'), { programIds: ['prog-1'] })).status).toBe(201);
    expect((await app.put(path('PAY-1'), { programIds: ['prog-1', 'prog-2'] })).status).toBe(200);
    expect((await app.get(path('PAY-1'))).body).toEqual({
      key: MEMBERSHIP,
      value: { programIds: ['prog-1', 'prog-2'] },
    });
    const keys = await app.get('/rest/api/3/issue/PAY-1/properties');
    expect(keys.body.keys).toEqual([
      { key: MEMBERSHIP, self: expect.stringContaining(`/properties/${MEMBERSHIP}`) },
    ]);
    expect((await app.delete(path('PAY-1'))).status).toBe(204);
    expect((await app.get(path('PAY-1'))).status).toBe(404);
    expect((await app.delete(path('PAY-1'))).status).toBe(404);
  });

  it('accepts any JSON value up to 32,768 characters and rejects longer ones', async () => {
    expect((await app.put(path('PAY-1', 'note'), JSON.stringify('x'.repeat(32_766)))).status).toBe(201);
    const tooLong = await app.put(path('PAY-1', 'note'), JSON.stringify('x'.repeat(32_767)));
    expect(tooLong.status).toBe(400);
    expect((await app.put(path('PAY-1', 'count'), '42')).status).toBe(201);
    expect((await app.get(path('PAY-1', 'count'))).body.value).toBe(42);
    expect((await app.put(path('PAY-1', 'broken'), '{not json')).status).toBe(400);
  });

  it('makes properties searchable, matching any element of an array', async () => {
    await app.put(path('PAY-1'), { programIds: ['prog-1', 'prog-2'] });
    await app.put(path('ID-1'), { programIds: ['prog-2'] });
    expect(await memberKeys('prog-1')).toEqual(['PAY-1']);
    expect(await memberKeys('prog-2')).toEqual(['ID-1', 'PAY-1']);
    expect(await memberKeys('prog-3')).toEqual([]);
    const notMember = await searchAll(app, `issuetype = Epic AND NOT ${memberJql('prog-1')}`, ['key'], 100);
    expect(notMember.issues.map((i: { key: string }) => i.key)).not.toContain('PAY-1');
  });

  it('returns requested properties with search results', async () => {
    await app.put(path('PAY-1'), { programIds: ['prog-1'] });
    const reply = await app.post('/rest/api/3/search/jql', {
      jql: 'key = PAY-1',
      fields: ['summary'],
      properties: [MEMBERSHIP],
    });
    expect(reply.body.issues[0].properties).toEqual({ [MEMBERSHIP]: { programIds: ['prog-1'] } });
  });

  it('keeps writes out of search until searchLagMs has passed, unless the issue is reconciled', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', { setIssueProperty: { searchLagMs: 5_000 } });
    await app.put(path('PAY-1'), { programIds: ['prog-1'] });
    expect((await app.get(path('PAY-1'))).body.value).toEqual({ programIds: ['prog-1'] });
    expect(await memberKeys('prog-1')).toEqual([]);
    expect(await memberKeys('prog-1', { reconcileIssues: [Number(emulator.site().issues[0]?.id)] })).toEqual([
      'PAY-1',
    ]);
    clock += 5_000;
    expect(await memberKeys('prog-1')).toEqual(['PAY-1']);
  });

  it('lets search see the old value while a replacement is lagging', async () => {
    await app.put(path('PAY-1'), { programIds: ['prog-1'] });
    await admin(emulator, 'POST', '/__emulator/faults', { '*': { searchLagMs: 1_000 } });
    await app.put(path('PAY-1'), { programIds: ['prog-2'] });
    expect(await memberKeys('prog-1')).toEqual(['PAY-1']);
    expect(await memberKeys('prog-2')).toEqual([]);
    clock += 1_000;
    expect(await memberKeys('prog-1')).toEqual([]);
    expect(await memberKeys('prog-2')).toEqual(['PAY-1']);
  });

  it('refuses a user the properties of an issue they cannot see or edit', async () => {
    const contractor = clientFor(emulator, 'contractor@example.com');
    expect((await contractor.put(path('PAY-1'), { programIds: ['x'] })).status).toBe(404);
    expect((await contractor.put(path('MOB-1'), { programIds: ['x'] })).status).toBe(403);
    expect((await contractor.get(path('MOB-1'))).status).toBe(404);
    const lead = clientFor(emulator, 'lead.mobile@example.com');
    expect((await lead.put(path('MOB-1'), { programIds: ['x'] })).status).toBe(201);
  });

  it('lets a view-only user read properties but not set or delete them', async () => {
    const lead = clientFor(emulator, 'lead.mobile@example.com');
    expect((await lead.put(path('MOB-2'), { programIds: ['x'] })).status).toBe(201);
    const contractor = clientFor(emulator, 'contractor@example.com');
    expect((await contractor.get(path('MOB-2'))).status).toBe(200);
    expect((await contractor.put(path('MOB-2'), { programIds: [] })).status).toBe(403);
    expect((await contractor.delete(path('MOB-2'))).status).toBe(403);
  });
});
