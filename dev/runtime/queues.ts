/**
 * Forge async events off Forge. @forge/events 3.0.8 sends `queue.push()` through the runtime's fetch as the
 * app to the Forge platform: target `{type:'fpp', provider:'app', remote:'stargate'}`, POST
 * `/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}` (the placeholders literally: the
 * platform fills them) with `{queueName, jobId, type, schema, payload: PushEvent[], time}`, and treats 201 as
 * accepted (it reads no body), 202 `{failedEvents: [{index, errorMessage}]}` as a partial success, 413
 * `{errorMessage}` as too big, 429 as rate limited. Stats and cancel go to `/webhook/queue/stats|cancel/…`
 * with `{queueName, jobId, time}` (200 `{success, inProgress, failed}`, 204, 404 for an unknown job).
 *
 * Pushed events are kept here and delivered only when a test or the dev server asks (`drain()`,
 * `deliverNext()`), in a deterministic order on a virtual clock: `delayInSeconds` and retry delays order
 * events but nobody waits for them. A consumer gets the `AsyncEvent` Forge gives it (`body`, `queueName`,
 * `jobId`, `eventId`, `retryContext` on retries) and the install context. As on Forge, an event is retried
 * only when the consumer returns an `InvocationError` (or a `QueueResponse` it called `retry()` on), at most
 * four times, after `retryAfter` seconds (1–900); a consumer that throws fails the event for good.
 */
import { randomUUID } from 'node:crypto';

export type EventBody = Record<string, unknown>;

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

/** What a consumer function receives: @forge/events' AsyncEvent. */
export interface AsyncEvent {
  body: EventBody;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: RetryContext;
}

export type ConsumerHandler = (event: AsyncEvent, context: unknown) => Promise<unknown>;

export interface ConsumerDeclaration {
  queue: string;
  handler: ConsumerHandler;
  /** The consumer module's key (appContext.moduleKey during delivery). */
  moduleKey?: string;
  /** The consumer function's timeoutSeconds from manifest.yml (at most 900). */
  timeoutSeconds?: number;
}

export type EventState = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/** One pushed event as the platform keeps it. */
export interface QueuedEvent {
  eventId: string;
  queueName: string;
  jobId: string;
  body: EventBody;
  delayInSeconds: number | undefined;
  concurrency: { key: string; limit: number } | undefined;
  state: EventState;
  /** Times the consumer was invoked with it. */
  deliveries: number;
  retryContext: RetryContext | undefined;
  /** Why it failed for good. */
  failure: string | undefined;
  /** Virtual time (ms) from which it may be delivered. */
  dueAt: number;
  sequence: number;
}

export interface Delivery {
  eventId: string;
  queueName: string;
  outcome: 'succeeded' | 'retry' | 'failed';
  /** The consumer's return value, or the error it threw. */
  result: unknown;
}

export interface DrainReport {
  deliveries: Delivery[];
  succeeded: number;
  retried: number;
  failed: number;
}

export interface QueueReply {
  status: number;
  body?: unknown;
}

/** Runs a consumer as the app (no user), the way the runtime runs every function. */
export type RunConsumer = (declaration: ConsumerDeclaration, event: AsyncEvent) => Promise<unknown>;

const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;
const QUEUE_PATH = /^\/webhook\/queue\/(publish|stats|cancel)\/[^/]+\/[^/]+\/[^/]+\/[^/]+$/;
const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_KB = 200;
const MAX_DELAY_S = 900;
/** Forge retries an event the consumer asks to retry at most four times. */
export const MAX_RETRIES = 4;
const MIN_RETRY_AFTER_S = 1;
const MAX_RETRY_AFTER_S = 900;
const DEFAULT_MAX_DELIVERIES = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The consumer asked for a retry: InvocationError serialises to `{_retry: true, retryOptions}`. */
function retryRequest(
  result: unknown,
): { retryAfterS: number; retryReason: string; retryData: unknown } | undefined {
  if (!isRecord(result) || result._retry !== true) return undefined;
  const options = isRecord(result.retryOptions) ? result.retryOptions : {};
  const after = typeof options.retryAfter === 'number' ? options.retryAfter : MIN_RETRY_AFTER_S;
  return {
    retryAfterS: Math.min(MAX_RETRY_AFTER_S, Math.max(MIN_RETRY_AFTER_S, after)),
    retryReason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}

export class LocalQueues {
  private readonly events: QueuedEvent[] = [];
  private readonly consumers = new Map<string, ConsumerDeclaration>();
  private clock = 0;
  private sequence = 0;

  constructor(private readonly run: RunConsumer) {}

  /** Registers the consumer of a queue (what a `consumer` module in manifest.yml does). */
  subscribe(declaration: ConsumerDeclaration): void {
    if (!QUEUE_NAME.test(declaration.queue)) throw new Error(`Invalid queue name "${declaration.queue}"`);
    if (this.consumers.has(declaration.queue))
      throw new Error(`Queue "${declaration.queue}" already has a consumer`);
    this.consumers.set(declaration.queue, declaration);
  }

  /** Every event pushed since the runtime started (or the queue was cleared), oldest first. */
  list(queueName?: string): QueuedEvent[] {
    return this.events.filter((e) => queueName === undefined || e.queueName === queueName);
  }

  pending(queueName?: string): QueuedEvent[] {
    return this.list(queueName).filter((e) => e.state === 'pending');
  }

  /** Forgets every event. */
  clear(): void {
    this.events.length = 0;
  }

  /** The platform answer to a @forge/events request (push, stats, cancel). */
  handle(path: string, body: unknown): QueueReply {
    const match = QUEUE_PATH.exec(path);
    if (!match) return { status: 404, body: { message: `No async events endpoint at ${path}` } };
    if (!isRecord(body) || typeof body.queueName !== 'string' || !QUEUE_NAME.test(body.queueName))
      return { status: 400, body: { message: 'queueName is missing or invalid' } };
    if (typeof body.jobId !== 'string' || body.jobId === '')
      return { status: 400, body: { message: 'jobId is missing' } };
    if (match[1] === 'publish') return this.push(body.queueName, body.jobId, body.payload);
    const job = this.events.filter((e) => e.queueName === body.queueName && e.jobId === body.jobId);
    if (job.length === 0)
      return {
        status: 404,
        body: { message: `The job ${body.jobId} was not found for the queue ${body.queueName}.` },
      };
    if (match[1] === 'stats')
      return {
        status: 200,
        body: {
          success: job.filter((e) => e.state === 'succeeded').length,
          inProgress: job.filter((e) => e.state === 'pending').length,
          failed: job.filter((e) => e.state === 'failed').length,
        },
      };
    for (const event of job) if (event.state === 'pending') event.state = 'cancelled';
    return { status: 204 };
  }

  private push(queueName: string, jobId: string, payload: unknown): QueueReply {
    if (!Array.isArray(payload) || payload.length === 0)
      return { status: 400, body: { message: 'No events pushed.' } };
    if (payload.length > MAX_EVENTS_PER_PUSH)
      return { status: 400, body: { message: `More than ${MAX_EVENTS_PER_PUSH} events in one push.` } };
    if (Buffer.byteLength(JSON.stringify(payload)) / 1024 > MAX_PUSH_KB)
      return { status: 413, body: { errorMessage: `The maximum payload size is ${MAX_PUSH_KB}KB.` } };
    const failedEvents: { index: string; errorMessage: string }[] = [];
    const accepted: QueuedEvent[] = [];
    payload.forEach((event: unknown, index) => {
      const problem = !isRecord(event)
        ? 'Event must be an object.'
        : !isRecord(event.body)
          ? 'Event body must be an object.'
          : event.delayInSeconds !== undefined &&
              (typeof event.delayInSeconds !== 'number' ||
                event.delayInSeconds < 0 ||
                event.delayInSeconds > MAX_DELAY_S)
            ? `The delayInSeconds setting must be between 0 and ${MAX_DELAY_S}.`
            : undefined;
      if (problem !== undefined || !isRecord(event) || !isRecord(event.body)) {
        failedEvents.push({ index: String(index), errorMessage: problem ?? 'Invalid event.' });
        return;
      }
      const delay = typeof event.delayInSeconds === 'number' ? event.delayInSeconds : undefined;
      const concurrency =
        isRecord(event.concurrency) &&
        typeof event.concurrency.key === 'string' &&
        typeof event.concurrency.limit === 'number'
          ? { key: event.concurrency.key, limit: event.concurrency.limit }
          : undefined;
      accepted.push({
        eventId: randomUUID(),
        queueName,
        jobId,
        // Stored as JSON, as the platform does: the consumer never shares objects with the pusher.
        body: JSON.parse(JSON.stringify(event.body)) as EventBody,
        delayInSeconds: delay,
        concurrency,
        state: 'pending',
        deliveries: 0,
        retryContext: undefined,
        failure: undefined,
        dueAt: this.clock + (delay ?? 0) * 1000,
        sequence: this.sequence++,
      });
    });
    this.events.push(...accepted);
    if (failedEvents.length > 0) return { status: 202, body: { failedEvents } };
    return { status: 201 };
  }

  private next(): QueuedEvent | undefined {
    let best: QueuedEvent | undefined;
    for (const event of this.events) {
      if (event.state !== 'pending') continue;
      if (!best || event.dueAt < best.dueAt || (event.dueAt === best.dueAt && event.sequence < best.sequence))
        best = event;
    }
    return best;
  }

  /** Delivers the next due event to its queue's consumer; undefined when nothing is pending. */
  async deliverNext(): Promise<Delivery | undefined> {
    const event = this.next();
    if (!event) return undefined;
    const consumer = this.consumers.get(event.queueName);
    if (!consumer)
      throw new Error(
        `An event was pushed to queue "${event.queueName}", which has no consumer: declare one in manifest.yml`,
      );
    this.clock = Math.max(this.clock, event.dueAt);
    event.deliveries++;
    const asyncEvent: AsyncEvent = JSON.parse(
      JSON.stringify({
        body: event.body,
        queueName: event.queueName,
        jobId: event.jobId,
        eventId: event.eventId,
        ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
        ...(event.concurrency === undefined ? {} : { concurrency: event.concurrency }),
        ...(event.retryContext === undefined ? {} : { retryContext: event.retryContext }),
      }),
    ) as AsyncEvent;
    let result: unknown;
    try {
      result = await this.run(consumer, asyncEvent);
    } catch (error) {
      event.state = 'failed';
      event.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { eventId: event.eventId, queueName: event.queueName, outcome: 'failed', result: error };
    }
    const retry = retryRequest(result);
    if (!retry) {
      event.state = 'succeeded';
      return { eventId: event.eventId, queueName: event.queueName, outcome: 'succeeded', result };
    }
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount > MAX_RETRIES) {
      event.state = 'failed';
      event.failure = `Retried ${MAX_RETRIES} times, the most Forge allows (${retry.retryReason})`;
      return { eventId: event.eventId, queueName: event.queueName, outcome: 'failed', result };
    }
    event.retryContext = { retryCount, retryReason: retry.retryReason, retryData: retry.retryData };
    event.dueAt = this.clock + retry.retryAfterS * 1000;
    event.sequence = this.sequence++;
    return { eventId: event.eventId, queueName: event.queueName, outcome: 'retry', result };
  }

  /**
   * Delivers until nothing is pending, retries and events consumers push included, one at a time.
   * Throws past `maxDeliveries`, which only a consumer that keeps pushing can reach.
   */
  async drain(options: { maxDeliveries?: number } = {}): Promise<DrainReport> {
    const limit = options.maxDeliveries ?? DEFAULT_MAX_DELIVERIES;
    const deliveries: Delivery[] = [];
    for (let delivery = await this.deliverNext(); delivery; delivery = await this.deliverNext()) {
      deliveries.push(delivery);
      if (deliveries.length >= limit && this.next())
        throw new Error(`The queues still hold events after ${limit} deliveries`);
    }
    const count = (outcome: Delivery['outcome']) => deliveries.filter((d) => d.outcome === outcome).length;
    return { deliveries, succeeded: count('succeeded'), retried: count('retry'), failed: count('failed') };
  }

  /**
   * Queues a delivered event once more, as Forge may (delivery is at least once): same eventId and jobId,
   * no retry context.
   */
  redeliver(eventId: string): void {
    const event = this.events.find((e) => e.eventId === eventId);
    if (!event) throw new Error(`No event ${eventId}`);
    if (event.state === 'pending') throw new Error(`Event ${eventId} is still pending`);
    this.events.push({
      ...event,
      state: 'pending',
      deliveries: 0,
      retryContext: undefined,
      failure: undefined,
      dueAt: this.clock,
      sequence: this.sequence++,
    });
  }
}
