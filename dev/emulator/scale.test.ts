import { startEmulator, type EmulatorHandle } from './server';
import { clientFor, type Client } from './testing';

// 1,000 epics × 20 children: big pages and bulk fetches stay correct. Their speed is measured by
// `npm run bench` (bench/emulator.ts), not asserted here.
let emulator: EmulatorHandle;
let app: Client;

beforeAll(async () => {
  emulator = await startEmulator({ generator: { seed: 3, epics: 1000, childrenPerEpic: 20, links: 300 } });
  app = clientFor(emulator, 'app');
  await app.post('/rest/api/3/search/jql', { jql: 'issuetype = Epic', maxResults: 1 }); // warm up
});

afterAll(() => emulator.close());

describe('a site of 1,000 epics with 20 children each', () => {
  it('answers a 5,000-id page in full', async () => {
    const reply = await app.post('/rest/api/3/search/jql', {
      jql: 'issuetype in (Story, Task)',
      fields: ['id'],
      maxResults: 5000,
    });
    expect(reply.body.issues).toHaveLength(5000);
    expect(reply.body.isLast).toBe(false);
  });

  it('answers a 100-issue bulk fetch with links in full', async () => {
    const epicKeys = emulator.site().program.epicKeys;
    const children = await app.post('/rest/api/3/search/jql', {
      jql: `parent in (${epicKeys.slice(0, 10).join(', ')})`,
      fields: ['id'],
      maxResults: 5000,
    });
    const ids = children.body.issues.map((i: { id: string }) => i.id).slice(0, 100);
    expect(ids).toHaveLength(100);
    const reply = await app.post('/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ids,
      fields: ['summary', 'status', 'parent', 'issuelinks', emulator.site().customFieldIds.sprint],
    });
    expect(reply.body.issues).toHaveLength(100);
  });

  it('finds the children of 100 epics through the parent index in full', async () => {
    const keys = emulator.site().program.epicKeys.slice(0, 100).join(', ');
    const reply = await app.post('/rest/api/3/search/jql', {
      jql: `parent in (${keys}) OR "Epic Link" in (${keys})`,
      fields: ['id'],
      maxResults: 5000,
    });
    expect(reply.body.issues).toHaveLength(2000);
  });
});
