// The Dependencies tab in a real browser: the demo program's seeded cross-team cycle is named with the
// Jira links behind it, the graph is laid out (ELK, under the Custom UI CSP) and a node opens its issue.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startDevStack, type DevStack } from '../../dev/server/stack';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import { chromiumOrSkip, ensureUiBuilt, launchChromium } from './browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results');
const chromiumPath = chromiumOrSkip('Dependencies tab in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;

/** Every way of writing a cycle [a, b, c, a] as a path, whichever initiative it starts from. */
function rotations(cycle: readonly string[]): string[] {
  const ring = cycle.slice(0, -1);
  return ring.map((_, start) => {
    const rotated = [...ring.slice(start), ...ring.slice(0, start)];
    return [...rotated, rotated[0]].join(' → ');
  });
}

describeInBrowser('Dependencies tab in a browser', () => {
  let stack: DevStack;
  let site: SiteData;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureUiBuilt('program-view');
    stack = await startDevStack({ port: 0, emulatorPort: 0, site: 'emulator' });
    if (!stack.emulator) throw new Error('The dev stack did not start the emulator.');
    site = stack.emulator.site();
    browser = await launchChromium(chromiumPath ?? '');
    page = await browser.newPage({ viewport: { width: 1440, height: 1400 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to|unsafe-eval/i.test(message.text()))
        problems.push(`CSP: ${message.text()}`);
    });
    mkdirSync(resultsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const app = (): FrameLocator => page.frameLocator('#forge-app');

  async function openDependencies(): Promise<void> {
    await page.goto(`${stack.url}/?as=tpm%40example.com`);
    await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
    await app().getByTestId('tab-dependencies').click({ timeout: 30_000 });
    await app()
      .locator('[data-testid="dependency-summary"], [data-testid="load-error"]')
      .first()
      .waitFor({ timeout: 30_000 });
    const error = app().getByTestId('load-error');
    if ((await error.count()) > 0) {
      await page.screenshot({ path: path.join(resultsDir, 'dependencies-error.png') });
      throw new Error(`The Dependencies tab shows an error: ${await error.textContent()}`);
    }
  }

  it('names the seeded cross-team cycle with the Jira links behind each step', async () => {
    const { cycle } = site.program;
    expect(cycle.length).toBeGreaterThan(2);
    await openDependencies();

    const cycles = app().locator('[data-testid^="dependency-cycle-"]');
    const texts = await cycles.allTextContents();
    const named = texts.find((text) => rotations(cycle).some((written) => text.includes(written)));
    expect(named).toBeDefined();
    // One line per step of the cycle, each with the link(s) it rests on.
    for (let i = 0; i + 1 < cycle.length; i++)
      expect(named).toMatch(new RegExp(`${cycle[i]} blocks ${cycle[i + 1]} \\(`));
    await expect(app().getByTestId('dependency-summary').textContent()).resolves.toMatch(/\d+ cycles? /);
  }, 90_000);

  it('draws the graph with every initiative of the cycle highlighted, and a table of the same edges', async () => {
    await openDependencies();
    const graph = app().getByTestId('dependency-graph');
    await graph.waitFor({ timeout: 30_000 });
    const nodes = app().locator('[data-testid^="dependency-node-"]');
    expect(await nodes.count()).toBeGreaterThan(10);
    for (const key of new Set(site.program.cycle))
      await expect(app().getByTestId(`dependency-node-${key}`).getAttribute('data-on-cycle')).resolves.toBe(
        'true',
      );
    const cycle = site.program.cycle;
    for (let i = 0; i + 1 < cycle.length; i++)
      await expect(
        app()
          .getByTestId(`dependency-edge-${cycle[i]}->${cycle[i + 1]}`)
          .getAttribute('data-on-cycle'),
      ).resolves.toBe('true');
    const edges = app().locator(
      '[data-testid^="dependency-edge-"]:not([data-testid^="dependency-edge-row-"])',
    );
    expect(await edges.count()).toBeGreaterThan(0);
    expect(await app().locator('[data-testid^="dependency-edge-row-"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(resultsDir, 'dependencies-tab.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 90_000);

  it('opens an initiative’s issue in Jira when its node is clicked', async () => {
    const [key] = site.program.cycle;
    if (!key) throw new Error('The demo program has no cycle.');
    await openDependencies();
    await app().getByTestId(`dependency-node-${key}`).click();
    // The toast appears after the bridge's postMessage round trip: wait for it rather than read at once.
    const toast = page.locator('#host-toast', { hasText: `issue ${key}` });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(toast.textContent()).resolves.toContain(`issue ${key}`);
  }, 90_000);
});
