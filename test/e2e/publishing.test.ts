// The Publishing tab in a real browser, on the dev stack: the TPM picks the Confluence space (its home page
// becomes the parent), publishes now, follows a page link from the publish history, republishes and sees every
// page unchanged; a stakeholder reads the history but cannot publish.
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { DEMO_PROGRAM } from '../../dev/seed';
import { describeInBrowser } from './browser';

const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';

describeInBrowser('the Publishing tab in a browser', { viewport: { width: 1280, height: 1200 } }, (suite) => {
  const { app, problems, resultsDir } = suite;

  const historyRows = (): Locator => app().locator('[data-testid="publish-history"] tbody tr');
  const publishNow = (): Locator => app().locator('[data-testid="publish-now"]:not([disabled])');

  async function openPublishing(as: string): Promise<void> {
    await suite.page.goto(`${suite.stack.url}/?as=${encodeURIComponent(as)}`);
    try {
      await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
      await app().getByTestId('tab-publishing').click({ timeout: 30_000 });
      await app().getByTestId('publish-tab').waitFor({ timeout: 30_000 });
    } catch (error) {
      await suite.page.screenshot({ path: path.join(resultsDir, 'publishing-error.png'), fullPage: true });
      throw error;
    }
  }

  /** The outcome lozenges of one history row, one per suite.page. */
  const outcomesOf = (row: Locator) =>
    row.locator('li').evaluateAll((items) => items.map((li) => li.textContent?.trim().split(' ').at(-1)));

  it('lets the TPM choose the space, publish now and follow a page link from the history', async () => {
    await openPublishing(TPM);
    await app().getByTestId('publish-history-empty').waitFor({ timeout: 30_000 });
    const prog = suite.site.spaces.find((s) => s.key === 'PROG');
    if (!prog) throw new Error('no PROG space');

    // The space list comes from Confluence; choosing a space fills its home page in as the parent.
    await app().locator('#publish-space').click();
    await app().getByText(`${prog.name} (${prog.key})`, { exact: true }).click();
    await app()
      .locator(`[data-testid="publish-parent-page-id"][value="${prog.homepageId}"]`)
      .waitFor({ timeout: 15_000 });
    await app().getByTestId('publish-target-save').click();
    await publishNow().click({ timeout: 30_000 });

    const first = historyRows().first();
    await first.waitFor({ timeout: 60_000 });
    await expect(first.textContent()).resolves.toContain('Publish now by');
    const links = first.locator('a');
    const titles = await links.allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ — Program charter$/),
        expect.stringMatching(/Status report/),
        expect.stringMatching(/Risk/),
      ]),
    );
    expect(new Set(await outcomesOf(first))).toEqual(new Set(['created']));

    // The pages exist once each in the emulated Confluence, under the space's home suite.page.
    const published = suite.site.pages.filter((p) => p.status === 'current' && titles.includes(p.title));
    expect(published.map((p) => p.title).sort()).toEqual([...titles].sort());
    const charter = published.find((p) => / — Program charter$/.test(p.title))!;
    expect(charter.parentId).toBe(prog.homepageId);

    // The link goes to the page through the host (router.open); the dev host names where it would go.
    const charterLink = links.filter({ hasText: charter.title });
    const href = await charterLink.getAttribute('href');
    expect(href).toMatch(new RegExp(`/wiki/spaces/PROG/pages/${charter.id}/`));
    await charterLink.click();
    const toast = suite.page.locator('#host-toast', { hasText: href ?? '' });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });

    // Following that address in Confluence opens the charter the app published.
    const pageId = /\/pages\/(\d+)\//.exec(href ?? '')?.[1];
    const opened = await fetch(
      `${suite.stack.emulator!.url}/wiki/api/v2/pages/${pageId}?body-format=storage`,
      {
        headers: { authorization: `Basic ${Buffer.from(`${TPM}:demo`).toString('base64')}` },
      },
    );
    const body = (await opened.json()) as { title: string; body: { storage: { value: string } } };
    expect(body.title).toBe(charter.title);
    expect(body.body.storage.value).toContain('programs-app-managed');
    await suite.page.screenshot({ path: path.join(resultsDir, 'publishing-tpm.png'), fullPage: true });
  });

  it('republishes and shows every page unchanged, with nothing rewritten', async () => {
    const versions = new Map(suite.site.pages.map((p) => [p.id, p.version.number]));

    await publishNow().click({ timeout: 30_000 });
    await historyRows().nth(1).waitFor({ timeout: 60_000 });

    const latest = historyRows().first();
    expect(new Set(await outcomesOf(latest))).toEqual(new Set(['unchanged']));
    expect(
      suite.site.pages.filter((p) => versions.has(p.id) && versions.get(p.id) !== p.version.number),
    ).toEqual([]);
  });

  it('shows a stakeholder the history with its links but no way to publish', async () => {
    await openPublishing(STAKEHOLDER);

    await app().getByTestId('publish-read-only').waitFor({ timeout: 30_000 });
    await historyRows().nth(1).waitFor({ timeout: 30_000 });
    await expect(app().getByTestId('publish-now').count()).resolves.toBe(0);
    await expect(historyRows().first().locator('a').count()).resolves.toBeGreaterThan(2);
    expect(problems).toEqual([]);
  });
});
