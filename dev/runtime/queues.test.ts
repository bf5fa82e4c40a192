/**
 * Contract of the async events seam: the REAL @forge/events 3.0.8 Queue pushes through `__forge_fetch__`
 * to the local platform, which records the events and delivers them to the queue's consumer as the app,
 * with the AsyncEvent shape and the retry rules of Forge.
 */
import api, { getAppContext, NeedsAuthenticationError, route } from '@forge/api';
import {
  InvocationError,
  InvocationErrorCode,
  JobDoesNotExistError,
  Queue,
  QueueResponse,
} from '@forge/events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  emulatorSite,
  installForgeRuntime,
  LOCAL_CLOUD_ID,
  manifestConsumers,
  MAX_RETRIES,
  type AsyncEvent,
  type ConsumerHandler,
  type LocalForgeRuntime,
} from './index';
import { startRecordingSite, type RecordingSite } from './recording-site';

const alice = { accountId: 'acc-alice', email: 'alice@example.com', apiToken: 'alice-token' };

let site: RecordingSite;
let runtime: LocalForgeRuntime;
/** Each test's consumer; the queues are subscribed once, to whatever this names. */
let consume: ConsumerHandler = async () => undefined;
const seen: { event: AsyncEvent; context: unknown; moduleKey: string }[] = [];

beforeAll(async () => {
  site = await startRecordingSite();
  runtime = installForgeRuntime({
    site: emulatorSite(site.baseUrl, [alice], 'app-secret'),
    consumers: [
      {
        queue: 'work',
        moduleKey: 'work-consumer',
        timeoutSeconds: 900,
        handler: (event, context) => {
          seen.push({ event, context, moduleKey: getAppContext().moduleKey });
          return consume(event, context);
        },
      },
    ],
  });
});

afterAll(async () => {
  runtime.uninstall();
  await site.close();
});

beforeEach(() => {
  runtime.queues.clear();
  seen.length = 0;
  site.requests.length = 0;
  consume = async () => undefined;
});

const work = () => new Queue({ key: 'work' });

describe('push', () => {
  it('accepts a push as the platform does and keeps every event with the job id the client returns', async () => {
    const { jobId } = await runtime.runTrigger(() =>
      work().push([{ body: { programId: 'p1' } }, { body: { programId: 'p2' }, delayInSeconds: 5 }]),
    );

    expect(runtime.queues.pending('work').map((e) => [e.jobId, e.body, e.delayInSeconds])).toEqual([
      [jobId, { programId: 'p1' }, undefined],
      [jobId, { programId: 'p2' }, 5],
    ]);
    expect(site.requests).toEqual([]);
  });

  it('delivers nothing until asked', async () => {
    await runtime.runTrigger(() => work().push({ body: { n: 1 } }));

    expect(seen).toEqual([]);
    expect(runtime.queues.pending()).toHaveLength(1);
  });

  it('reports a job’s progress and cancels what is still pending, through the real JobProgress', async () => {
    const { jobId } = await runtime.runTrigger(() => work().push([{ body: { n: 1 } }, { body: { n: 2 } }]));
    await runtime.queues.deliverNext();

    const stats = await runtime.runTrigger(() => work().getStats(jobId));
    await runtime.runTrigger(() => work().cancel(jobId));
    const report = await runtime.queues.drain();

    expect(stats).toEqual({ success: 1, inProgress: 1, failed: 0 });
    expect(report.deliveries).toEqual([]);
    expect(runtime.queues.list().map((e) => e.state)).toEqual(['succeeded', 'cancelled']);
    await expect(runtime.runTrigger(() => work().getStats('no-such-job'))).rejects.toBeInstanceOf(
      JobDoesNotExistError,
    );
  });
});

describe('delivery', () => {
  it('hands the consumer the AsyncEvent Forge gives it, with the install context', async () => {
    const { jobId } = await runtime.runTrigger(() =>
      work().push({ body: { programId: 'p1', period: 'W1' } }),
    );

    await runtime.queues.drain();

    expect(seen).toHaveLength(1);
    expect(seen[0]?.event).toEqual({
      body: { programId: 'p1', period: 'W1' },
      queueName: 'work',
      jobId,
      eventId: expect.any(String),
    });
    expect(seen[0]?.context).toMatchObject({ installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` });
    expect(seen[0]?.moduleKey).toBe('work-consumer');
  });

  it('runs the consumer as the app: asApp reaches the site, asUser has no user', async () => {
    const results: unknown[] = [];
    consume = async () => {
      results.push((await api.asApp().requestJira(route`/rest/api/3/field`)).status);
      await api
        .asUser()
        .requestJira(route`/rest/api/3/myself`)
        .catch((error: unknown) => results.push(error instanceof NeedsAuthenticationError));
    };
    await runtime.runTrigger(() => work().push({ body: {} }));

    await runtime.queues.drain();

    expect(results).toEqual([200, true]);
    expect(site.requests.map((r) => r.headers.authorization)).toEqual(['Bearer app-secret']);
  });

  it('delivers in order of due time: a delayed event after one pushed later without delay', async () => {
    await runtime.runTrigger(() => work().push({ body: { name: 'later' }, delayInSeconds: 60 }));
    await runtime.runTrigger(() => work().push({ body: { name: 'now' } }));

    await runtime.queues.drain();

    expect(seen.map((s) => s.event.body.name)).toEqual(['now', 'later']);
  });

  it('drains the events consumers push while it drains', async () => {
    consume = async (event) => {
      const n = Number(event.body.n);
      if (n < 3) await work().push({ body: { n: n + 1 } });
    };
    await runtime.runTrigger(() => work().push({ body: { n: 1 } }));

    const report = await runtime.queues.drain();

    expect(seen.map((s) => s.event.body.n)).toEqual([1, 2, 3]);
    expect(report.succeeded).toBe(3);
  });

  it('delivers an event again when asked to, as at-least-once delivery may', async () => {
    await runtime.runTrigger(() => work().push({ body: { n: 1 } }));
    await runtime.queues.drain();

    runtime.queues.redeliver(seen[0]!.event.eventId);
    await runtime.queues.drain();

    expect(seen.map((s) => s.event.eventId)).toEqual([seen[0]!.event.eventId, seen[0]!.event.eventId]);
  });

  it('refuses to drain a queue nobody consumes, instead of dropping its events', async () => {
    await runtime.runTrigger(() => new Queue({ key: 'orphan' }).push({ body: {} }));

    await expect(runtime.queues.drain()).rejects.toThrow(/queue "orphan", which has no consumer/);
  });
});

describe('retries', () => {
  it('retries an event whose consumer returns an InvocationError, with the retry context', async () => {
    consume = async (event) =>
      event.retryContext
        ? 'done'
        : new InvocationError({
            retryAfter: 30,
            retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
            retryData: { step: 'status' },
          });
    await runtime.runTrigger(() => work().push({ body: { n: 1 } }));

    const report = await runtime.queues.drain();

    expect(report.deliveries.map((d) => d.outcome)).toEqual(['retry', 'succeeded']);
    expect(seen[1]?.event.retryContext).toEqual({
      retryCount: 1,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { step: 'status' },
    });
    expect(seen[1]?.event.eventId).toBe(seen[0]?.event.eventId);
  });

  it('retries a QueueResponse the consumer called retry() on', async () => {
    consume = async (event) => {
      const response = new QueueResponse();
      if (!event.retryContext) response.retry();
      return response;
    };
    await runtime.runTrigger(() => work().push({ body: {} }));

    expect((await runtime.queues.drain()).retried).toBe(1);
  });

  it(`gives up after ${MAX_RETRIES} retries, as Forge does`, async () => {
    consume = async () => new InvocationError();
    await runtime.runTrigger(() => work().push({ body: {} }));

    const report = await runtime.queues.drain();

    expect(seen).toHaveLength(MAX_RETRIES + 1);
    expect(report.failed).toBe(1);
    expect(runtime.queues.list()[0]).toMatchObject({
      state: 'failed',
      failure: expect.stringMatching(/Retried/),
    });
  });

  it('fails an event whose consumer throws, without retrying it', async () => {
    consume = async () => {
      throw new Error('bug in the consumer');
    };
    await runtime.runTrigger(() => work().push({ body: {} }));

    const report = await runtime.queues.drain();

    expect(seen).toHaveLength(1);
    expect(report.failed).toBe(1);
    expect(runtime.queues.list()[0]?.failure).toBe('Error: bug in the consumer');
  });

  it('delivers a retry after events that were due before it', async () => {
    consume = async (event) =>
      event.body.name === 'flaky' && !event.retryContext
        ? new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
        : 'ok';
    await runtime.runTrigger(() =>
      work().push([{ body: { name: 'flaky' } }, { body: { name: 'steady' }, delayInSeconds: 30 }]),
    );

    await runtime.queues.drain();

    expect(seen.map((s) => s.event.body.name)).toEqual(['flaky', 'steady', 'flaky']);
  });
});

describe('manifestConsumers()', () => {
  it('binds each consumer module to the exported handler of its function, with its timeout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    const file = path.join(dir, 'manifest.yml');
    writeFileSync(
      file,
      [
        'modules:',
        '  consumer:',
        '    - key: jobs-consumer',
        '      queue: jobs',
        '      function: jobs-fn',
        '  function:',
        '    - key: jobs-fn',
        '      handler: index.runJob',
        '      timeoutSeconds: 600',
      ].join('\n'),
    );
    const runJob = async () => undefined;

    expect(manifestConsumers({ runJob }, file)).toEqual([
      { queue: 'jobs', handler: runJob, moduleKey: 'jobs-consumer', timeoutSeconds: 600 },
    ]);
    expect(() => manifestConsumers({}, file)).toThrow(/no handler index.runJob/);
  });
});
