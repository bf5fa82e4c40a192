import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, FrameLocator, Page, Route } from 'playwright-core';
import type { DevStack } from '../../dev/server/stack';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import {
  appFrame,
  chromiumOrSkip,
  holdRequests,
  openBrowserStack,
  resolverKey,
  runAxe,
  seriousViolations,
} from './browser';

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

/** How many of the frame's skeleton shapes are animating. */
function shimmeringShapes(frame: Frame): Promise<number> {
  return frame.evaluate(
    () =>
      [...document.querySelectorAll('[data-skeleton] *')].filter(
        (shape) => getComputedStyle(shape).animationName !== 'none',
      ).length,
  );
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

  it('stands a skeleton shaped like the panel in for it while loading, and holds it still for reduced motion', async () => {
    const epic = site.program.cycle[0]!;
    const context = await holdRequests(page, '**/__dev/context*', () => true);
    const resolvers = await holdRequests(page, '**/__dev/invoke', (request) =>
      ['epic/programs', 'epic/dependencies'].includes(resolverKey(request) ?? ''),
    );
    try {
      await page.goto(`${stack.url}/issue/${epic}?as=${encodeURIComponent('tpm@example.com')}`);
      const frame = await appFrame(page);
      const whole = panel().locator('[data-skeleton="epic-panel"]');
      await whole.waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(resultsDir, 'epic-panel-reading.png') });
      await expect(whole.getAttribute('role')).resolves.toBe('status');
      await expect(whole.getAttribute('aria-busy')).resolves.toBe('true');
      await expect(whole.textContent()).resolves.toBe('Reading the issue…');
      await expect(shimmeringShapes(frame)).resolves.toBeGreaterThan(0);
      // No spinner beside it: Atlaskit's labelled spinner is an <svg role="img">.
      await expect(panel().getByRole('img').count()).resolves.toBe(0);

      await page.emulateMedia({ reducedMotion: 'reduce' });
      await frame.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-skeleton] *')].every(
            (shape) => getComputedStyle(shape).animationName === 'none',
          ),
        undefined,
        { timeout: 10_000 },
      );
      await page.emulateMedia({ reducedMotion: 'no-preference' });

      await context.release();
      const programs = panel().locator('section[aria-labelledby="programs-heading"]');
      const dependencies = panel().locator('section[aria-labelledby="dependencies-heading"]');
      await programs.locator('[data-skeleton="epic-programs"]').waitFor({ timeout: 30_000 });
      await dependencies.locator('[data-skeleton="epic-dependencies"]').waitFor();
      await expect(programs.getByRole('status').textContent()).resolves.toBe('Loading programs…');
      await expect(dependencies.getByRole('status').textContent()).resolves.toBe('Loading dependencies…');
      await expect(whole.count()).resolves.toBe(0);
      await page.screenshot({ path: path.join(resultsDir, 'epic-panel-loading.png') });
      expect(seriousViolations(await runAxe(frame))).toEqual([]);

      await resolvers.release();
      await programRow().waitFor({ timeout: 30_000 });
      await panel().getByTestId(`dependencies-${DEMO_PROGRAM.id}`).waitFor({ timeout: 30_000 });
      await expect(panel().locator('[data-skeleton]').count()).resolves.toBe(0);
      expect(browserProblems).toEqual([]);
    } finally {
      await page.emulateMedia({ reducedMotion: null });
      await context.release();
      await resolvers.release();
    }
  }, 90_000);

  it('shows the resolver’s message when the programs fail to load, and loads them on Retry', async () => {
    const message = 'Jira answered 503 to the program search; nothing was changed.';
    let failed = 0;
    const failOnce = async (route: Route) => {
      if (resolverKey(route.request()) !== 'epic/programs' || failed > 0) return route.fallback();
      failed += 1;
      return route.fulfill({
        json: { success: false, errors: [{ errorType: 'UPSTREAM', message }] },
      });
    };
    await page.route('**/__dev/invoke', failOnce);
    try {
      await page.goto(
        `${stack.url}/issue/${site.program.cycle[0]!}?as=${encodeURIComponent('tpm@example.com')}`,
      );
      const error = panel().getByTestId('programs-error');
      await error.waitFor({ timeout: 30_000 });
      const text = await error.textContent();
      expect(text).toContain('Jira did not answer');
      expect(text).toContain(message);
      await panel().getByTestId(`dependencies-${DEMO_PROGRAM.id}`).waitFor({ timeout: 30_000 });
      await error.getByRole('button', { name: 'Retry' }).click();
      await programRow().waitFor({ timeout: 30_000 });
      await expect(error.count()).resolves.toBe(0);
      expect(failed).toBe(1);
      expect(browserProblems).toEqual([]);
    } finally {
      await page.unroute('**/__dev/invoke', failOnce);
    }
  }, 60_000);

  it('says it could not read its issue, rather than that there is none, when the host’s context fails', async () => {
    const refuse = (route: Route) => route.fulfill({ status: 503, body: 'host unavailable' });
    await page.route('**/__dev/context*', refuse);
    try {
      await page.goto(
        `${stack.url}/issue/${site.program.cycle[0]!}?as=${encodeURIComponent('tpm@example.com')}`,
      );
      const error = panel().getByTestId('issue-error');
      await error.waitFor({ timeout: 30_000 });
      await expect(error.getByRole('button', { name: 'Retry' }).count()).resolves.toBe(1);
      await expect(panel().getByTestId('no-issue').count()).resolves.toBe(0);
      await expect(panel().locator('[data-skeleton]').count()).resolves.toBe(0);
    } finally {
      await page.unroute('**/__dev/context*', refuse);
    }
  }, 60_000);
});
