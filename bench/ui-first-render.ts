// `ui.first_render.ms`: the Programs page opened by a deep link on the Scope tab of a 1,000-initiative program
// (20,000 child issues), in headless Chromium with a cold browser cache, from navigation to the first rows of
// the initiatives table on screen. The app runs on the local Forge runtime in this process, behind the dev
// server, against the emulator in a worker thread at no added latency. The hourly snapshot trigger has run
// once (as on any installed site), so the first rows come from the scope snapshot while the live load as the
// viewer runs; `ui.first_render.live_rows_ms` is when the live rows replace them. Where the time goes is split
// into the resolvers (timed where they run) and the page's own work around them.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Page } from 'playwright-core';
import { EMULATOR_APP_TOKEN } from '../dev/emulator/server';
import { emulatorSite, installForgeRuntime } from '../dev/runtime';
import { manifestEntities } from '../dev/runtime/manifest-entities';
import { DEMO_USERS, type GeneratorOptions } from '../dev/seed';
import { seedDemoProgram } from '../dev/seed/demo-program';
import { buildDevApp } from '../dev/server/dev-app';
import { globalPageUrl } from '../dev/server/host-page';
import { PROGRAM_VIEW_BUILD_DIR } from '../dev/server/stack';
import { handler, refreshSnapshots } from '../src/index';
import { ensureUiBuilt, findChromium, launchChromium } from '../test/e2e/browser';
import { median, type Emit } from './emit';

/** Issue 10's budget for the first rows of a 1,000-initiative program. */
export const FIRST_RENDER_TARGET_MS = 1000;
const RUNS = 5;
const PROGRAM_ID = 'prog-atlas';
const GENERATOR: GeneratorOptions = { seed: 7, teams: 25, epics: 1000, childrenPerEpic: 20, links: 1500 };
const FIRST_ROW = '[data-testid^="initiative-row-"]';
const LIVE_ROW = `[data-scope-source="live"] ${FIRST_ROW}`;

interface Invocation {
  key: string;
  /** Epoch milliseconds, comparable with the browser's performance.timeOrigin + now(). */
  start: number;
  end: number;
}

// The global performance (not node:perf_hooks'), so functions handed to the browser see their own.
const epochNow = () => performance.timeOrigin + performance.now();

/** The emulator in a worker thread (bench/emulator-worker.ts): Jira's CPU is not the app's. */
async function startEmulatorWorker(generator: GeneratorOptions): Promise<{ url: string; worker: Worker }> {
  const entry = join(__dirname, 'emulator-worker.ts');
  const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: { generator },
  });
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { url: ready.url, worker };
}

/**
 * Runs in every frame before its scripts: notes (epoch ms) when the first initiative row, then the first live
 * row, is in the DOM and a frame has been painted with it (a timeout queued from the next animation frame runs
 * after that paint), and hands both to the bench through the exposed `__programsRowsShown` once the live rows
 * are on screen. Nothing polls the page while it loads: Playwright's locators would inject their script into
 * the frames and poll on the page's main thread, slowing what is being measured.
 */
function watchFirstRows(selectors: { first: string; live: string }): void {
  const w = window as unknown as { __programsRowsShown?: (at: { first?: number; live?: number }) => void };
  const at: { first?: number; live?: number } = {};
  const noted = new Set<'first' | 'live'>();
  const observer = new MutationObserver(() => {
    for (const which of ['first', 'live'] as const) {
      if (noted.has(which) || !document.querySelector(selectors[which])) continue;
      noted.add(which);
      requestAnimationFrame(() =>
        setTimeout(() => {
          at[which] = performance.timeOrigin + performance.now();
          if (at.first !== undefined && at.live !== undefined) void w.__programsRowsShown?.(at);
        }, 0),
      );
    }
    if (noted.size === 2) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface RunTimes {
  total: number;
  live: number;
  snapshotResolver: number;
  liveResolver: number;
  beforeResolver: number;
  afterResolver: number;
}

async function openScope(page: Page, url: string, invocations: Invocation[]): Promise<RunTimes> {
  invocations.length = 0;
  let reportShown: (at: { first?: number; live?: number }) => void = () => undefined;
  const shown = new Promise<{ first?: number; live?: number }>((resolve) => (reportShown = resolve));
  await page.exposeBinding('__programsRowsShown', (_source, at: { first?: number; live?: number }) =>
    reportShown(at),
  );
  await page.addInitScript(watchFirstRows, { first: FIRST_ROW, live: LIVE_ROW });
  await page.goto(url, { waitUntil: 'commit' });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('ui.first_render: no live rows within 120 s')), 120_000);
  });
  const at = await Promise.race([shown, timeout]).finally(() => clearTimeout(timer));
  const navigationStart = await page.evaluate(() => performance.timeOrigin);
  // Checked after the timing: the rows the page reported are really visible.
  await page.frameLocator('#forge-app').locator(LIVE_ROW).first().waitFor({ state: 'visible' });
  if (at.first === undefined || at.live === undefined)
    throw new Error('ui.first_render: the first rows were never marked');
  const snapshot = invocations.find((call) => call.key === 'program/initiatives/snapshot');
  const live = invocations.find((call) => call.key === 'program/initiatives');
  if (!snapshot || !live)
    throw new Error(
      'ui.first_render: the page did not call program/initiatives/snapshot and program/initiatives',
    );
  // The first rows come from whichever answer the page had first (the snapshot, unless it is missing).
  const source = snapshot.end < live.end ? snapshot : live;
  return {
    total: at.first - navigationStart,
    live: at.live - navigationStart,
    snapshotResolver: snapshot.end - snapshot.start,
    liveResolver: live.end - live.start,
    beforeResolver: source.start - navigationStart,
    afterResolver: at.first - source.end,
  };
}

export async function run(emit: Emit): Promise<void> {
  const chromium = findChromium();
  if (!chromium.found) {
    console.log(
      JSON.stringify({
        name: 'ui.first_render.ms',
        skipped: `no Chromium at ${chromium.path} (set CHROMIUM_PATH); not measured`,
      }),
    );
    return;
  }
  ensureUiBuilt('program-view');

  const { url: emulatorUrl, worker } = await startEmulatorWorker(GENERATOR);
  const closers: Array<() => Promise<unknown> | void> = [() => worker.terminate()];
  try {
    const runtime = installForgeRuntime({
      site: emulatorSite(emulatorUrl, [...DEMO_USERS], EMULATOR_APP_TOKEN),
      cloudId: randomUUID(),
      entities: manifestEntities(),
    });
    closers.push(() => runtime.uninstall());
    const tpm = DEMO_USERS.find((user) => user.email === 'tpm@example.com');
    if (!tpm) throw new Error('ui.first_render: no demo TPM');
    await runtime.runAsUser(tpm.accountId, () => seedDemoProgram());
    // The hourly trigger, as on an installed site: it leaves the scope snapshot the first rows come from.
    await runtime.runTrigger(refreshSnapshots);

    const invocations: Invocation[] = [];
    const app = await buildDevApp({
      buildDir: PROGRAM_VIEW_BUILD_DIR,
      users: DEMO_USERS.map(({ accountId, email, displayName }) => ({ accountId, email, displayName })),
      defaultUserEmail: tpm.email,
      siteUrl: emulatorUrl,
      siteLabel: `the emulated Jira site at ${emulatorUrl}`,
      invoke: async ({ key, payload, accountId, context }) => {
        const start = epochNow();
        try {
          return await runtime.invoke(handler, { key, payload, accountId, ...(context ? { context } : {}) });
        } finally {
          invocations.push({ key, start, end: epochNow() });
        }
      },
    });
    closers.push(() => app.close());
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const pageUrl = `${address}${globalPageUrl(`/programs/${PROGRAM_ID}/scope`)}`;

    const browser = await launchChromium(chromium.path);
    closers.push(() => browser.close());
    const runs: RunTimes[] = [];
    // One warm-up (JIT, the runtime's field caches), then each run in a fresh context: a cold browser cache.
    for (let i = 0; i <= Number(process.env.UFR_RUNS ?? RUNS); i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
      try {
        const times = await openScope(await context.newPage(), pageUrl, invocations);
        if (i > 0) runs.push(times);
      } finally {
        await context.close();
      }
    }
    const of = (pick: (t: RunTimes) => number) => median(runs.map(pick));
    emit({
      name: 'ui.first_render.ms',
      value: of((t) => t.total),
      unit: 'ms',
      peer: 'target',
      peer_value: FIRST_RENDER_TARGET_MS,
    });
    emit({ name: 'ui.first_render.live_rows_ms', value: of((t) => t.live), unit: 'ms' });
    emit({ name: 'ui.first_render.snapshot_resolver_ms', value: of((t) => t.snapshotResolver), unit: 'ms' });
    emit({ name: 'ui.first_render.scope_resolver_ms', value: of((t) => t.liveResolver), unit: 'ms' });
    emit({ name: 'ui.first_render.before_rows_call_ms', value: of((t) => t.beforeResolver), unit: 'ms' });
    emit({ name: 'ui.first_render.after_rows_call_ms', value: of((t) => t.afterResolver), unit: 'ms' });
  } finally {
    for (const close of closers.reverse()) await close();
  }
}
