// The Scope tab opened by a deep link on a site where the hourly snapshot trigger has run: the first rows
// come from the scope snapshot, marked as such, and the live load as the viewer replaces them. Live calls
// are held or failed through request interception, so nothing here waits on the clock.
import type { Request } from 'playwright-core';
import { globalPageUrl } from '../../dev/server/host-page';
import { DEMO_PROGRAM } from '../../dev/seed';
import {
  appFrame,
  describeInBrowser,
  failOnce,
  holdResolver,
  resolverKey,
  runAxe,
  seriousViolations,
  whenDrawn,
} from './browser';

describeInBrowser(
  'the Scope tab’s first rows from the scope snapshot',
  { viewport: { width: 1440, height: 1100 }, stack: { hourlySnapshots: true } },
  (suite) => {
    afterEach(() => expect(suite.problems).toEqual([]));

    const { app } = suite;
    const openScope = (email = 'tpm@example.com') =>
      suite.page.goto(
        `${suite.stack.url}${globalPageUrl(`/programs/${DEMO_PROGRAM.id}/scope`)}?as=${encodeURIComponent(email)}`,
      );

    it('shows the snapshot’s rows, says so, and swaps in the live rows when they arrive', async () => {
      const held = await holdResolver(suite.page, 'program/initiatives');
      try {
        await openScope();
        const snapshotRows = app().locator('[data-scope-source="snapshot"] [data-testid^="initiative-row-"]');
        await snapshotRows.first().waitFor({ timeout: 60_000 });
        await whenDrawn(app());
        await expect(snapshotRows.count()).resolves.toBe(Math.min(50, suite.site.program.epicKeys.length));
        const notice = app().getByTestId('scope-snapshot-notice');
        await expect(notice.textContent()).resolves.toMatch(
          /^Showing the initiatives as the app read them (just now|\d+ minutes? ago)\. Loading the latest from Jira…$/,
        );
        await expect(notice.getAttribute('role')).resolves.toBe('status');
        expect(seriousViolations(await runAxe(await appFrame(suite.page)))).toEqual([]);
      } finally {
        await held.release();
      }
      await app().locator('[data-scope-source="live"] [data-testid^="initiative-row-"]').first().waitFor();
      await expect(app().getByTestId('scope-snapshot-notice').count()).resolves.toBe(0);
      await expect(app().locator('[data-scope-source="snapshot"]').count()).resolves.toBe(0);
    }, 120_000);

    it('keeps the snapshot’s rows when the live load fails, with the resolver’s message and Retry', async () => {
      const failure = await failOnce(
        suite.page,
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
      suite.page.on('request', record);
      try {
        await openScope();
        await app().locator('[data-scope-source="live"] [data-testid^="initiative-row-"]').first().waitFor({
          timeout: 60_000,
        });
        await app().getByTestId('program-page').waitFor();
      } finally {
        suite.page.off('request', record);
      }
      const count = (key: string) => keys.filter((k) => k === key).length;
      expect([
        count('program/get'),
        count('program/initiatives/snapshot'),
        count('program/initiatives'),
      ]).toEqual([1, 1, 1]);
    }, 120_000);

    it('shows the MOB-only contractor only MOB rows from the snapshot', async () => {
      const held = await holdResolver(suite.page, 'program/initiatives');
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
  },
);
