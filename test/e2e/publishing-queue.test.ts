// Scheduled publishing through the publish queue, end to end: the real weekly trigger pushes with the real
// @forge/events Queue, the local runtime records the events and delivers them to the consumer manifest.yml
// declares, which publishes as the app against the emulator's Confluence.
import { Queue } from '@forge/events';
import type { Exchange } from '../../dev/emulator/server';
import { manifestConsumers, type Delivery } from '../../dev/runtime';
import type { PublishRun } from '../../src/contract';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import { newProgramRecord } from '../../src/domain/program/program';
import * as app from '../../src/index';
import type { PublishEventResult } from '../../src/triggers/publish-queue';
import { PUBLISH_QUEUE, publishScheduled } from '../../src/triggers/publish-scheduled';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
const PROGRAM = 'prog-atlas';
const TPM = 'tpm@example.com';
type Cadence = 'weekly' | 'biweekly' | 'monthly';

beforeAll(async () => {
  // The app logs one JSON line per publish and retry; the assertions below read the outcomes instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack();
  for (const consumer of manifestConsumers(app)) stack.runtime.queues.subscribe(consumer);
  await target('weekly');
});
afterAll(async () => {
  await stack.close();
  jest.restoreAllMocks();
});
afterEach(async () => stack.faults({}));

function progSpace() {
  const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG');
  if (!space) throw new Error('no PROG space');
  return space;
}

async function target(reportCadence: Cadence, programId = PROGRAM): Promise<void> {
  const saved = await stack.invoke('publish/target/save', {
    programId,
    spaceId: progSpace().id,
    parentPageId: progSpace().homepageId,
    reportCadence,
  });
  if (!saved.success) throw new Error(JSON.stringify(saved.errors));
}

/** Another program of the TPM's on the demo scope, publishing weekly to the PROG space: nothing of it is published yet. */
async function newProgram(id: string, name: string): Promise<void> {
  await stack.runtime.runAsUser(accountIdOf(TPM), async () => {
    const atlas = (await new KvsProgramStore().get(PROGRAM))!;
    await new KvsProgramStore().create(
      newProgramRecord({
        id,
        name,
        stage: 'execution',
        scopeJql: atlas.scopeJql,
        owners: [accountIdOf(TPM)],
        createdAt: new Date().toISOString(),
        description: `${name}: a program to publish.`,
      }),
    );
  });
  await target('weekly', id);
}

const fire = () => stack.runtime.runTrigger(publishScheduled);
const resultOf = (delivery: Delivery | undefined) => delivery?.result as PublishEventResult | undefined;
const since = (mark: number) => stack.exchanges.slice(mark);
const writes = (exchanges: Exchange[]) =>
  exchanges.filter((x) => x.method !== 'GET' && x.path.startsWith('/wiki/'));

async function history(programId = PROGRAM): Promise<PublishRun[]> {
  const envelope = await stack.invoke('publish/get', { programId });
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data.history;
}

const appPages = () =>
  stack.emulator
    .site()
    .pages.filter((p) => p.status === 'current' && p.properties.some((x) => x.key === 'programs-app'));

const treeOf = (name: string) =>
  stack.emulator.site().pages.filter((p) => p.status === 'current' && p.title.startsWith(name));

/** Each title of the program's tree once. */
function expectNoDuplicates(name = 'Atlas'): void {
  const titles = treeOf(name).map((p) => p.title);
  expect(titles.length).toBeGreaterThan(0);
  expect(new Set(titles).size).toBe(titles.length);
}

/** Every page of the tree is whole: its section, its ownership property and every chart it shows. */
function expectWholePages(name = 'Atlas'): void {
  const site = stack.emulator.site();
  for (const page of treeOf(name)) {
    expect(page.body).toContain('programs-app-managed');
    expect(page.properties.map((p) => p.key)).toContain('programs-app');
    const shown = [...page.body.matchAll(/ri:filename="([^"]+)"/g)].map((m) => m[1]);
    const attached = site.attachments.filter((a) => a.pageId === page.id).map((a) => a.title);
    expect(attached).toEqual(expect.arrayContaining(shown));
  }
}

describe('the weekly trigger and the publish queue', () => {
  let queuedPeriod = '';

  it('queues one event per program due and publishes nothing itself', async () => {
    const mark = stack.exchanges.length;

    const result = await fire();

    expect(result.queued).toEqual([{ programId: PROGRAM, period: expect.any(String) }]);
    expect(result.notQueued).toEqual([]);
    queuedPeriod = result.queued[0]!.period;
    expect(stack.runtime.queues.pending(PUBLISH_QUEUE).map((e) => [e.body, e.concurrency])).toEqual([
      [
        { programId: PROGRAM, period: queuedPeriod },
        { key: `publish-${PROGRAM}`, limit: 1 },
      ],
    ]);
    expect(writes(since(mark))).toEqual([]);
  });

  it('publishes the program’s pages as the app when the queue is drained', async () => {
    const mark = stack.exchanges.length;

    const report = await stack.runtime.queues.drain();

    expect(report.deliveries.map((d) => [d.outcome, resultOf(d)?.outcome])).toEqual([
      ['succeeded', 'published'],
    ]);
    expect(appPages().map((p) => p.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ — Program charter$/),
        expect.stringMatching(/Status report/),
        expect.stringMatching(/Risk/),
      ]),
    );
    const wiki = since(mark).filter((x) => x.path.startsWith('/wiki/'));
    expect(wiki.length).toBeGreaterThan(0);
    expect(wiki.every((x) => x.requestHeaders.authorization?.startsWith('Bearer'))).toBe(true);
    expect((await history())[0]).toMatchObject({ trigger: 'scheduled', by: null, period: queuedPeriod });
    expectWholePages();
  });

  it('queues nothing on a second firing in the same period, and writes nothing', async () => {
    const mark = stack.exchanges.length;

    const result = await fire();
    const report = await stack.runtime.queues.drain();

    expect(result.queued).toEqual([]);
    expect(result.skipped).toContain(PROGRAM);
    expect(report.deliveries).toEqual([]);
    expect(writes(since(mark))).toEqual([]);
  });

  it('publishes once when the trigger fires twice before the queue runs; the second event sends nothing', async () => {
    await newProgram('prog-borealis', 'Borealis');
    await fire();
    await fire();
    const queued = stack.runtime.queues.pending(PUBLISH_QUEUE);
    expect(queued.map((e) => e.body.programId)).toEqual(['prog-borealis', 'prog-borealis']);

    const first = await stack.runtime.queues.deliverNext();
    const mark = stack.exchanges.length;
    const second = await stack.runtime.queues.deliverNext();

    expect(resultOf(first)?.outcome).toBe('published');
    expect(resultOf(second)).toMatchObject({ outcome: 'already-published' });
    expect(since(mark)).toEqual([]);
    expect(await history('prog-borealis')).toHaveLength(1);
    expectNoDuplicates('Borealis');
  });

  it('treats a redelivered event as already published and sends nothing', async () => {
    // The event that published Borealis comes back, as at-least-once delivery allows.
    const delivered = stack.runtime.queues
      .list(PUBLISH_QUEUE)
      .find((e) => e.body.programId === 'prog-borealis')!;
    const mark = stack.exchanges.length;

    stack.runtime.queues.redeliver(delivered.eventId);
    const report = await stack.runtime.queues.drain();

    expect(report.deliveries.map((d) => resultOf(d)?.outcome)).toEqual(['already-published']);
    expect(since(mark)).toEqual([]);
  });

  it('retries a publish that failed midway and ends with every page once and whole', async () => {
    await newProgram('prog-cassini', 'Cassini');
    await fire();
    // The charter is created, then writing its ownership property fails on every attempt.
    await stack.faults({ createPageProperty: { status: 500, rate: 1 } });

    const failed = await stack.runtime.queues.deliverNext();

    expect(failed?.outcome).toBe('retry');
    expect(stack.runtime.queues.pending(PUBLISH_QUEUE)[0]?.retryContext).toMatchObject({
      retryCount: 1,
      retryReason: 'FUNCTION_RETRY_REQUEST',
    });
    expect(treeOf('Cassini').map((p) => p.title)).toEqual([expect.stringMatching(/ — Program charter$/)]);

    await stack.faults({});
    const report = await stack.runtime.queues.drain();

    expect(report.deliveries.map((d) => resultOf(d)?.outcome)).toEqual(['published']);
    const runs = await history('prog-cassini');
    expect(runs.map((r) => r.trigger)).toEqual(['scheduled']);
    expect(runs[0]?.pages.map((p) => p.artifact)).toEqual(
      expect.arrayContaining(['charter', 'status', 'risk-report']),
    );
    expectNoDuplicates('Cassini');
    expectWholePages('Cassini');
  });

  it('stops asking for retries after the four Forge allows, and leaves no page behind', async () => {
    await newProgram('prog-dione', 'Dione');
    await fire();
    await stack.faults({ createPage: { status: 500, rate: 1 } });

    const report = await stack.runtime.queues.drain();

    expect(report.deliveries.map((d) => d.outcome)).toEqual([
      'retry',
      'retry',
      'retry',
      'retry',
      'succeeded',
    ]);
    expect(resultOf(report.deliveries.at(-1))).toMatchObject({ outcome: 'failed' });
    expect(treeOf('Dione')).toEqual([]);
    expect(await history('prog-dione')).toEqual([]);
  });

  it('does nothing for a program that is gone by the time its event arrives', async () => {
    await stack.runtime.runTrigger(() =>
      new Queue({ key: PUBLISH_QUEUE }).push({ body: { programId: 'prog-gone', period: '2027-W01' } }),
    );

    const report = await stack.runtime.queues.drain();

    expect(report.deliveries.map((d) => [d.outcome, resultOf(d)?.outcome])).toEqual([
      ['succeeded', 'not-due'],
    ]);
  });

  it('gives up at once on a publish that retrying cannot fix (the space is gone)', async () => {
    const site = stack.emulator.site();
    const space = progSpace();
    const runsBefore = (await history()).length;
    site.spaces.splice(site.spaces.indexOf(space), 1);
    try {
      await stack.runtime.runTrigger(() =>
        new Queue({ key: PUBLISH_QUEUE }).push({ body: { programId: PROGRAM, period: '2099-W01' } }),
      );

      const report = await stack.runtime.queues.drain();

      expect(report.deliveries.map((d) => [d.outcome, resultOf(d)?.outcome])).toEqual([
        ['succeeded', 'failed'],
      ]);
      expect(resultOf(report.deliveries[0])).toMatchObject({ message: expect.stringMatching(/space/) });
      expect((await history()).length).toBe(runsBefore);
    } finally {
      site.spaces.push(space);
    }
  });
});
