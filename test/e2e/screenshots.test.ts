// The README's screenshots, taken from the demo in a real browser at 1280×800: the program list, each main tab,
// the epic panel and the status macro in the light theme, and a few views in the dark theme. Each view is
// checked rendered (its content there, no skeleton left, the frame in the asked theme) before it is taken.
// UPDATE_SCREENSHOTS=1 writes them to docs/screenshots (commit them); otherwise to test-results/screenshots.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DevStack } from '../../dev/server/stack';
import { GLOBAL_PAGE_BASE } from '../../dev/server/host-page';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import {
  appFrame,
  chromiumOrSkip,
  ensureUiBuilt,
  frameColorMode,
  openBrowserStack,
  type ColorMode,
} from './browser';

const repoRoot = path.resolve(__dirname, '..', '..');
const outDir = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs', 'screenshots')
  : path.join(repoRoot, 'test-results', 'screenshots');
const chromiumPath = chromiumOrSkip('README screenshots in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;
const TPM = encodeURIComponent('tpm@example.com');

interface Shot {
  name: string;
  mode: ColorMode;
  /** Host page path and query after the server URL (the acting user and theme are added). */
  url: (site: SiteData) => string;
  /** What must be in the app's frame before the picture is taken. */
  ready: string;
  /** Scrolled into view first, when the view's point is below the fold. */
  scrollTo?: string;
}

const tab = (name: string) => () => `${GLOBAL_PAGE_BASE}/programs/${DEMO_PROGRAM.id}/${name}`;

const SHOTS: readonly Shot[] = [
  { name: 'program-list', mode: 'light', url: () => GLOBAL_PAGE_BASE, ready: '[data-testid="program-list"]' },
  { name: 'overview', mode: 'light', url: tab('overview'), ready: '[data-testid="overview-tab"]' },
  {
    name: 'scope',
    mode: 'light',
    url: tab('scope'),
    ready: '[data-scope-source="live"] [data-testid^="initiative-row-"]',
  },
  {
    name: 'dependencies',
    mode: 'light',
    url: tab('dependencies'),
    ready: '[data-testid="dependency-summary"]',
  },
  {
    name: 'plan-adjusted',
    mode: 'light',
    url: tab('plan'),
    ready: '[data-testid="adjusted-table"]',
    scrollTo: '[data-testid="adjusted-table"]',
  },
  { name: 'status', mode: 'light', url: tab('status'), ready: '[data-testid="status-tab"]' },
  { name: 'risks', mode: 'light', url: tab('risks'), ready: '[data-testid="risks-tab"]' },
  { name: 'completion', mode: 'light', url: tab('completion'), ready: '[data-testid="completion-tab"]' },
  { name: 'publishing', mode: 'light', url: tab('publishing'), ready: '[data-testid="publish-tab"]' },
  {
    name: 'epic-panel',
    mode: 'light',
    url: (site) => `/issue/${site.program.epicKeys[0] ?? ''}`,
    ready: `[data-testid="program-${DEMO_PROGRAM.id}"]`,
  },
  {
    name: 'status-macro',
    mode: 'light',
    url: () => `/wiki/page?program=${DEMO_PROGRAM.id}`,
    ready: '[data-testid="status-card"]',
  },
  { name: 'overview-dark', mode: 'dark', url: tab('overview'), ready: '[data-testid="overview-tab"]' },
  {
    name: 'dependencies-dark',
    mode: 'dark',
    url: tab('dependencies'),
    ready: '[data-testid="dependency-summary"]',
  },
  { name: 'status-dark', mode: 'dark', url: tab('status'), ready: '[data-testid="status-tab"]' },
];

describeInBrowser('README screenshots of the demo', () => {
  let stack: DevStack;
  let site: SiteData;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureUiBuilt('epic-panel');
    ensureUiBuilt('status-macro');
    ({ stack, site, browser, page } = await openBrowserStack(
      'program-view',
      chromiumPath ?? '',
      { width: 1280, height: 800 },
      problems,
    ));
    mkdirSync(outDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it.each(SHOTS.map((shot) => [shot.name, shot] as const))(
    'takes %s',
    async (_name, shot) => {
      const url = shot.url(site);
      const join = url.includes('?') ? '&' : '?';
      await page.goto(`${stack.url}${url}${join}as=${TPM}${shot.mode === 'dark' ? '&theme=dark' : ''}`);
      const frame = await appFrame(page);
      await frame.locator(shot.ready).first().waitFor({ timeout: 60_000 });
      await frame.waitForFunction(
        () =>
          !document.querySelector(
            '[data-testid="loading"], [aria-busy="true"], [data-testid="adjusted-loading"]',
          ),
        undefined,
        { timeout: 60_000 },
      );
      await page.waitForLoadState('networkidle');
      expect(await frameColorMode(frame)).toBe(shot.mode);
      if (shot.scrollTo) await frame.locator(shot.scrollTo).first().scrollIntoViewIfNeeded();
      const file = path.join(outDir, `${shot.name}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      // A real picture of a rendered view, and small enough for the README.
      expect(statSync(file).size).toBeGreaterThan(10_000);
      expect(statSync(file).size).toBeLessThan(600_000);
    },
    120_000,
  );

  it('raised no page errors or CSP refusals', () => {
    expect(problems).toEqual([]);
  });
});
