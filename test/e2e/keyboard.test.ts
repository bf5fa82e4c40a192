// Keyboard only, on the demo in a real browser: create a program, plan its quarter and publish it with Tab,
// Shift+Tab, Enter, Space, arrow keys and typing — no mouse. The place the viewer is on is kept in the host's
// URL, so the browser's back button returns to the previous tab and a deep link opens a program on a tab.
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { GLOBAL_PAGE_BASE } from '../../dev/server/host-page';
import { DEMO_PROGRAM } from '../../dev/seed';
import { appFrame, describeInBrowser } from './browser';

const TPM = encodeURIComponent('tpm@example.com');
const PROGRAM_NAME = 'Keyboard launch';
const PROGRAM_ID = 'keyboard-launch';

describeInBrowser(
  'keyboard path and navigation',
  { viewport: { width: 1280, height: 900 }, timeout: 180_000 },
  (suite) => {
    const { problems, resultsDir } = suite;

    /** Whether the focused element in the app's frame (or in an open dialog) matches the selector. */
    const focused = (frame: Frame, selector: string) =>
      frame.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

    /** Presses Tab (Shift+Tab going back) until the selector has the focus, as a keyboard user would. */
    async function tabTo(frame: Frame, selector: string, { back = false, max = 80 } = {}): Promise<void> {
      for (let presses = 0; presses < max; presses += 1) {
        if (await focused(frame, selector)) return;
        await suite.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      }
      if (await focused(frame, selector)) return;
      await suite.page.screenshot({ path: path.join(resultsDir, 'keyboard-error.png') });
      const at = await frame.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
      throw new Error(`${max} presses of Tab never reached ${selector}; the focus is on ${at}`);
    }

    const appPath = () => new URL(suite.page.url()).pathname.slice(GLOBAL_PAGE_BASE.length) || '/';

    it('creates a program, plans its quarter and publishes it by keyboard alone', async () => {
      await suite.page.goto(`${suite.stack.url}${GLOBAL_PAGE_BASE}?as=${TPM}`);
      const frame = await appFrame(suite.page);
      await frame.locator('[data-testid="program-list"]').waitFor({ timeout: 60_000 });
      // Into the frame: the host's top bar comes first in the tab order.
      await suite.page.locator('#forge-app').focus();

      await tabTo(frame, '[data-testid="create-program"]');
      await suite.page.keyboard.press('Enter');
      await frame.locator('[data-testid="create-program-dialog"]').waitFor();
      await tabTo(frame, '[data-testid="create-program-name"]');
      await suite.page.keyboard.type(PROGRAM_NAME);
      await tabTo(frame, '[data-testid="create-program-jql"]');
      await suite.page.keyboard.press('ControlOrMeta+A');
      await suite.page.keyboard.type('issuetype = Epic AND project in (PAY, ID)');
      await tabTo(frame, '[data-testid="create-program-submit"]');
      await suite.page.keyboard.press('Enter');

      // The new program opens on its Overview, and the host's URL says so.
      await frame
        .locator('[data-testid="program-title"]', { hasText: PROGRAM_NAME })
        .waitFor({ timeout: 60_000 });
      await frame.locator('[data-testid="overview-tab"]').waitFor({ timeout: 60_000 });
      expect(appPath()).toBe(`/programs/${PROGRAM_ID}/overview`);

      // Tabs: focus the selected tab, then arrow keys move along the tab list.
      await tabTo(frame, '[role="tab"][aria-selected="true"]', { back: true });
      for (let step = 0; step < 3; step += 1) await suite.page.keyboard.press('ArrowRight');
      await frame.locator('[data-testid="tab-plan"][aria-selected="true"]').waitFor();
      expect(appPath()).toBe(`/programs/${PROGRAM_ID}/plan`);

      // Plan the quarter on a generated sprint calendar (the native select moves with the arrow keys).
      await tabTo(frame, '[data-testid="plan-create-source"]');
      await suite.page.keyboard.press('ArrowDown');
      await frame.locator('[data-testid="plan-create-length"]').waitFor();
      await tabTo(frame, '[data-testid="plan-create-submit"]:not([disabled])');
      await suite.page.keyboard.press('Enter');
      await frame.locator('[data-testid="plan-estimates"]').waitFor({ timeout: 60_000 });
      await expect(frame.locator('[data-testid="plan-missing"]').count()).resolves.toBe(0);

      // Publishing: back to the tab list, three to the right.
      await tabTo(frame, '[role="tab"][aria-selected="true"]', { back: true, max: 200 });
      for (let step = 0; step < 3; step += 1) await suite.page.keyboard.press('ArrowRight');
      await frame.locator('[data-testid="tab-publishing"][aria-selected="true"]').waitFor();
      await frame.locator('[data-testid="publish-tab"]').waitFor({ timeout: 60_000 });
      expect(appPath()).toBe(`/programs/${PROGRAM_ID}/publishing`);

      const space = suite.site.spaces.find((s) => s.key === 'PROG');
      if (!space) throw new Error('The demo site has no PROG space.');
      await tabTo(frame, '#publish-space');
      await suite.page.keyboard.type(space.key);
      await frame.getByText(`${space.name} (${space.key})`, { exact: true }).waitFor();
      await suite.page.keyboard.press('Enter');
      await frame.locator(`[data-testid="publish-parent-page-id"][value="${space.homepageId}"]`).waitFor();
      await tabTo(frame, '[data-testid="publish-target-save"]');
      await suite.page.keyboard.press('Space');
      await tabTo(frame, '[data-testid="publish-now"]:not([disabled])', { max: 120 });
      await suite.page.keyboard.press('Enter');
      const published = frame.locator('[data-testid="publish-history"] tbody tr');
      await published.first().waitFor({ timeout: 90_000 });
      await expect(published.count()).resolves.toBeGreaterThan(0);

      // Each tab the arrows passed is a history entry: Back returns to Risks, then Status; Forward to Publishing.
      await suite.page.goBack();
      await frame.locator('[data-testid="tab-risks"][aria-selected="true"]').waitFor();
      expect(appPath()).toBe(`/programs/${PROGRAM_ID}/risks`);
      await suite.page.goBack();
      await frame.locator('[data-testid="tab-status"][aria-selected="true"]').waitFor();
      expect(appPath()).toBe(`/programs/${PROGRAM_ID}/status`);
      await suite.page.goForward();
      await suite.page.goForward();
      await suite.page.goForward();
      await frame.locator('[data-testid="tab-publishing"][aria-selected="true"]').waitFor();
    }, 300_000);

    it('opens a deep link on its tab, and Back from the program returns to the list', async () => {
      await suite.page.goto(`${suite.stack.url}${GLOBAL_PAGE_BASE}?as=${TPM}`);
      const frame = await appFrame(suite.page);
      await frame.locator('[data-testid="program-list"]').waitFor({ timeout: 60_000 });
      await suite.page.goto(
        `${suite.stack.url}${GLOBAL_PAGE_BASE}/programs/${DEMO_PROGRAM.id}/risks?as=${TPM}`,
      );
      const deep = await appFrame(suite.page);
      await deep.locator('[data-testid="tab-risks"][aria-selected="true"]').waitFor({ timeout: 60_000 });
      await deep.locator('[data-testid="risks-tab"]').waitFor({ timeout: 60_000 });

      // "← Programs" by keyboard goes to the list and pushes it: the browser's Back returns to the Risks tab.
      await suite.page.locator('#forge-app').focus();
      await tabTo(deep, '[data-testid="back-to-programs"]');
      await suite.page.keyboard.press('Enter');
      await deep.locator('[data-testid="program-list"]').waitFor({ timeout: 60_000 });
      expect(appPath()).toBe('/');
      await suite.page.goBack();
      await deep.locator('[data-testid="tab-risks"][aria-selected="true"]').waitFor({ timeout: 60_000 });
      expect(appPath()).toBe(`/programs/${DEMO_PROGRAM.id}/risks`);
      // A path that names no tab shows the list rather than a broken suite.page.
      await suite.page.goto(
        `${suite.stack.url}${GLOBAL_PAGE_BASE}/programs/${DEMO_PROGRAM.id}/roadmap?as=${TPM}`,
      );
      await (await appFrame(suite.page)).locator('[data-testid="program-list"]').waitFor({ timeout: 60_000 });
    }, 180_000);

    it('raised no page errors or CSP refusals', () => {
      expect(problems).toEqual([]);
    });
  },
);
