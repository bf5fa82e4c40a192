// The adjusted plan in a real browser, on the demo program in execution: the TPM sees the seeded slip with its
// reasons, moves a dependency late in the emulated Jira and sees its dependent and the pilot milestone move,
// accepts the adjusted plan as the plan of record and sees the history of two baselines; a stakeholder reads
// it all and is offered no accept.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startDevStack, type DevStack } from '../../dev/server/stack';
import { DEMO_PROGRAM } from '../../dev/seed';
import { pinToday } from '../support/app-stack';
import { chromiumOrSkip, ensureUiBuilt, launchChromium, whenDrawn } from './browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results');
const chromiumPath = chromiumOrSkip('Adjusted plan in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;

describeInBrowser('the adjusted plan in a browser', () => {
  let stack: DevStack;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureUiBuilt('program-view');
    // The server side (emulator, runtime, resolvers) runs in this process: its today is the fourth sprint of 2026-Q4.
    pinToday('2026-11-18T10:00:00.000Z');
    stack = await startDevStack({ port: 0, emulatorPort: 0, site: 'emulator' });
    browser = await launchChromium(chromiumPath ?? '');
    page = await browser.newPage({ viewport: { width: 1440, height: 1400 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    mkdirSync(resultsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    jest.useRealTimers();
  });

  const app = (): FrameLocator => page.frameLocator('#forge-app');

  async function openPlanTab(email: string): Promise<void> {
    await page.goto(`${stack.url}/?as=${encodeURIComponent(email)}`);
    await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
    await app().getByTestId('tab-plan').click({ timeout: 30_000 });
    await app().getByTestId('adjusted-plan').waitFor({ timeout: 30_000 });
  }

  it('shows the TPM the slip and a dependency moved late, and accepts the adjusted plan as the plan of record', async () => {
    const demo = stack.demoExecution;
    if (!demo?.late || !demo.move) throw new Error('The demo has no slip or no dependency to move late.');
    await openPlanTab('tpm@example.com');
    await expect(app().getByTestId('adjusted-intro').textContent()).resolves.toContain('Sprint 4 of 6');
    const late = app().locator(`[data-testid="adjusted-row-${demo.late}"][data-change="later"]`);
    await late.waitFor();
    await expect(app().getByTestId(`adjusted-reasons-${demo.late}`).textContent()).resolves.toContain(
      'Should have finished in Sprint 3',
    );

    const { upstream, dependent, targetEnd } = demo.move;
    const response = await fetch(`${stack.emulatorUrl}/__emulator/issues/${upstream}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetEnd }),
    });
    expect(response.status).toBe(200);
    await app().getByTestId('adjusted-refresh').click();
    await app().locator(`[data-testid="adjusted-row-${dependent}"][data-change="later"]`).waitFor();
    await expect(app().getByTestId(`adjusted-reasons-${dependent}`).textContent()).resolves.toContain(
      `Starts one sprint later because ${upstream} now ends in Sprint 5`,
    );
    await expect(app().getByTestId(`adjusted-variance-${dependent}`).textContent()).resolves.toBe(
      '1 sprint later',
    );
    await app().locator('[data-testid="adjusted-milestone-ms-pilot"][data-outlook="late"]').waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'adjusted-plan-tpm.png'), fullPage: true });

    await app().getByTestId('adjusted-accept').click();
    await expect(app().getByTestId('adjusted-accept-summary').textContent()).resolves.toContain(dependent);
    await app().getByTestId('adjusted-accept-note').fill('Data slip agreed with the leads');
    await app().getByTestId('adjusted-accept-confirm').click();
    await app().getByTestId('adjusted-accept-dialog').waitFor({ state: 'detached' });
    await app().getByTestId('adjusted-history-entry').nth(1).waitFor();
    await expect(app().getByTestId('adjusted-history-entry').nth(1).textContent()).resolves.toContain(
      'Accepted adjusted plan: Data slip agreed with the leads',
    );
    await app().getByTestId('adjusted-none-moved').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows a stakeholder the adjusted plan and its history without the accept', async () => {
    await openPlanTab('stakeholder@example.com');
    await app().getByTestId('adjusted-history-entry').nth(1).waitFor();
    await expect(app().getByTestId('adjusted-accept').count()).resolves.toBe(0);
    await app().getByTestId('adjusted-only-moved').uncheck();
    await app().getByTestId('adjusted-table').waitFor();
    await whenDrawn(app());
    expect(await app().locator('[data-testid^="adjusted-row-"]').count()).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(resultsDir, 'adjusted-plan-stakeholder.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
