// The Confluence page listing lags writes under the searchLagMs fault, as Confluence's search index does;
// reads by id never lag, and a second page with a taken title is refused whatever the listing shows.
import { startEmulator, type EmulatorHandle } from '../server';
import { admin, clientFor, type Client } from '../testing';

let clock = Date.parse('2026-11-25T10:00:00Z');
let emulator: EmulatorHandle;
let tpm: Client;
let spaceId: string;

beforeAll(async () => {
  emulator = await startEmulator({ now: () => clock });
  tpm = clientFor(emulator, 'tpm@example.com');
});

afterAll(() => emulator.close());

beforeEach(async () => {
  emulator.reset({ now: clock });
  spaceId = (await tpm.get('/wiki/api/v2/spaces?keys=PROG')).body.results[0].id;
});

const create = (title: string) =>
  tpm.post('/wiki/api/v2/pages', {
    spaceId,
    status: 'current',
    title,
    body: { representation: 'storage', value: '<p>Status</p>' },
  });

const listedIds = async (title: string): Promise<string[]> => {
  const query = new URLSearchParams({ 'space-id': spaceId, title, status: 'current' });
  const reply = await tpm.get(`/wiki/api/v2/pages?${query.toString()}`);
  expect(reply.status).toBe(200);
  return reply.body.results.map((p: { id: string }) => p.id);
};

describe('Confluence search lag', () => {
  it('lists a page created under a lag only once the lag has passed; its id reads at once', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', { getPages: { searchLagMs: 5_000 } });

    const created = await create('Atlas status 2026-11-23');

    expect(created.status).toBe(200);
    expect(await listedIds('Atlas status 2026-11-23')).toEqual([]);
    expect((await tpm.get(`/wiki/api/v2/pages/${created.body.id}`)).status).toBe(200);
    clock += 5_000;
    expect(await listedIds('Atlas status 2026-11-23')).toEqual([created.body.id]);
  });

  it('refuses a second page with the title while the first is not listed yet', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', { createPage: { searchLagMs: 60_000 } });
    await create('Atlas charter');

    const second = await create('Atlas charter');

    expect(second.status).toBe(400);
    expect(second.body.errors[0].title).toMatch(/already exists with the same TITLE/);
    expect(emulator.site().pages.filter((p) => p.title === 'Atlas charter')).toHaveLength(1);
  });

  it('lists a renamed page under its old title until the lag has passed', async () => {
    const created = await create('Atlas risks');
    await admin(emulator, 'POST', '/__emulator/faults', { '*': { searchLagMs: 1_000 } });

    const renamed = await tpm.put(`/wiki/api/v2/pages/${created.body.id}`, {
      id: created.body.id,
      status: 'current',
      title: 'Atlas risks and problems',
      body: { representation: 'storage', value: '<p>Risks</p>' },
      version: { number: 2 },
    });

    expect(renamed.status).toBe(200);
    expect(await listedIds('Atlas risks')).toEqual([created.body.id]);
    expect(await listedIds('Atlas risks and problems')).toEqual([]);
    clock += 1_000;
    expect(await listedIds('Atlas risks')).toEqual([]);
    expect(await listedIds('Atlas risks and problems')).toEqual([created.body.id]);
  });

  it('keeps listing a trashed page as current until the lag has passed', async () => {
    const created = await create('Atlas completion');
    await admin(emulator, 'POST', '/__emulator/faults', { deletePage: { searchLagMs: 2_000 } });

    expect((await tpm.delete(`/wiki/api/v2/pages/${created.body.id}`)).status).toBe(204);

    expect(await listedIds('Atlas completion')).toEqual([created.body.id]);
    clock += 2_000;
    expect(await listedIds('Atlas completion')).toEqual([]);
  });

  it('does not lag pages when only Jira search lags', async () => {
    await admin(emulator, 'POST', '/__emulator/faults', {
      searchAndReconsileIssuesUsingJqlPost: { searchLagMs: 60_000 },
    });

    const created = await create('Atlas plan 2027-Q1');

    expect(await listedIds('Atlas plan 2027-Q1')).toEqual([created.body.id]);
  });
});
