// Publishing while Confluence's search lags its writes (the emulator's searchLagMs fault on getPages): the
// app finds its pages through the ids it records, never creates a page twice, and recovers a page whose create
// answer was lost once search lists it. The emulator's clock is the test's, so "the lag has passed" is a step.
import { Queue } from '@forge/events';
import { randomUUID } from 'node:crypto';
import {
  EMULATOR_APP_TOKEN,
  startEmulator,
  type EmulatorHandle,
  type Exchange,
} from '../../dev/emulator/server';
import {
  emulatorSite,
  installForgeRuntime,
  manifestConsumers,
  type LocalForgeRuntime,
} from '../../dev/runtime';
import { manifestEntities } from '../../dev/runtime/manifest-entities';
import { DEMO_USERS } from '../../dev/seed';
import { seedDemoProgram } from '../../dev/seed/demo-program';
import type { Envelope, PublishRun } from '../../src/contract';
import * as app from '../../src/index';
import type { PublishEventResult } from '../../src/triggers/publish-queue';
import { PUBLISH_QUEUE } from '../../src/triggers/publish-scheduled';
import { accountIdOf } from '../support/app-stack';

const PROGRAM = 'prog-atlas';
const LAG_MS = 60_000;
const CHARTER = / — Program charter$/;

let emulator: EmulatorHandle;
let runtime: LocalForgeRuntime;
let clockOffset = 0;
const exchanges: Exchange[] = [];
/** Runs when the emulator has refused a create over its title, before the app hears the answer. */
let onCreateRefused: (() => void) | undefined;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  emulator = await startEmulator({
    port: 0,
    now: () => Date.now() + clockOffset,
    onExchange: (x) => {
      exchanges.push(x);
      if (x.operationId === 'createPage' && x.status === 400) onCreateRefused?.();
    },
  });
  runtime = installForgeRuntime({
    site: emulatorSite(emulator.url, [...DEMO_USERS], EMULATOR_APP_TOKEN),
    cloudId: randomUUID(),
    entities: manifestEntities(),
    consumers: manifestConsumers(app),
  });
  await runtime.runAsUser(accountIdOf('tpm@example.com'), () => seedDemoProgram());
});

afterAll(async () => {
  runtime.uninstall();
  await emulator.close();
  jest.restoreAllMocks();
});

beforeEach(async () => {
  // Every test starts from an unpublished program on a fresh site, with the listing lagging a minute.
  emulator.reset({});
  runtime.kvs.clear();
  await runtime.runAsUser(accountIdOf('tpm@example.com'), () => seedDemoProgram());
  await faults({ getPages: { searchLagMs: LAG_MS } });
  const space = progSpace();
  const saved = await invoke('publish/target/save', {
    programId: PROGRAM,
    spaceId: space.id,
    parentPageId: space.homepageId,
    reportCadence: 'weekly',
  });
  if (!saved.success) throw new Error(JSON.stringify(saved.errors));
});

afterEach(() => {
  restoreFetch?.();
  restoreFetch = undefined;
  onCreateRefused = undefined;
});

async function faults(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`faults: ${response.status}`);
}

async function invoke(key: string, payload: unknown): Promise<Envelope<unknown>> {
  return (await runtime.invoke(app.handler, {
    key,
    payload,
    accountId: accountIdOf('tpm@example.com'),
  })) as Envelope<unknown>;
}

async function publish(): Promise<PublishRun> {
  const envelope = await invoke('publish/now', { programId: PROGRAM });
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data as PublishRun;
}

function progSpace() {
  const space = emulator.site().spaces.find((s) => s.key === 'PROG');
  if (!space) throw new Error('no PROG space');
  return space;
}

const atlasPages = () =>
  emulator.site().pages.filter((p) => p.status === 'current' && p.title.startsWith('Atlas'));

function expectEachPageOnce(): void {
  const titles = atlasPages().map((p) => p.title);
  expect(titles.length).toBeGreaterThan(0);
  expect(new Set(titles).size).toBe(titles.length);
}

/** Whole pages: the app's section, its ownership property, and every chart the body shows attached. */
function expectWholePages(): void {
  for (const page of atlasPages()) {
    expect(page.body).toContain('programs-app-managed');
    expect(page.properties.map((p) => p.key)).toContain('programs-app');
    const shown = [...page.body.matchAll(/ri:filename="([^"]+)"/g)].map((m) => m[1]);
    const attached = emulator
      .site()
      .attachments.filter((a) => a.pageId === page.id)
      .map((a) => a.title);
    expect(attached).toEqual(expect.arrayContaining(shown));
  }
}

type ForgeFetch = (target: { remote?: string }, path: string, init?: RequestInit) => Promise<Response>;
const slots = globalThis as unknown as { __forge_fetch__: ForgeFetch };
let restoreFetch: (() => void) | undefined;

/**
 * The next create of a page whose title matches reaches Confluence, which creates it, but its answer never
 * comes back: what a dropped connection after the write, or a crash before the app records the id, leaves.
 */
function loseNextCreateAnswer(title: RegExp): void {
  const original = slots.__forge_fetch__;
  let armed = true;
  slots.__forge_fetch__ = async (target, path, init) => {
    const response = await original(target, path, init);
    const body = typeof init?.body === 'string' ? init.body : '';
    if (armed && init?.method === 'POST' && path === '/wiki/api/v2/pages') {
      const { title: created } = JSON.parse(body) as { title: string };
      if (title.test(created)) {
        armed = false;
        throw new TypeError('fetch failed');
      }
    }
    return response;
  };
  restoreFetch = () => {
    slots.__forge_fetch__ = original;
  };
}

const creates = (since: number) =>
  exchanges.slice(since).filter((x) => x.operationId === 'createPage' && x.status === 200);

describe('publishing while Confluence search lags', () => {
  it('publishes twice in quick succession without creating any page twice', async () => {
    const first = await publish();
    const mark = exchanges.length;
    const second = await publish();

    expect(first.pages.map((p) => p.outcome)).toEqual(first.pages.map(() => 'created'));
    expect(second.pages.map((p) => p.outcome)).toEqual(second.pages.map(() => 'unchanged'));
    expect(creates(mark)).toEqual([]);
    expectEachPageOnce();
  });

  it('recovers a page whose create answer was lost: no duplicate while search lags, adopted once it lists it', async () => {
    loseNextCreateAnswer(CHARTER);
    const lost = await invoke('publish/now', { programId: PROGRAM });
    expect(lost.success).toBe(false);
    expect(atlasPages().map((p) => p.title)).toEqual([expect.stringMatching(CHARTER)]);

    // Still lagging: Confluence refuses a second page by that title, and the app says to try again.
    const early = await invoke('publish/now', { programId: PROGRAM });
    expect(early.success ? undefined : early.errors[0]).toMatchObject({ errorType: 'UPSTREAM' });
    expect(atlasPages()).toHaveLength(1);

    clockOffset += LAG_MS;
    const run = await publish();

    expect(run.pages.map((p) => [p.artifact, p.outcome])).toEqual(
      expect.arrayContaining([
        ['charter', 'updated'],
        ['status', 'created'],
        ['risk-report', 'created'],
      ]),
    );
    expect(run.pages.find((p) => p.artifact === 'charter')?.pageId).toBe(
      atlasPages().find((p) => CHARTER.test(p.title))?.id,
    );
    expectEachPageOnce();
    expectWholePages();
  });

  it('adopts the page a refused create collided with as soon as search lists it', async () => {
    loseNextCreateAnswer(CHARTER);
    await invoke('publish/now', { programId: PROGRAM });
    // Search catches up between the app's lookup and its create: the create is refused over the title,
    // and the lookup after it finds the app's own page.
    onCreateRefused = () => {
      clockOffset += LAG_MS;
    };
    const mark = exchanges.length;

    const run = await publish();

    expect(run.pages.find((p) => p.artifact === 'charter')?.outcome).toBe('updated');
    expect(
      exchanges
        .slice(mark)
        .filter((x) => x.operationId === 'createPage')
        .map((x) => x.status),
    ).toEqual([400, 200, 200]);
    expectEachPageOnce();
    expectWholePages();
  });

  it('never adopts a page by that title a person created, even once search lists it', async () => {
    const person = await fetch(`${emulator.url}/wiki/api/v2/pages`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sponsor@example.com:demo').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        spaceId: progSpace().id,
        status: 'current',
        title: 'Atlas — one checkout for every market — Program charter',
        body: { representation: 'storage', value: '<p>Our own charter notes</p>' },
      }),
    });
    expect(person.status).toBe(200);

    const early = await invoke('publish/now', { programId: PROGRAM });
    clockOffset += LAG_MS;
    const later = await invoke('publish/now', { programId: PROGRAM });

    expect(early.success).toBe(false);
    expect(later.success ? undefined : later.errors[0]).toMatchObject({
      errorType: 'VALIDATION',
      message: expect.stringMatching(/already exists/),
    });
    const charter = atlasPages().filter((p) => CHARTER.test(p.title));
    expect(charter.map((p) => p.body)).toEqual(['<p>Our own charter notes</p>']);
  });

  it('retries a queued publish whose page search has not caught up, and publishes every page once', async () => {
    loseNextCreateAnswer(CHARTER);
    const push = (period: string) =>
      runtime.runTrigger(() =>
        new Queue({ key: PUBLISH_QUEUE }).push({ body: { programId: PROGRAM, period } }),
      );
    await push('2099-01-05');

    const lost = await runtime.queues.deliverNext();
    const early = await runtime.queues.deliverNext();
    clockOffset += LAG_MS;
    const report = await runtime.queues.drain();

    expect([lost?.outcome, early?.outcome]).toEqual(['retry', 'retry']);
    expect(report.deliveries.map((d) => (d.result as PublishEventResult).outcome)).toEqual(['published']);
    expect(atlasPages().length).toBeGreaterThanOrEqual(3);
    expectEachPageOnce();
    expectWholePages();
  });
});
