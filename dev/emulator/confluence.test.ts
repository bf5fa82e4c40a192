import { startEmulator, type EmulatorHandle } from './server';
import { clientFor, type Client, type Reply } from './testing';

let emulator: EmulatorHandle;
let tpm: Client;
let spaceId: string;

beforeAll(async () => {
  emulator = await startEmulator();
  tpm = clientFor(emulator, 'tpm@example.com');
});

afterAll(() => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const spaces = await tpm.get('/wiki/api/v2/spaces?keys=PROG');
  spaceId = spaces.body.results[0].id;
});

const createPage = (
  title: string,
  value = '<p>Hello &amp; welcome</p>',
  extra: Record<string, unknown> = {},
) =>
  tpm.post('/wiki/api/v2/pages', {
    spaceId,
    status: 'current',
    title,
    body: { representation: 'storage', value },
    ...extra,
  });

const updatePage = (id: string, number: number, title = 'Atlas status', value = '<p>Updated</p>') =>
  tpm.put(`/wiki/api/v2/pages/${id}`, {
    id,
    status: 'current',
    title,
    body: { representation: 'storage', value },
    version: { number, message: 'Republished' },
  });

describe('Confluence spaces', () => {
  it('finds the PROG space by key, with a numeric id and a home page', async () => {
    const reply = await tpm.get('/wiki/api/v2/spaces?keys=PROG');
    expect(reply.body.results).toEqual([
      expect.objectContaining({
        key: 'PROG',
        name: 'Programs',
        id: expect.stringMatching(/^\d+$/),
        homepageId: expect.any(String),
      }),
    ]);
    expect((await tpm.get(`/wiki/api/v2/spaces/${spaceId}`)).body.key).toBe('PROG');
    expect((await tpm.get('/wiki/api/v2/spaces/1')).status).toBe(404);
  });

  it('pages spaces with a cursor in _links.next and the Link header', async () => {
    const first = await tpm.get('/wiki/api/v2/spaces?limit=1');
    expect(first.body.results).toHaveLength(1);
    expect(first.body._links.next).toMatch(/^\/wiki\/api\/v2\/spaces\?.*cursor=/);
    expect(first.headers.get('link')).toContain('rel="next"');
    const second = await tpm.get(first.body._links.next);
    expect(second.body.results).toHaveLength(1);
    expect(second.body._links.next).toBeUndefined();
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id);
  });
});

describe('Confluence pages', () => {
  it('creates a page under the space home, reads it back with its storage body and finds it by title', async () => {
    const created = await createPage('Atlas status');
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      title: 'Atlas status',
      spaceId,
      status: 'current',
      version: { number: 1 },
    });
    const space = (await tpm.get(`/wiki/api/v2/spaces/${spaceId}`)).body;
    expect(created.body.parentId).toBe(space.homepageId);
    const read = await tpm.get(`/wiki/api/v2/pages/${created.body.id}?body-format=storage`);
    expect(read.body.body.storage).toEqual({
      representation: 'storage',
      value: '<p>Hello &amp; welcome</p>',
    });
    const withoutBody = await tpm.get(`/wiki/api/v2/pages/${created.body.id}`);
    expect(withoutBody.body.body).toEqual({});
    const found = await tpm.get(
      `/wiki/api/v2/pages?space-id=${spaceId}&title=${encodeURIComponent('Atlas status')}`,
    );
    expect(found.body.results.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
  });

  it('updates with version.number = current + 1 and answers 409 to a stale version', async () => {
    const created = await createPage('Atlas status');
    const updated = await updatePage(created.body.id, 2);
    expect(updated.status).toBe(200);
    expect(updated.body.version).toMatchObject({ number: 2, message: 'Republished' });
    const stale = await updatePage(created.body.id, 2, 'Atlas status', '<p>Lost update</p>');
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0]).toMatchObject({ status: 409, code: 'CONFLICT' });
    const skipped = await updatePage(created.body.id, 5);
    expect(skipped.status).toBe(409);
    const read = await tpm.get(`/wiki/api/v2/pages/${created.body.id}?body-format=storage`);
    expect(read.body.body.storage.value).toBe('<p>Updated</p>');
  });

  it('answers 400 to a second page with the same title in the space, on create and on rename', async () => {
    await createPage('Atlas charter');
    const duplicate = await createPage('Atlas charter');
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors[0].title).toMatch(/already exists/);
    const other = await createPage('Atlas plan');
    expect((await updatePage(other.body.id, 2, 'Atlas charter')).status).toBe(400);
  });

  it('moves a deleted page to the trash, frees its title, and purges it from there', async () => {
    const created = await createPage('Atlas lessons');
    expect((await tpm.delete(`/wiki/api/v2/pages/${created.body.id}`)).status).toBe(204);
    expect((await tpm.get(`/wiki/api/v2/pages/${created.body.id}`)).status).toBe(404);
    expect((await tpm.get(`/wiki/api/v2/pages/${created.body.id}?status=trashed`)).body.status).toBe(
      'trashed',
    );
    expect((await createPage('Atlas lessons')).status).toBe(200);
    expect((await tpm.delete(`/wiki/api/v2/pages/${created.body.id}?purge=true`)).status).toBe(204);
    expect((await tpm.get(`/wiki/api/v2/pages/${created.body.id}?status=trashed`)).status).toBe(404);
  });

  it('pages through pages with a limit and cursor', async () => {
    for (let i = 1; i <= 5; i++) await createPage(`Report ${i}`);
    const titles: string[] = [];
    let next: string | undefined = `/wiki/api/v2/pages?space-id=${spaceId}&limit=2`;
    while (next) {
      const reply: Reply = await tpm.get(next);
      expect(reply.body.results.length).toBeLessThanOrEqual(2);
      titles.push(...reply.body.results.map((p: { title: string }) => p.title));
      next = reply.body._links.next;
    }
    expect(titles.filter((t) => t.startsWith('Report '))).toHaveLength(5);
    expect((await tpm.get('/wiki/api/v2/pages?limit=251')).status).toBe(400);
  });
});

describe('Confluence page properties', () => {
  it('creates, lists by key, updates with version + 1 and deletes a property', async () => {
    const page = await createPage('Atlas status');
    const base = `/wiki/api/v2/pages/${page.body.id}/properties`;
    const created = await tpm.post(base, { key: 'programs.managed', value: { programId: 'prog-atlas' } });
    expect(created.body).toMatchObject({
      key: 'programs.managed',
      value: { programId: 'prog-atlas' },
      version: { number: 1 },
    });
    expect((await tpm.post(base, { key: 'programs.managed', value: {} })).status).toBe(400);
    expect((await tpm.get(`${base}?key=programs.managed`)).body.results).toHaveLength(1);
    const stale = await tpm.put(`${base}/${created.body.id}`, {
      key: 'programs.managed',
      value: { v: 2 },
      version: { number: 1 },
    });
    expect(stale.status).toBe(409);
    const updated = await tpm.put(`${base}/${created.body.id}`, {
      key: 'programs.managed',
      value: { v: 2 },
      version: { number: 2 },
    });
    expect(updated.body).toMatchObject({ value: { v: 2 }, version: { number: 2 } });
    expect((await tpm.delete(`${base}/${created.body.id}`)).status).toBe(204);
    expect((await tpm.get(base)).body.results).toEqual([]);
  });
});

describe('Confluence attachments (v1 upload)', () => {
  const svg = (text: string): FormData => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([`<svg xmlns="http://www.w3.org/2000/svg"><text>${text}</text></svg>`], {
        type: 'image/svg+xml',
      }),
      'roadmap.svg',
    );
    form.append('minorEdit', 'true');
    return form;
  };

  it('refuses an upload without X-Atlassian-Token: nocheck', async () => {
    const page = await createPage('Atlas status');
    const reply = await tpm.post(`/wiki/rest/api/content/${page.body.id}/child/attachment`, svg('v1'));
    expect(reply.status).toBe(403);
    expect(emulator.site().attachments).toHaveLength(0);
  });

  it('stores an upload, lists it, and answers 400 to a second POST of the same file name', async () => {
    const page = await createPage('Atlas status');
    const url = `/wiki/rest/api/content/${page.body.id}/child/attachment`;
    const uploaded = await tpm.post(url, svg('v1'), { 'X-Atlassian-Token': 'nocheck' });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.results[0]).toMatchObject({
      type: 'attachment',
      title: 'roadmap.svg',
      version: { number: 1 },
    });
    expect(emulator.site().attachments[0]?.data.toString()).toContain('v1');
    const again = await tpm.post(url, svg('v2'), { 'X-Atlassian-Token': 'nocheck' });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/same file name/);
    const listed = await tpm.get(`/wiki/api/v2/pages/${page.body.id}/attachments?filename=roadmap.svg`);
    expect(listed.body.results).toEqual([
      expect.objectContaining({ title: 'roadmap.svg', mediaType: 'image/svg+xml', pageId: page.body.id }),
    ]);
    expect((await tpm.get(url)).body.results).toHaveLength(1);
  });

  it('replaces a file of the same name as a new version with PUT', async () => {
    const page = await createPage('Atlas status');
    const url = `/wiki/rest/api/content/${page.body.id}/child/attachment`;
    await tpm.put(url, svg('v1'), { 'X-Atlassian-Token': 'nocheck' });
    const replaced = await tpm.put(url, svg('v2'), { 'X-Atlassian-Token': 'nocheck' });
    expect(replaced.body.results[0].version.number).toBe(2);
    expect(emulator.site().attachments).toHaveLength(1);
    expect(emulator.site().attachments[0]?.data.toString()).toContain('v2');
  });
});
