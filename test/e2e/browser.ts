import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type Frame,
  type FrameLocator,
  type Page,
  type Request,
  type Route,
} from 'playwright-core';
import { startDevStack, type DevStack, type DevStackOptions } from '../../dev/server/stack';
import { DEMO_USERS, type SiteData } from '../../dev/seed';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium in a container: no sandbox, no GPU, and no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else /usr/bin/chromium, if that file exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string; found: boolean } {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return { path, found: existsSync(path) };
}

/**
 * The Chromium to run browser tests with, or undefined to skip them. Skipping is loud, and on CI
 * (env CI set) a missing browser fails the run instead: there it means the pipeline is broken.
 */
export function chromiumOrSkip(suite: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { path, found } = findChromium(env);
  if (found) return path;
  const message = `BROWSER TESTS SKIPPED: no Chromium at ${path} (set CHROMIUM_PATH) — "${suite}" did not run.`;
  if (env.CI)
    throw new Error(
      `${message.replace('SKIPPED', 'CANNOT RUN')} CI is set, so this fails instead of skipping.`,
    );
  const rule = '!'.repeat(Math.min(message.length, 100));
  console.warn(`\n${rule}\n${message}\n${rule}\n`);
  return undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

const repoRoot = path.resolve(__dirname, '..', '..');

export type UiResource = 'program-view' | 'epic-panel' | 'status-macro';

/** Vite configs and the pages they build, per Custom UI resource (the macro has a settings page too). */
const UI_BUILDS: Record<UiResource, Array<{ config: string; page: string }>> = {
  'program-view': [{ config: 'vite.config.ts', page: 'index.html' }],
  'epic-panel': [{ config: 'vite.config.ts', page: 'index.html' }],
  'status-macro': [
    { config: 'vite.config.ts', page: 'index.html' },
    { config: path.join('config', 'vite.config.ts'), page: path.join('config', 'index.html') },
  ],
};

function newestChange(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'build' ? newest : Math.max(newest, newestChange(full));
    return Math.max(newest, statSync(full).mtimeMs);
  }, 0);
}

/**
 * Browser tests run the production bundle: build a resource when it is missing or older than its sources
 * (its own folder, the shared UI code and the contract). `npm test` builds every resource first.
 */
export function ensureUiBuilt(resource: UiResource): void {
  const uiRoot = path.join(repoRoot, 'static', resource);
  const sources = Math.max(
    newestChange(uiRoot),
    newestChange(path.join(repoRoot, 'static', 'shared')),
    newestChange(path.join(repoRoot, 'src', 'contract')),
  );
  const builds = UI_BUILDS[resource];
  const fresh = builds.every(({ page }) => {
    const built = path.join(uiRoot, 'build', page);
    return existsSync(built) && statSync(built).mtimeMs >= sources;
  });
  if (fresh) return;
  for (const { config } of builds)
    execFileSync(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        path.join(uiRoot, config),
        '--logLevel',
        'warn',
      ],
      // Jest sets NODE_ENV=test, which Vite would follow into a development React build; StrictMode's
      // double-mounted effects there leave Atlaskit's modal portals empty. Build what ships.
      { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
}

export interface BrowserStack {
  stack: DevStack;
  site: SiteData;
  browser: Browser;
  page: Page;
}

/** Console messages a browser test counts as problems by default: the Custom UI CSP refusing something. */
export const CSP_PROBLEM = /Content Security Policy|Refused to/i;

/**
 * The dev stack on the emulator with a fresh headless page on it. Page errors and console messages matching
 * `consoleProblems` (CSP refusals unless told otherwise; null for none) are pushed to `problems`, which tests
 * assert empty.
 */
export async function openBrowserStack(
  resource: UiResource,
  executablePath: string,
  viewport: { width: number; height: number },
  problems: string[],
  options: Pick<DevStackOptions, 'hourlySnapshots' | 'deliverEvents'> & {
    consoleProblems?: RegExp | null;
  } = {},
): Promise<BrowserStack> {
  const { consoleProblems = CSP_PROBLEM, ...stackOptions } = options;
  ensureUiBuilt(resource);
  const stack = await startDevStack({ port: 0, emulatorPort: 0, site: 'emulator', ...stackOptions });
  try {
    if (!stack.emulator) throw new Error('The dev stack did not start the emulator.');
    const browser = await launchChromium(executablePath);
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    if (consoleProblems)
      page.on('console', (message) => {
        if (consoleProblems.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
    return { stack, site: stack.emulator.site(), browser, page };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

/** Where browser tests leave screenshots and measurements. */
export const RESULTS_DIR = path.join(repoRoot, 'test-results');

/** The account id of a demo user, by email. */
export function accountOf(email: string): string {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user.accountId;
}

/** What a describeInBrowser block gives its hooks and tests; the stack and the page exist once its beforeAll ran. */
export interface BrowserSuite {
  readonly stack: DevStack;
  readonly site: SiteData;
  readonly browser: Browser;
  readonly page: Page;
  /** Page errors and console problems, which tests assert empty. */
  readonly problems: string[];
  /** The Custom UI's frame (#forge-app) on the page. */
  readonly app: () => FrameLocator;
  readonly resultsDir: string;
}

export interface BrowserSuiteOptions {
  resource?: UiResource;
  viewport?: { width: number; height: number };
  stack?: Pick<DevStackOptions, 'hourlySnapshots' | 'deliverEvents'>;
  /** Console messages counted as problems; CSP refusals by default, null for none. */
  consoleProblems?: RegExp | null;
  /** Runs before the stack starts, e.g. to pin the server side's today. */
  beforeStart?: () => void;
  /** The beforeAll's timeout: starting the stack, building the UI if it is stale, launching Chromium. */
  timeout?: number;
}

/**
 * A describe block with one dev stack and one browser page for its tests, closed after them; skipped (loudly)
 * without Chromium.
 */
export function describeInBrowser(
  name: string,
  options: BrowserSuiteOptions,
  body: (suite: BrowserSuite) => void,
): void {
  const chromiumPath = chromiumOrSkip(name);
  const problems: string[] = [];
  let opened: BrowserStack | undefined;
  const ready = (): BrowserStack => {
    if (!opened)
      throw new Error(
        `"${name}": the browser suite was read before its beforeAll opened the stack and page.`,
      );
    return opened;
  };
  const suite: BrowserSuite = {
    get stack() {
      return ready().stack;
    },
    get site() {
      return ready().site;
    },
    get browser() {
      return ready().browser;
    },
    get page() {
      return ready().page;
    },
    problems,
    app: () => ready().page.frameLocator('#forge-app'),
    resultsDir: RESULTS_DIR,
  };
  (chromiumPath ? describe : describe.skip)(name, () => {
    beforeAll(async () => {
      options.beforeStart?.();
      opened = await openBrowserStack(
        options.resource ?? 'program-view',
        chromiumPath ?? '',
        options.viewport ?? { width: 1440, height: 1400 },
        problems,
        {
          ...options.stack,
          ...(options.consoleProblems !== undefined ? { consoleProblems: options.consoleProblems } : {}),
        },
      );
      mkdirSync(RESULTS_DIR, { recursive: true });
    }, options.timeout ?? 120_000);

    afterAll(async () => {
      await opened?.browser.close();
      await opened?.stack.close();
    });

    body(suite);
  });
}

// Accessibility: axe-core, run inside the app's frame from its npm package (no network).

export type ColorMode = 'light' | 'dark';

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

let axeSource: string | undefined;

/** The frame of the Custom UI iframe (#forge-app) on a host page. */
export async function appFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('#forge-app', { state: 'attached' });
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The #forge-app iframe has no frame.');
  return frame;
}

/**
 * axe's violations of the frame's current document. The Custom UI CSP forbids inline scripts, so axe is
 * evaluated through the DevTools protocol (which the CSP does not govern) rather than as a <script> tag.
 */
export async function runAxe(frame: Frame): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await frame.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(`${axeSource}\n;undefined`);
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html.slice(0, 200),
        ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}),
      })),
    }));
  });
}

/** Serious and critical violations, one line each with where they are: what the tests assert to be none. */
export function seriousViolations(violations: readonly AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.html}`),
    );
}

/** The colour mode the app's frame is drawn in (set by the host once the app enables theming). */
export async function frameColorMode(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'));
}

/**
 * Waits until nothing in the app is drawing or loading any more (`aria-busy="true"`): a paged table draws its
 * first screenful of rows, then the rest of the page and its pager a frame later.
 */
export async function whenDrawn(app: FrameLocator | Frame, timeout = 30_000): Promise<void> {
  await app.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout });
}

/** A resolver's answer through the dev server's `POST /__dev/invoke`, as the demo user with this account id. */
export async function devInvoke<T>(
  stackUrl: string,
  key: string,
  payload: Record<string, unknown>,
  accountId: string,
): Promise<T> {
  const response = await fetch(`${stackUrl}/__dev/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, payload, accountId }),
  });
  const answer = (await response.json()) as { success: boolean; data?: T; errors?: unknown };
  if (!answer.success || answer.data === undefined)
    throw new Error(`${key} failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/**
 * Opens a program on one tab of the program view as a demo user and waits for the tab (or its load error,
 * which fails with the message); a screenshot of the page lands in `resultsDir` when it does not come.
 */
export async function openProgramTab(
  page: Page,
  options: {
    stackUrl: string;
    email: string;
    programId: string;
    tab: string;
    label: string;
    resultsDir: string;
  },
): Promise<void> {
  const { stackUrl, email, programId, tab, label, resultsDir } = options;
  const app = page.frameLocator('#forge-app');
  const shot = path.join(resultsDir, `${tab}-tab-error.png`);
  await page.goto(`${stackUrl}/?as=${encodeURIComponent(email)}`);
  try {
    await app.getByTestId(`open-program-${programId}`).click({ timeout: 30_000 });
    await app.getByTestId(`tab-${tab}`).click({ timeout: 30_000 });
    await app
      .locator(`[data-testid="${tab}-tab"], [data-testid="load-error"]`)
      .first()
      .waitFor({ timeout: 60_000 });
  } catch (error) {
    await page.screenshot({ path: shot, fullPage: true });
    throw error;
  }
  const error = app.getByTestId('load-error');
  if ((await error.count()) > 0) {
    await page.screenshot({ path: shot });
    throw new Error(`The ${label} tab shows an error: ${await error.first().textContent()}`);
  }
}

// Holding and failing the frame's resolver calls: a test looks at a loading or failed state for as long as
// it needs, with no waiting on the clock.

/** The resolver a dev-bridge call names (its POST body's key), or undefined for any other request. */
export function resolverKey(request: Request): string | undefined {
  const body: unknown = request.method() === 'POST' ? request.postDataJSON() : undefined;
  return typeof body === 'object' && body !== null && 'key' in body && typeof body.key === 'string'
    ? body.key
    : undefined;
}

/** Holds the matching requests of the page and its frames until `release()`. */
export async function holdRequests(page: Page, url: string, matches: (request: Request) => boolean) {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const handler = async (route: Route) => {
    if (!matches(route.request())) return route.fallback();
    await gate;
    return route.fallback();
  };
  await page.route(url, handler);
  return {
    release: async () => {
      open();
      await page.unroute(url, handler);
    },
  };
}

/** Holds the frame's calls to one resolver until `release()`. */
export function holdResolver(page: Page, key: string) {
  return holdRequests(page, '**/__dev/invoke', (request) => resolverKey(request) === key);
}

/** Answers the first call to one resolver with a failed envelope, as the backend would. */
export async function failOnce(page: Page, key: string, errorType: string, message: string) {
  let failed = 0;
  const handler = async (route: Route) => {
    if (resolverKey(route.request()) !== key || failed > 0) return route.fallback();
    failed += 1;
    return route.fulfill({ json: { success: false, errors: [{ errorType, message }] } });
  };
  await page.route('**/__dev/invoke', handler);
  return {
    failures: () => failed,
    stop: () => page.unroute('**/__dev/invoke', handler),
  };
}
