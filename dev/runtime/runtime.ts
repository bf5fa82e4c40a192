/**
 * The local Forge runtime: installs the two globals through which @forge/api and @forge/kvs reach the
 * platform off Forge (`__forge_fetch__`, `__forge_runtime__`) and runs resolvers, triggers and queue
 * consumers (@forge/events 3.0.8 pushes: ./queues.ts) the way Forge invokes them. Checked against @forge/api 8.3.0, @forge/kvs 1.6.5 (whose nested @forge/api 7.2.2
 * it never loads) and @forge/resolver 2.0.1; the contract tests next to this file pin that seam.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { LocalKvsStore, type EntityDeclaration } from './kvs-store';
import { LocalQueues, type ConsumerDeclaration } from './queues';
import type { SiteConnection } from './site';

export interface ForgeRuntimeOptions {
  site: SiteConnection;
  /** Persist KVS to this JSON file (the demo); in memory when absent. */
  kvsFile?: string;
  appId?: string;
  cloudId?: string;
  /** Custom entities as manifest.yml declares them, so entity queries can use their indexes. */
  entities?: Record<string, EntityDeclaration>;
  /** Queue consumers as manifest.yml declares them (see manifestConsumers); more via `queues.subscribe`. */
  consumers?: readonly ConsumerDeclaration[];
}

/** What @forge/resolver's getDefinitions() returns. */
export type ResolverHandler = (
  event: ResolverEvent,
  backendRuntimePayload?: Record<string, unknown>,
) => Promise<unknown>;

export interface ResolverEvent {
  call: { functionKey: string; payload?: unknown; jobId?: string };
  context: Record<string, unknown>;
}

export interface InvokeCall {
  key: string;
  payload: unknown;
  accountId: string;
  /** Merged over the default jira:globalPage context, e.g. `{ moduleKey, extension: { type: 'jira:issuePanel', issue } }`. */
  context?: Record<string, unknown>;
}

export interface LocalForgeRuntime {
  /** The store behind @forge/kvs: inspect or clear it in tests. */
  kvs: LocalKvsStore;
  /** The async events platform behind @forge/events: pushed events wait here until `drain()`. */
  queues: LocalQueues;
  /** Runs fn as this user: asUser() calls inside it act as them. */
  runAsUser<T>(accountId: string, fn: () => Promise<T>): Promise<T>;
  /** Calls a @forge/resolver handler with a Forge-shaped event, as the given user. */
  invoke(handler: ResolverHandler, call: InvokeCall): Promise<unknown>;
  /** Runs a scheduled trigger or queue consumer: there is no user, so asUser() fails as on Forge. */
  runTrigger<T>(fn: (event: unknown, context: unknown) => Promise<T>, event?: unknown): Promise<T>;
  /** Removes the globals. */
  uninstall(): void;
}

/** Placeholder ids of the local installation; any UUID-shaped value works. */
export const LOCAL_APP_ID = '00000000-0000-4000-8000-00000000a001';
export const LOCAL_CLOUD_ID = '00000000-0000-4000-8000-00000000c001';
const ENVIRONMENT_ID = '00000000-0000-4000-8000-00000000e001';
const INSTALLATION_ID = '00000000-0000-4000-8000-00000000f001';

/** Forge's limits on a resolver call (DESIGN §4): 25 s, payload ≤ 500 KB, response ≤ 5 MB. */
const RESOLVER_TIMEOUT_MS = 25_000;
const TRIGGER_TIMEOUT_MS = 900_000;
const PAYLOAD_MAX_BYTES = 500 * 1024;
const RESPONSE_MAX_BYTES = 5 * 1024 * 1024;

interface Invocation {
  /** The acting user; undefined in triggers and consumers. */
  accountId: string | undefined;
  invocationId: string;
  moduleKey: string;
  deadline: number;
}

interface ProductTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

type GlobalSlots = Record<'__forge_fetch__' | '__forge_runtime__', unknown>;

export function installForgeRuntime(options: ForgeRuntimeOptions): LocalForgeRuntime {
  const slots = globalThis as unknown as GlobalSlots;
  if (slots.__forge_fetch__ !== undefined || slots.__forge_runtime__ !== undefined)
    throw new Error('A Forge runtime is already installed in this process; uninstall it first');

  const { site } = options;
  const appId = options.appId ?? LOCAL_APP_ID;
  const cloudId = options.cloudId ?? LOCAL_CLOUD_ID;
  const installContext = `ari:cloud:jira::site/${cloudId}`;
  const baseUrl = site.baseUrl.replace(/\/+$/, '');
  const kvs = new LocalKvsStore({
    ...(options.kvsFile === undefined ? {} : { file: options.kvsFile }),
    ...(options.entities === undefined ? {} : { entities: options.entities }),
  });
  const invocations = new AsyncLocalStorage<Invocation>();

  const within = <T>(invocation: Omit<Invocation, 'invocationId'>, fn: () => Promise<T>): Promise<T> =>
    invocations.run({ ...invocation, invocationId: randomUUID() }, fn);

  const installation = {
    ari: {
      installationId: INSTALLATION_ID,
      toString: () => `ari:cloud:ecosystem::installation/${INSTALLATION_ID}`,
    },
    contexts: [{ cloudId, toString: () => installContext }],
  };

  /** What Forge hands a function that runs without a user (trigger, consumer) as its second argument. */
  const appContext = () => ({ installContext, installation, principal: undefined });

  const queues = new LocalQueues((consumer, event) =>
    within(
      {
        accountId: undefined,
        moduleKey: consumer.moduleKey ?? 'consumer',
        deadline: Date.now() + (consumer.timeoutSeconds ?? RESOLVER_TIMEOUT_MS / 1000) * 1000,
      },
      () => consumer.handler(event, appContext()),
    ),
  );
  for (const consumer of options.consumers ?? []) queues.subscribe(consumer);

  /** @forge/events pushes (and job stats, cancel) go to the Forge platform as the app. */
  async function fetchQueue(path: string, init: RequestInit | undefined): Promise<Response> {
    let body: unknown;
    try {
      body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const reply = queues.handle(path, body);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  }

  async function fetchKvs(path: string, init: RequestInit | undefined): Promise<Response> {
    let body: unknown;
    try {
      body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const reply =
      body === undefined
        ? { status: 400, body: { code: 'BAD_REQUEST', message: 'Provided request body is invalid' } }
        : kvs.handle(path, body);
    const headers = { 'x-b3-traceid': randomUUID().replaceAll('-', ''), 'content-type': 'application/json' };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers,
    });
  }

  async function fetchProduct(
    target: ProductTarget,
    path: string,
    init: RequestInit | undefined,
  ): Promise<Response> {
    if (target.remote === 'stargate' && target.provider === 'app' && path.startsWith('/webhook/queue/'))
      return fetchQueue(path, init);
    if (target.remote !== 'jira' && target.remote !== 'confluence')
      return new Response(
        JSON.stringify({
          message: `The local Forge runtime does not model ${String(target.remote)} requests (${path})`,
        }),
        { status: 501, headers: { 'content-type': 'application/json' } },
      );
    let authorization: string;
    if (target.provider === 'user') {
      const accountId = target.accountId ?? invocations.getStore()?.accountId;
      // Forge's proxy answers this way when it holds no user token; @forge/api throws NeedsAuthenticationError
      if (accountId === undefined)
        return new Response(null, {
          status: 401,
          headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
        });
      authorization = site.userAuthorization(accountId);
    } else {
      // 'app', and 'none' (the bare requestJira export), act as the app
      authorization = site.appAuthorization();
    }
    const headers = new Headers(init?.headers);
    headers.set('Authorization', authorization);
    const body = init?.body;
    const streaming = typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
    // Network errors propagate unchanged: callers see what fetch gives and can retry.
    return fetch(`${baseUrl}${path}`, {
      ...init,
      headers,
      ...(streaming ? ({ duplex: 'half' } as RequestInit) : {}),
    });
  }

  async function forgeFetch(target: ProductTarget, path: string, init?: RequestInit): Promise<Response> {
    if (target.type === 'kvs') return fetchKvs(path, init);
    if (target.type === 'fpp') return fetchProduct(target, path, init);
    throw new Error(`The local Forge runtime does not model ${String(target.type)} requests (${path})`);
  }

  const noopTimer = { measure: () => ({ stop: () => undefined }), stop: () => undefined };
  const metric = { incr: () => undefined, decr: () => undefined, set: () => undefined };
  const runtime = {
    metrics: {
      counter: () => metric,
      gauge: () => metric,
      timing: () => noopTimer,
      histogram: () => metric,
    },
    get appContext() {
      const invocation = invocations.getStore();
      return {
        appId,
        appVersion: 'local',
        environmentId: ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        invocationId: invocation?.invocationId ?? 'outside-invocation',
        installationId: INSTALLATION_ID,
        moduleKey: invocation?.moduleKey ?? 'local',
        license: undefined,
        installation,
      };
    },
    get lambdaContext() {
      const invocation = invocations.getStore();
      return {
        awsRequestId: invocation?.invocationId ?? 'outside-invocation',
        getRemainingTimeInMillis: () => (invocation ? invocation.deadline - Date.now() : RESOLVER_TIMEOUT_MS),
      };
    },
    /** The invoking user, read by @forge/api authorize(). */
    get aaid() {
      return invocations.getStore()?.accountId;
    },
    contextAri: installContext,
    tracing: { traceId: randomUUID().replaceAll('-', ''), spanId: randomUUID().slice(0, 16) },
    container: { appCodeDir: process.cwd() },
    externalAuth: [],
  };

  slots.__forge_fetch__ = forgeFetch;
  slots.__forge_runtime__ = runtime;

  const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

  return {
    kvs,
    queues,
    runAsUser: (accountId, fn) =>
      within({ accountId, moduleKey: 'local', deadline: Date.now() + RESOLVER_TIMEOUT_MS }, fn),

    async invoke(handler, call) {
      // Forge carries the payload as JSON from the bridge: dates become strings, undefined disappears.
      if (byteLength(call.payload) > PAYLOAD_MAX_BYTES)
        throw new Error(`Invoke payload of ${call.key} exceeds Forge's ${PAYLOAD_MAX_BYTES} bytes`);
      const payload =
        call.payload === undefined ? undefined : (JSON.parse(JSON.stringify(call.payload)) as unknown);
      const moduleKey = typeof call.context?.moduleKey === 'string' ? call.context.moduleKey : 'program-view';
      const context = {
        localId: `ari:cloud:ecosystem::extension/${appId}/${ENVIRONMENT_ID}/static/${moduleKey}`,
        cloudId,
        moduleKey,
        siteUrl: baseUrl,
        environmentId: ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        extension: { type: 'jira:globalPage' },
        locale: 'en-US',
        timezone: 'UTC',
        ...call.context,
      };
      const backendRuntimePayload = {
        principal: { accountId: call.accountId },
        installContext,
        installation,
        contextToken: 'local',
      };
      const result = await within(
        { accountId: call.accountId, moduleKey, deadline: Date.now() + RESOLVER_TIMEOUT_MS },
        () =>
          handler(
            { call: { functionKey: call.key, ...(payload === undefined ? {} : { payload }) }, context },
            backendRuntimePayload,
          ),
      );
      if (byteLength(result) > RESPONSE_MAX_BYTES)
        throw new Error(`Response of ${call.key} exceeds Forge's ${RESPONSE_MAX_BYTES} bytes`);
      return result;
    },

    runTrigger(fn, event) {
      const triggerEvent = event ?? {
        context: { cloudId, moduleKey: 'scheduled-trigger' },
        contextToken: 'local',
      };
      return within(
        { accountId: undefined, moduleKey: 'trigger', deadline: Date.now() + TRIGGER_TIMEOUT_MS },
        () => fn(triggerEvent, appContext()),
      );
    },

    uninstall() {
      if (slots.__forge_fetch__ === forgeFetch) delete slots.__forge_fetch__;
      if (slots.__forge_runtime__ === runtime) delete slots.__forge_runtime__;
    },
  };
}
