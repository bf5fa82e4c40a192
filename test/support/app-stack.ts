// Test builder: the real app (resolvers → services → adapters → @forge/api/@forge/kvs) on the local
// Forge runtime against a fresh emulator. Nothing of ours is mocked.
import {
  startEmulator,
  EMULATOR_APP_TOKEN,
  type EmulatorHandle,
  type Exchange,
} from '../../dev/emulator/server';
import { randomUUID } from 'node:crypto';
import { installForgeRuntime, emulatorSite, type LocalForgeRuntime } from '../../dev/runtime';
import { manifestEntities } from '../../dev/runtime/manifest-entities';
import { DEMO_USERS, type GeneratorOptions } from '../../dev/seed';
import { seedDemoProgram } from '../../dev/seed/demo-program';
import { seedDemoPlan } from '../../dev/seed/demo-plan';
import { seedDemoExecution, type DemoExecution } from '../../dev/seed/demo-execution';
import type { Envelope, RequestOf, ResolverKey, ResponseOf } from '../../src/contract';
import { handler } from '../../src/index';

export interface AppStack {
  emulator: EmulatorHandle;
  runtime: LocalForgeRuntime;
  /** Every request the app sent to the emulator, with its answer, since the stack started. */
  exchanges: Exchange[];
  /** With `demoExecution`: the quarter in execution, its slip and a dependency to move late. */
  demoExecution: DemoExecution | null;
  /** Calls a resolver as the demo user with this email; `context` is merged over the Forge context (e.g. an issue panel's). */
  invoke<K extends ResolverKey>(
    key: K,
    payload: RequestOf<K>,
    email?: string,
    context?: Record<string, unknown>,
  ): Promise<Envelope<ResponseOf<K>>>;
  /** Like invoke, but for payloads that break the contract on purpose. */
  invokeRaw(
    key: string,
    payload: unknown,
    email?: string,
    context?: Record<string, unknown>,
  ): Promise<Envelope<unknown>>;
  faults(body: Record<string, unknown>): Promise<void>;
  stats(): Promise<{ requests: Record<string, number>; unmodelled: Record<string, number>; total: number }>;
  close(): Promise<void>;
}

export function accountIdOf(email: string): string {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user.accountId;
}

export async function startAppStack(
  options: {
    generator?: GeneratorOptions;
    /** Also seed the demo program's 2027-Q1 plan. */
    demoPlan?: boolean;
    /** Also put the demo program in execution: a baselined plan of today's quarter, Jira matching it. */
    demoExecution?: boolean;
  } = {},
): Promise<AppStack> {
  const exchanges: Exchange[] = [];
  const emulator = await startEmulator({
    port: 0,
    onExchange: (x) => exchanges.push(x),
    ...(options.generator ? { generator: options.generator } : {}),
  });
  const runtime = installForgeRuntime({
    site: emulatorSite(emulator.url, [...DEMO_USERS], EMULATOR_APP_TOKEN),
    // Each stack is its own site: per-site caches must not leak between them.
    cloudId: randomUUID(),
    entities: manifestEntities(),
  });
  await runtime.runAsUser(accountIdOf('tpm@example.com'), () => seedDemoProgram());
  const demoExecution = options.demoExecution
    ? await runtime.runAsUser(accountIdOf('tpm@example.com'), () => seedDemoExecution(emulator))
    : null;
  if (options.demoPlan) await runtime.runAsUser(accountIdOf('tpm@example.com'), () => seedDemoPlan());
  const invokeRaw = async (
    key: string,
    payload: unknown,
    email = 'tpm@example.com',
    context?: Record<string, unknown>,
  ) =>
    (await runtime.invoke(handler, {
      key,
      payload,
      accountId: accountIdOf(email),
      ...(context ? { context } : {}),
    })) as Envelope<unknown>;
  return {
    emulator,
    runtime,
    exchanges,
    demoExecution,
    invoke: async (key, payload, email, context) => (await invokeRaw(key, payload, email, context)) as never,
    invokeRaw,
    faults: async (body) => {
      const response = await fetch(`${emulator.url}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`faults: ${response.status}`);
    },
    stats: async () => (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as never,
    close: async () => {
      runtime.uninstall();
      await emulator.close();
    },
  };
}

/** Changes an emulated issue as a person would in Jira (PATCH /__emulator/issues/{key}: status, dates…). */
export async function patchEmulatorIssue(
  emulatorUrl: string,
  key: string,
  change: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/issues/${key}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`PATCH ${key}: ${response.status} ${await response.text()}`);
}

/**
 * Fakes the clock (Date only; timers stay real and the clock runs on) from `iso`, so a test of execution sees
 * the same "today" on any day it runs. Call before startAppStack; undo with jest.useRealTimers().
 */
export function pinToday(iso: string): void {
  jest.useFakeTimers({
    now: new Date(iso),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** The data of a successful answer; a refused one throws with the resolver's errors. */
export function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(`expected success, got ${JSON.stringify(envelope.errors)}`);
  return envelope.data;
}

/**
 * One app stack for a test file: started before its tests (log lines silenced, "today" pinned when given,
 * then `ready` for the file's own setup), closed after them with the clock and the spies restored.
 */
export function useAppStack(
  options: Parameters<typeof startAppStack>[0],
  setup: { today?: string; ready: (stack: AppStack) => Promise<void> | void },
): void {
  let stack: AppStack | undefined;
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    if (setup.today) pinToday(setup.today);
    stack = await startAppStack(options);
    await setup.ready(stack);
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });
}
