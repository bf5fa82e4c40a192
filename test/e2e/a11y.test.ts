// Accessibility on the demo: axe-core in the app's frame on every tab of the program view, the program list,
// the epic panel and the status macro (and its settings), in the light and the dark theme. The bar is the
// issue's: no serious or critical violation anywhere.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { DevStack } from '../../dev/server/stack';
import { GLOBAL_PAGE_BASE } from '../../dev/server/host-page';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import { PROGRAM_TABS } from '../../static/program-view/src/navigation/routes';
import {
  appFrame,
  chromiumOrSkip,
  ensureUiBuilt,
  frameColorMode,
  openBrowserStack,
  runAxe,
  seriousViolations,
  type ColorMode,
} from './browser';

const resultsDir = path.resolve(__dirname, '..', '..', 'test-results');
const chromiumPath = chromiumOrSkip('Accessibility (axe) in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;
const TPM = encodeURIComponent('tpm@example.com');
const THEMES: readonly ColorMode[] = ['light', 'dark'];

/** Ready: the frame drawn in the asked theme, no skeleton or busy region left, and the network quiet. */
async function settled(page: Page, frame: Frame, mode: ColorMode, ready: string): Promise<void> {
  await frame.locator(ready).first().waitFor({ timeout: 60_000 });
  await frame.waitForFunction(
    () =>
      !document.querySelector(
        '[data-testid="loading"], [aria-busy="true"], [data-testid="adjusted-loading"]',
      ),
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  expect(await frameColorMode(frame)).toBe(mode);
}

describeInBrowser('accessibility (axe) on every view, in both themes', () => {
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
    mkdirSync(resultsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function audit(name: string, url: string, mode: ColorMode, ready: string): Promise<string[]> {
    await page.goto(url);
    const frame = await appFrame(page);
    try {
      await settled(page, frame, mode, ready);
    } catch (error) {
      await page.screenshot({ path: path.join(resultsDir, `a11y-${name}-${mode}-error.png`) });
      throw error;
    }
    const serious = seriousViolations(await runAxe(frame));
    if (serious.length > 0)
      await page.screenshot({ path: path.join(resultsDir, `a11y-${name}-${mode}.png`) });
    return serious;
  }

  const theme = (mode: ColorMode) => (mode === 'dark' ? '&theme=dark' : '');

  describe.each(THEMES)('%s theme', (mode) => {
    it('finds no serious or critical violation on the program list', async () => {
      const url = `${stack.url}${GLOBAL_PAGE_BASE}?as=${TPM}${theme(mode)}`;
      expect(await audit('list', url, mode, '[data-testid="program-list"]')).toEqual([]);
    }, 120_000);

    it.each(PROGRAM_TABS)(
      'finds no serious or critical violation on the %s tab',
      async (tab) => {
        const url = `${stack.url}${GLOBAL_PAGE_BASE}/programs/${DEMO_PROGRAM.id}/${tab}?as=${TPM}${theme(mode)}`;
        const ready = `[role="tabpanel"]:not([hidden]) >> nth=0`;
        expect(await audit(tab, url, mode, ready)).toEqual([]);
        const selected = (await appFrame(page)).locator('[role="tab"][aria-selected="true"]');
        expect((await selected.textContent())?.toLowerCase()).toBe(tab);
      },
      120_000,
    );

    it('finds no serious or critical violation on the epic panel', async () => {
      const epic = site.program.epicKeys[0];
      if (!epic) throw new Error('The demo program has no epic.');
      const url = `${stack.url}/issue/${epic}?as=${TPM}${theme(mode)}`;
      expect(await audit('epic-panel', url, mode, `[data-testid="program-${DEMO_PROGRAM.id}"]`)).toEqual([]);
    }, 120_000);

    it('finds no serious or critical violation on the status macro', async () => {
      const url = `${stack.url}/wiki/page?program=${DEMO_PROGRAM.id}&as=${TPM}${theme(mode)}`;
      expect(await audit('macro', url, mode, '[data-testid="status-card"]')).toEqual([]);
    }, 120_000);

    it('finds no serious or critical violation on the status macro settings', async () => {
      const url = `${stack.url}/wiki/macro-config?program=${DEMO_PROGRAM.id}&as=${TPM}${theme(mode)}`;
      expect(await audit('macro-config', url, mode, 'form, [role="form"], label')).toEqual([]);
    }, 120_000);
  });

  it('raised no page errors or CSP refusals', () => {
    expect(problems).toEqual([]);
  });
});
