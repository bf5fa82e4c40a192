import { startEmulator, type EmulatorHandle, type Exchange } from './server';
import { admin, clientFor, type Client } from './testing';

let emulator: EmulatorHandle;
let tpm: Client;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ onExchange: (x) => exchanges.push(x) });
  tpm = clientFor(emulator, 'tpm@example.com');
});

afterAll(() => emulator.close());

beforeEach(async () => {
  await admin(emulator, 'POST', '/__emulator/reset', {});
  exchanges.length = 0;
});

const search = () => tpm.post('/rest/api/3/search/jql', { jql: 'project = PAY' });

describe('fault injection', () => {
  it('answers 429 with Retry-After to the faulted operation only', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', {
      searchAndReconsileIssuesUsingJqlPost: { status: 429, retryAfterS: 7 },
    });
    const limited = await search();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.errorMessages).toEqual([expect.any(String)]);
    expect((await tpm.get('/rest/api/3/field')).status).toBe(200);
  });

  it('answers 503 to every request at rate 1, and recovers when faults are cleared', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', { '*': { status: 503, rate: 1 } });
    for (let i = 0; i < 5; i++) expect((await search()).status).toBe(503);
    expect((await tpm.get('/wiki/api/v2/spaces')).body.errors[0]).toMatchObject({ status: 503 });
    await admin(emulator, 'POST', '/__emulator/faults', {});
    expect((await search()).status).toBe(200);
  });

  it('fails the same share of requests in the same order on every run', async () => {
    const run = async (): Promise<number[]> => {
      await admin(emulator, 'POST', '/__emulator/faults', { getFields: { status: 500, rate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await tpm.get('/rest/api/3/field')).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it('drops the connection without an answer', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', { getCurrentUser: { dropRate: 1 } });
    await expect(tpm.get('/rest/api/3/myself')).rejects.toThrow();
    expect((await tpm.get('/rest/api/3/field')).status).toBe(200);
  });

  it('delays answers by latencyMs', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', { getIssueLinkTypes: { latencyMs: 150 } });
    const started = performance.now();
    expect((await tpm.get('/rest/api/3/issueLinkType')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rejects a fault configuration it does not understand', async () => {
    expect((await admin(emulator, 'POST', '/__emulator/faults', { getFields: { status: 418 } })).status).toBe(
      400,
    );
    expect((await admin(emulator, 'POST', '/__emulator/faults', { getFields: { rate: 2 } })).status).toBe(
      400,
    );
  });
});

describe('stats and unmodelled endpoints', () => {
  it('counts requests per operationId since the last reset', async () => {
    await search();
    await search();
    await tpm.get('/rest/api/3/issue/PAY-1');
    const stats = await admin(emulator, 'GET', '/__emulator/stats');
    expect(stats.body).toEqual({
      requests: { searchAndReconsileIssuesUsingJqlPost: 2, getIssue: 1 },
      unmodelled: {},
      total: 3,
    });
    await admin(emulator, 'POST', '/__emulator/reset', {});
    expect((await admin(emulator, 'GET', '/__emulator/stats')).body.total).toBe(0);
  });

  it('answers 501 naming an unknown endpoint, never 200, and counts it', async () => {
    const reply = await tpm.post('/rest/api/3/issue', { fields: {} });
    expect(reply.status).toBe(501);
    expect(reply.body).toEqual({ errorMessages: ['Not modelled by the emulator: POST /rest/api/3/issue'] });
    await tpm.get('/rest/api/3/issue/PAY-1/remotelink');
    const stats = await admin(emulator, 'GET', '/__emulator/stats');
    expect(stats.body.unmodelled).toEqual({
      'POST /rest/api/3/issue': 1,
      'GET /rest/api/3/issue/PAY-1/remotelink': 1,
    });
    expect(stats.body.total).toBe(2);
  });

  it('reports every exchange with its operationId, masking credentials', async () => {
    await tpm.post('/rest/api/3/search/jql', { jql: 'key = PAY-1', fields: ['summary'] });
    await tpm.get('/nowhere');
    expect(exchanges.map((x) => [x.operationId, x.status])).toEqual([
      ['searchAndReconsileIssuesUsingJqlPost', 200],
      ['unmodelled', 501],
    ]);
    const [first] = exchanges;
    expect(first?.requestBody).toEqual({ jql: 'key = PAY-1', fields: ['summary'] });
    expect(first?.requestHeaders.authorization).toBe('Basic ***');
    expect(first?.responseHeaders['content-type']).toMatch(/application\/json/);
  });

  it('resets to another generated site on request', async () => {
    const reply = await admin(emulator, 'POST', '/__emulator/reset', {
      seed: 9,
      teams: 3,
      epics: 6,
      childrenPerEpic: 2,
      links: 4,
    });
    expect(reply.status).toBe(200);
    expect(emulator.site().program.epicKeys).toHaveLength(6);
    expect(emulator.site().projects).toHaveLength(3);
    expect((await admin(emulator, 'POST', '/__emulator/reset', { epics: 'many' })).status).toBe(400);
  });

  it('adds and removes links through the admin API, visible to the next read', async () => {
    const created = await admin(emulator, 'POST', '/__emulator/links', {
      type: 'Blocks',
      source: 'PAY-1',
      target: 'PLAT-1',
    });
    expect(created.status).toBe(201);
    const read = await tpm.get('/rest/api/3/issue/PAY-1?fields=issuelinks');
    expect(read.body.fields.issuelinks.some((l: { id: string }) => l.id === created.body.id)).toBe(true);
    expect((await admin(emulator, 'DELETE', `/__emulator/links/${created.body.id}`)).status).toBe(204);
    const again = await tpm.get('/rest/api/3/issue/PAY-1?fields=issuelinks');
    expect(again.body.fields.issuelinks.some((l: { id: string }) => l.id === created.body.id)).toBe(false);
  });

  it('changes an issue through the admin API', async () => {
    const reply = await admin(emulator, 'PATCH', '/__emulator/issues/PAY-2', {
      status: 'Done',
      labels: ['hot'],
    });
    expect(reply.status).toBe(200);
    const found = await tpm.post('/rest/api/3/search/jql', {
      jql: 'labels = hot AND statusCategory = Done',
      fields: ['key'],
    });
    expect(found.body.issues.map((i: { key: string }) => i.key)).toEqual(['PAY-2']);
  });
});
