/**
 * Contract of the invocation seam: the REAL @forge/resolver 2.0.1 getDefinitions() handler is called with
 * a Forge-shaped event and backendRuntimePayload, as the invoking user, on @forge/api 8.3.0.
 */
import api, { authorize, getAppContext, route } from '@forge/api';
import Resolver from '@forge/resolver';
import { kvs } from '@forge/kvs';
import { emulatorSite, installForgeRuntime, LOCAL_CLOUD_ID, type LocalForgeRuntime } from './index';
import { startRecordingSite, type RecordingSite } from './recording-site';

const alice = { accountId: 'acc-alice', email: 'alice@example.com', apiToken: 'alice-token' };
const aliceBasic = `Basic ${Buffer.from('alice@example.com:alice-token').toString('base64')}`;

let site: RecordingSite;
let runtime: LocalForgeRuntime;

beforeAll(async () => {
  site = await startRecordingSite();
  runtime = installForgeRuntime({ site: emulatorSite(site.baseUrl, [alice], 'app-secret') });
});

afterAll(async () => {
  runtime.uninstall();
  await site.close();
});

describe('invoke()', () => {
  it('hands the resolver the payload and the invoking account', async () => {
    const handler = new Resolver()
      .define('program/get', ({ payload, context }) => ({ payload, accountId: context.accountId }))
      .getDefinitions();

    const result = await runtime.invoke(handler, {
      key: 'program/get',
      payload: { programId: 'p1' },
      accountId: alice.accountId,
    });

    expect(result).toEqual({ payload: { programId: 'p1' }, accountId: alice.accountId });
  });

  it('gives the resolver the context of the Programs global page on this site', async () => {
    let seen: Record<string, unknown> = {};
    const handler = new Resolver()
      .define('context', ({ context }) => {
        seen = context;
        return 'ok';
      })
      .getDefinitions();

    await runtime.invoke(handler, { key: 'context', payload: undefined, accountId: alice.accountId });

    expect(seen).toMatchObject({
      accountId: alice.accountId,
      cloudId: LOCAL_CLOUD_ID,
      installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}`,
      siteUrl: site.baseUrl,
      extension: { type: 'jira:globalPage' },
      localId: expect.stringContaining('ari:cloud:ecosystem::extension/'),
    });
  });

  it('lets a module override the context, e.g. the epic panel', async () => {
    const handler = new Resolver().define('extension', ({ context }) => context.extension).getDefinitions();

    const extension = await runtime.invoke(handler, {
      key: 'extension',
      payload: {},
      accountId: alice.accountId,
      context: { moduleKey: 'epic-panel', extension: { type: 'jira:issuePanel', issue: { key: 'PAY-1' } } },
    });

    expect(extension).toEqual({ type: 'jira:issuePanel', issue: { key: 'PAY-1' } });
  });

  it('lets the resolver call Jira as the invoking user', async () => {
    const handler = new Resolver()
      .define('myself', async () => {
        const response = await api.asUser().requestJira(route`/rest/api/3/myself`);
        return (await response.json()) as Record<string, unknown>;
      })
      .getDefinitions();

    const result = await runtime.invoke(handler, { key: 'myself', payload: {}, accountId: alice.accountId });

    expect(result).toEqual({ path: '/rest/api/3/myself', authorization: aliceBasic });
  });

  it('carries the payload as JSON, the way the bridge does', async () => {
    const handler = new Resolver().define('echo', ({ payload }) => ({ payload })).getDefinitions();

    const result = await runtime.invoke(handler, {
      key: 'echo',
      payload: { at: new Date('2027-01-04T00:00:00Z'), dropped: undefined },
      accountId: alice.accountId,
    });

    expect(result).toEqual({ payload: { at: '2027-01-04T00:00:00.000Z' } });
  });

  it('exposes the app context and the invoking user to @forge/api helpers', async () => {
    const handler = new Resolver()
      .define('app', () => {
        const app = getAppContext();
        return {
          moduleKey: app.moduleKey,
          remaining: app.invocationRemainingTimeInMillis(),
          canAuthorize: typeof authorize().onJira === 'function',
        };
      })
      .getDefinitions();

    const result = (await runtime.invoke(handler, {
      key: 'app',
      payload: {},
      accountId: alice.accountId,
    })) as {
      moduleKey: string;
      remaining: number;
      canAuthorize: boolean;
    };

    expect(result.moduleKey).toBe('program-view');
    expect(result.remaining).toBeGreaterThan(20_000);
    expect(result.remaining).toBeLessThanOrEqual(25_000);
    expect(result.canAuthorize).toBe(true);
  });

  it('refuses a payload over Forge’s 500 KB', async () => {
    const handler = new Resolver().define('big', () => 'never').getDefinitions();

    const call = runtime.invoke(handler, {
      key: 'big',
      payload: 'x'.repeat(600 * 1024),
      accountId: alice.accountId,
    });

    await expect(call).rejects.toThrow(/payload/);
  });

  it('reports an undefined key the way @forge/resolver does', async () => {
    const handler = new Resolver().define('known', () => 'ok').getDefinitions();

    await expect(
      runtime.invoke(handler, { key: 'unknown', payload: {}, accountId: alice.accountId }),
    ).rejects.toThrow("Resolver has no definition for 'unknown'.");
  });
});

describe('runTrigger()', () => {
  it('gives a scheduled trigger the site and no user', async () => {
    const seen = await runtime.runTrigger(async (event, context) => ({ event, context }));

    expect(seen).toMatchObject({
      event: { context: { cloudId: LOCAL_CLOUD_ID } },
      context: { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}`, principal: undefined },
    });
  });

  it('passes a queue consumer its event and lets it use storage and asApp', async () => {
    const consumer = async (event: unknown) => {
      const { programId } = (event as { body: { programId: string } }).body;
      await kvs.set(`snapshot:${programId}`, { taken: true });
      return (await api.asApp().requestJira(route`/rest/api/3/field`)).status;
    };

    const status = await runtime.runTrigger(consumer, { body: { programId: 'p1' } });

    expect(status).toBe(200);
    expect(runtime.kvs.snapshot().kvs['snapshot:p1']).toEqual({ taken: true });
  });
});

describe('installation', () => {
  it('refuses a second runtime in the same process', () => {
    expect(() => installForgeRuntime({ site: emulatorSite(site.baseUrl, [], 'x') })).toThrow(
      /already installed/,
    );
  });
});
