// The Scope tab opened by a deep link on a site where the hourly snapshot trigger has run: the first rows
// come from the scope snapshot, marked as such, and the live load as the viewer replaces them. Live calls
// are held or failed through request interception, so nothing here waits on the clock.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page, Request } from 'playwright-core';
import { globalPageUrl } from '../../dev/server/host-page';
import type { DevStack } from '../../dev/server/stack';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import {
  appFrame,
  chromiumOrSkip,
  failOnce,
  holdResolver,
  openBrowserStack,
  resolverKey,
  runAxe,
  seriousViolations,
  whenDrawn,
} from './browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results');
const chromiumPath = chromiumOrSkip('Scope snapshot in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;

describeInBrowser('the Scope tab’s first rows from the scope snapshot', () => {
  let stack: DevStack;
  let site: SiteData;
  let browser: Browser;
  let page: Page;
  const browserProblems: string[] = [];

  beforeAll(async () => {
    ({ stack, site, browser, page } = await openBrowserStack(
      'program-view',
      chromiumPath ?? '',
      { width: 1440, height: 1100 },
      browserProblems,
      { hourlySnapshots: true },
    ));
    mkdirSync(resultsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(() => expect(browserProblems).toEqual([]));

  const app = (): FrameLocator => page.frameLocator('#forge-app');
  const openScope = (email = 'tpm@example.com') =>
    page.goto(
      `${stack.url}${globalPageUrl(`/programs/${DEMO_PROGRAM.id}/scope`)}?as=${encodeURIComponent(email)}`,
    );

  it('shows the snapshot’s rows, says so, and swaps in the live rows when they arrive', async () => {
    const held = await holdResolver(page, 'program/initiatives');
    try {
      await openScope();
      const snapshotRows = app().locator('[data-scope-source="snapshot"] [data-testid^="initiative-row-"]');
      await snapshotRows.first().waitFor({ timeout: 60_000 });
      await whenDrawn(app());
      await expect(snapshotRows.count()).resolves.toBe(Math.min(50, site.program.epicKeys.length));
      const notice = app().getByTestId('scope-snapshot-notice');
      await expect(notice.textContent()).resolves.toMatch(
        /^Showing the initiatives as the app read them (just now|\d+ minutes? ago)\. Loading the latest from Jira…$/,
      );
      await expect(notice.getAttribute('role')).resolves.toBe('status');
      expect(seriousViolations(await runAxe(await appFrame(page)))).toEqual([]);
    } finally {
      await held.release();
    }
    await app().locator('[data-scope-source="live"] [data-testid^="initiative-row-"]').first().waitFor();
    await expect(app().getByTestId('scope-snapshot-notice').count()).resolves.toBe(0);
    await expect(app().locator('[data-scope-source="snapshot"]').count()).resolves.toBe(0);
  }, 120_000);

  it('keeps the snapshot’s rows when the live load fails, with the resolver’s message and Retry', async () => {
    const failure = await failOnce(
      page,
      'program/initiatives',
      'RATE_LIMITED',
      'Jira asked us to slow down.',
    );
    try {
      await openScope();
      await app().getByTestId('load-error').waitFor({ timeout: 60_000 });
      await expect(app().getByTestId('load-error').textContent()).resolves.toContain(
        'Jira asked us to slow down.',
      );
      await expect(app().getByTestId('scope-snapshot-notice').textContent()).resolves.toContain(
        'the latest could not be loaded from Jira',
      );
      await expect(
        app().locator('[data-scope-source="snapshot"] [data-testid^="initiative-row-"]').count(),
      ).resolves.toBeGreaterThan(0);
      await app().getByTestId('load-error-retry').click();
      await app().locator('[data-scope-source="live"] [data-testid^="initiative-row-"]').first().waitFor();
      await expect(app().getByTestId('load-error').count()).resolves.toBe(0);
      expect(failure.failures()).toBe(1);
    } finally {
      await failure.stop();
    }
  }, 120_000);

  it('asks for the program, the snapshot and the live rows once each on a deep link', async () => {
    const keys: string[] = [];
    const record = (request: Request) => {
      const key = resolverKey(request);
      if (key) keys.push(key);
    };
    page.on('request', record);
    try {
      await openScope();
      await app().locator('[data-scope-source="live"] [data-testid^="initiative-row-"]').first().waitFor({
        timeout: 60_000,
      });
      await app().getByTestId('program-page').waitFor();
    } finally {
      page.off('request', record);
    }
    const count = (key: string) => keys.filter((k) => k === key).length;
    expect([
      count('program/get'),
      count('program/initiatives/snapshot'),
      count('program/initiatives'),
    ]).toEqual([1, 1, 1]);
  }, 120_000);

  it('shows the MOB-only contractor only MOB rows from the snapshot', async () => {
    const held = await holdResolver(page, 'program/initiatives');
    try {
      await openScope('contractor@example.com');
      const rows = app().locator('[data-scope-source="snapshot"] [data-testid^="initiative-row-"]');
      await rows.first().waitFor({ timeout: 60_000 });
      const ids = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid')));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).toMatch(/^initiative-row-MOB-\d+$/);
    } finally {
      await held.release();
    }
  }, 120_000);
});
