/**
 * Contract of the product-request seam: the REAL @forge/api 8.3.0 sends asUser()/asApp() calls through
 * `__forge_fetch__`, which the local runtime routes to a site with the acting identity's Authorization.
 */
import api, { NeedsAuthenticationError, route } from '@forge/api';
import { emulatorSite, installForgeRuntime, type LocalForgeRuntime } from './index';
import { startRecordingSite, type RecordingSite } from './recording-site';

const alice = { accountId: 'acc-alice', email: 'alice@example.com', apiToken: 'alice-token' };
const bob = { accountId: 'acc-bob', email: 'bob@example.com', apiToken: 'bob-token' };
const basic = (user: typeof alice) =>
  `Basic ${Buffer.from(`${user.email}:${user.apiToken}`).toString('base64')}`;

let site: RecordingSite;
let runtime: LocalForgeRuntime;

beforeAll(async () => {
  site = await startRecordingSite();
  runtime = installForgeRuntime({ site: emulatorSite(site.baseUrl, [alice, bob], 'app-secret') });
});

afterAll(async () => {
  runtime.uninstall();
  await site.close();
});

beforeEach(() => {
  site.requests.length = 0;
});

describe('asUser()', () => {
  it('reaches the site as the user the call runs as, and returns the real Response', async () => {
    const response = await runtime.runAsUser(alice.accountId, () =>
      api.asUser().requestJira(route`/rest/api/3/myself`),
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/rest/api/3/myself', authorization: basic(alice) });
  });

  it('acts as the account named in asUser(accountId) over the surrounding user', async () => {
    const response = await runtime.runAsUser(alice.accountId, () =>
      api.asUser(bob.accountId).requestConfluence(route`/wiki/api/v2/spaces`),
    );

    expect(await response.json()).toEqual({ path: '/wiki/api/v2/spaces', authorization: basic(bob) });
  });

  it('keeps concurrent users apart', async () => {
    const [forAlice, forBob] = await Promise.all([
      runtime.runAsUser(alice.accountId, () => api.asUser().requestJira(route`/rest/api/3/myself`)),
      runtime.runAsUser(bob.accountId, () => api.asUser().requestJira(route`/rest/api/3/myself`)),
    ]);

    expect(((await forAlice.json()) as { authorization: string }).authorization).toBe(basic(alice));
    expect(((await forBob.json()) as { authorization: string }).authorization).toBe(basic(bob));
  });

  it('forwards the method, headers and body of the request', async () => {
    await runtime.runAsUser(alice.accountId, () =>
      api.asUser().requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ jql: 'project = PAY' }),
      }),
    );

    const [request] = site.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ jql: 'project = PAY' });
  });

  it('rejects like Forge without a user, and nothing reaches the site', async () => {
    const call = api.asUser().requestJira(route`/rest/api/3/myself`);

    await expect(call).rejects.toBeInstanceOf(NeedsAuthenticationError);
    await expect(call).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    expect(site.requests).toHaveLength(0);
  });

  it('rejects inside a trigger even when the trigger is started from a user call', async () => {
    const call = runtime.runAsUser(alice.accountId, () =>
      runtime.runTrigger(() => api.asUser().requestJira(route`/rest/api/3/myself`)),
    );

    await expect(call).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  });

  it('rejects a user the emulator site does not know', async () => {
    await expect(
      runtime.runAsUser('acc-nobody', () => api.asUser().requestJira(route`/rest/api/3/myself`)),
    ).rejects.toThrow(/no user with accountId acc-nobody/);
  });
});

describe('asApp()', () => {
  it('reaches the site with the app authorization, inside a trigger too', async () => {
    const response = await runtime.runTrigger(() => api.asApp().requestJira(route`/rest/api/3/field`));

    expect(await response.json()).toEqual({ path: '/rest/api/3/field', authorization: 'Bearer app-secret' });
  });

  it('uses the app authorization even inside a user call', async () => {
    const response = await runtime.runAsUser(alice.accountId, () =>
      api.asApp().requestConfluence(route`/wiki/api/v2/pages?limit=${5}`),
    );

    expect(await response.json()).toEqual({
      path: '/wiki/api/v2/pages?limit=5',
      authorization: 'Bearer app-secret',
    });
  });
});

describe('failures', () => {
  it('surfaces a dropped connection as the error fetch gives, so callers can retry', async () => {
    const call = runtime.runAsUser(alice.accountId, () => api.asUser().requestJira(route`/drop`));

    await expect(call).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(site.requests).toHaveLength(1);
  });

  it('answers 501 for remotes it does not model instead of inventing a success', async () => {
    const response = await runtime.runTrigger(() =>
      api.asApp().requestGraph('query { me { user { name } } }'),
    );

    expect(response.status).toBe(501);
    expect(site.requests).toHaveLength(0);
  });
});
