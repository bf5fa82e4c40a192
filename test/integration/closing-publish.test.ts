// Closing a program publishes it one last time: the owner's close hands the program to the publish queue, and
// the consumer publishes its pages, the completion report with them, as the app — once per closing, whatever
// the queue redelivers. Without a publish target the closing stands and says how to publish by hand.
import { Queue } from '@forge/events';
import { manifestConsumers } from '../../dev/runtime';
import { DEMO_PROGRAM } from '../../dev/seed';
import type { ProgramOverview, PublishRun } from '../../src/contract';
import * as app from '../../src/index';
import { PUBLISH_QUEUE } from '../../src/triggers/publish-scheduled';
import { ok, useAppStack, type AppStack } from '../support/app-stack';

const programId = DEMO_PROGRAM.id;

let stack: AppStack;

useAppStack(
  { demoPlan: true },
  {
    today: '2027-04-20T09:00:00.000Z',
    ready: (started) => {
      stack = started;
      for (const consumer of manifestConsumers(app)) stack.runtime.queues.subscribe(consumer);
    },
  },
);

async function toCompletion(): Promise<number> {
  let { program } = ok(await stack.invoke('program/get', { programId }));
  for (const to of ['planning', 'execution', 'completion'] as const) {
    if (program.stage === to || program.stage === 'completion') continue;
    program = (
      ok(
        await stack.invoke('program/stage/move', {
          programId,
          expectedVersion: program.version,
          to,
          overrideReason: 'Demo',
        }),
      ) as ProgramOverview
    ).program;
  }
  return program.version;
}

const close = async () =>
  ok(
    await stack.invoke('program/close', {
      programId,
      expectedVersion: await toCompletion(),
      overrideReason: 'The demo closes without every record',
    }),
  );
const reopen = async (version: number) =>
  ok(await stack.invoke('program/reopen', { programId, expectedVersion: version }));
const history = async (): Promise<PublishRun[]> =>
  ok(await stack.invoke('publish/get', { programId })).history;

describe('closing a program', () => {
  it('says how to publish by hand when the program has no Confluence space, and queues nothing', async () => {
    const closed = await close();
    expect(closed.closed).toBe(true);
    expect(closed.closingReport).toMatchObject({ state: 'no-target' });
    expect(closed.closingReport.message).toContain('Publishing tab');
    expect(stack.runtime.queues.pending(PUBLISH_QUEUE)).toEqual([]);
    await reopen(closed.programVersion);
  });

  it('publishes the completion report and the other pages once, as the app, for the owner who closed it', async () => {
    const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG')!;
    ok(
      await stack.invoke('publish/target/save', {
        programId,
        spaceId: space.id,
        parentPageId: space.homepageId,
        reportCadence: 'weekly',
      }),
    );
    const closed = await close();
    expect(closed.closingReport).toMatchObject({ state: 'queued' });
    expect(stack.runtime.queues.pending(PUBLISH_QUEUE).map((e) => e.body)).toEqual([
      { programId, closedAt: closed.closedAt },
    ]);
    const mark = stack.exchanges.length;
    expect((await stack.runtime.queues.drain()).failed).toBe(0);
    const runs = await history();
    expect(runs[0]).toMatchObject({ trigger: 'closing', by: null });
    const report = runs[0]!.pages.find((p) => p.artifact === 'completion');
    expect(report?.title).toBe(`${DEMO_PROGRAM.name} — Completion report`);
    const page = stack.emulator.site().pages.find((p) => p.id === report?.pageId);
    expect(page?.body).toContain(`closed ${closed.closedAt!.slice(0, 10)}`);
    // Written as the app (Bearer), not as the TPM.
    const writes = stack.exchanges.slice(mark).filter((x) => x.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((x) => x.requestHeaders.authorization?.startsWith('Bearer'))).toBe(true);

    // The same closing delivered again publishes nothing more.
    const afterFirst = stack.exchanges.length;
    await stack.runtime.queues.drain();
    await stack.runtime.runTrigger(() =>
      new Queue({ key: PUBLISH_QUEUE }).push({ body: { programId, closedAt: closed.closedAt! } }),
    );
    expect((await stack.runtime.queues.drain()).failed).toBe(0);
    expect(stack.exchanges.slice(afterFirst).filter((x) => x.method !== 'GET')).toEqual([]);
    expect(await history()).toHaveLength(runs.length);
  });

  it('does not publish a closing the program was reopened after', async () => {
    const { programVersion, closedAt } = await (async () => {
      const { program } = ok(await stack.invoke('program/get', { programId }));
      return { programVersion: program.version, closedAt: program.stageHistory.at(-1)?.at ?? null };
    })();
    const reopened = await reopen(programVersion);
    expect(reopened.closed).toBe(false);
    const before = (await history()).length;
    await stack.runtime.runTrigger(() =>
      new Queue({ key: PUBLISH_QUEUE }).push({ body: { programId, closedAt: closedAt! } }),
    );
    expect((await stack.runtime.queues.drain()).failed).toBe(0);
    expect(await history()).toHaveLength(before);
  });
});
