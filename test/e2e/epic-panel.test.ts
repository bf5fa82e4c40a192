import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { DevStack } from '../../dev/server/stack';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import { chromiumOrSkip, openBrowserStack } from './browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results');
const chromiumPath = chromiumOrSkip('Epic panel in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;

/** An epic of the project that no program selects by its filter. */
function epicOutsideProgram(site: SiteData, projectKey?: string): string {
  const epicType = site.issueTypes.find((t) => t.name === 'Epic');
  const inProgram = new Set(site.program.epicKeys);
  const epic = site.issues.find(
    (i) =>
      i.issueTypeId === epicType?.id &&
      !inProgram.has(i.key) &&
      (projectKey === undefined || i.projectKey === projectKey),
  );
  if (!epic) throw new Error('The demo site has no epic outside the program');
  return epic.key;
}

describeInBrowser('the epic panel in a browser', () => {
  let stack: DevStack;
  let site: SiteData;
  let browser: Browser;
  let page: Page;
  const browserProblems: string[] = [];

  beforeAll(async () => {
    ({ stack, site, browser, page } = await openBrowserStack(
      'epic-panel',
      chromiumPath ?? '',
      { width: 1200, height: 1000 },
      browserProblems,
    ));
    mkdirSync(resultsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const panel = (): FrameLocator => page.frameLocator('#forge-app');
  const programRow = () => panel().getByTestId(`program-${DEMO_PROGRAM.id}`);

  async function openIssue(key: string, email: string): Promise<void> {
    await page.goto(`${stack.url}/issue/${key}?as=${encodeURIComponent(email)}`);
    await programRow().waitFor({ timeout: 30_000 });
  }

  it('adds an epic to the demo program and removes it again', async () => {
    const key = epicOutsideProgram(site);
    await openIssue(key, 'lead.mobile@example.com');
    await expect(page.locator('#issue-key').textContent()).resolves.toBe(key);
    await expect(programRow().getAttribute('data-membership')).resolves.toBe('none');

    await panel().getByTestId(`add-${DEMO_PROGRAM.id}`).click();
    await panel().locator(`[data-testid="program-${DEMO_PROGRAM.id}"][data-membership="explicit"]`).waitFor();
    await panel().getByTestId(`dependencies-${DEMO_PROGRAM.id}`).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(resultsDir, 'epic-panel-added.png') });
    expect(site.issues.find((i) => i.key === key)?.properties['programs.membership']).toEqual({
      programIds: [DEMO_PROGRAM.id],
    });

    await panel().getByTestId(`remove-${DEMO_PROGRAM.id}`).click();
    await panel().locator(`[data-testid="program-${DEMO_PROGRAM.id}"][data-membership="none"]`).waitFor();
    await panel().getByTestId('no-dependencies').waitFor({ timeout: 30_000 });
    expect(site.issues.find((i) => i.key === key)?.properties['programs.membership']).toEqual({
      programIds: [],
    });
    expect(browserProblems).toEqual([]);
  }, 90_000);

  it('shows a program epic in the program by its filter, with its dependencies', async () => {
    const key = site.program.cycle[0]!;
    await openIssue(key, 'tpm@example.com');
    await expect(programRow().getAttribute('data-membership')).resolves.toBe('filter');
    const dependencies = panel().getByTestId(`dependencies-${DEMO_PROGRAM.id}`);
    await dependencies.waitFor({ timeout: 30_000 });
    await expect(dependencies.textContent()).resolves.toContain(site.program.cycle[1]!);
  }, 60_000);

  it('refuses the contractor, who may see but not edit the epic, the add and remove controls', async () => {
    const key = site.program.epicKeys.find((k) => k.startsWith('MOB-')) ?? epicOutsideProgram(site, 'MOB');
    await openIssue(key, 'contractor@example.com');
    await panel().getByTestId('read-only').waitFor();
    const buttons = panel().locator(
      `[data-testid="add-${DEMO_PROGRAM.id}"], [data-testid="remove-${DEMO_PROGRAM.id}"]`,
    );
    for (const button of await buttons.all()) await expect(button.isDisabled()).resolves.toBe(true);
    const outside = epicOutsideProgram(site, 'MOB');
    await openIssue(outside, 'contractor@example.com');
    await expect(panel().getByTestId(`add-${DEMO_PROGRAM.id}`).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(resultsDir, 'epic-panel-read-only.png') });
    expect(site.issues.find((i) => i.key === outside)?.properties['programs.membership']).toBeUndefined();
    expect(browserProblems).toEqual([]);
  }, 60_000);
});
