// The app on the local Forge runtime against an emulator running in a worker thread (see emulator-worker.ts).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EMULATOR_APP_TOKEN } from '../dev/emulator/server';
import { emulatorSite, installForgeRuntime, type LocalForgeRuntime } from '../dev/runtime';
import { manifestEntities } from '../dev/runtime/manifest-entities';
import { DEMO_USERS, type GeneratorOptions } from '../dev/seed';
import { seedDemoProgram } from '../dev/seed/demo-program';
import type { Envelope, RequestOf, ResolverKey, ResponseOf } from '../src/contract';
import { handler } from '../src/index';

export interface RemoteStack {
  url: string;
  site: { epics: number; children: number; issues: number; links: number };
  invoke<K extends ResolverKey>(key: K, payload: RequestOf<K>): Promise<Envelope<ResponseOf<K>>>;
  faults(body: Record<string, unknown>): Promise<void>;
  stats(): Promise<{ requests: Record<string, number>; total: number }>;
  close(): Promise<void>;
}

const TPM = DEMO_USERS.find((u) => u.email === 'tpm@example.com')!.accountId;

export async function startRemoteStack(generator: GeneratorOptions): Promise<RemoteStack> {
  // The worker loads TypeScript through tsx's require hook, as `npm run bench` does.
  const entry = join(__dirname, 'emulator-worker.ts');
  const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: { generator },
  });
  const ready = await new Promise<{
    url: string;
    epics: number;
    children: number;
    issues: number;
    links: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  let runtime: LocalForgeRuntime;
  try {
    runtime = installForgeRuntime({
      site: emulatorSite(ready.url, [...DEMO_USERS], EMULATOR_APP_TOKEN),
      cloudId: randomUUID(),
      entities: manifestEntities(),
    });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  await runtime.runAsUser(TPM, () => seedDemoProgram());
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${ready.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url: ready.url,
    site: { epics: ready.epics, children: ready.children, issues: ready.issues, links: ready.links },
    invoke: async (key, payload) =>
      (await runtime.invoke(handler, { key, payload, accountId: TPM })) as never,
    faults: async (body) => {
      await admin('POST', '/__emulator/faults', body);
    },
    stats: async () => (await admin('GET', '/__emulator/stats')) as never,
    close: async () => {
      runtime.uninstall();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
    },
  };
}
