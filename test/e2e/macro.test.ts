import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { DevStack } from '../../dev/server/stack';
import { DEMO_PROGRAM, type SiteData } from '../../dev/seed';
import {
  appFrame,
  chromiumOrSkip,
  failOnce,
  holdResolver,
  openBrowserStack,
  runAxe,
  seriousViolations,
} from './browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results');
const chromiumPath = chromiumOrSkip('Status macro in a browser');
const describeInBrowser = chromiumPath ? describe : describe.skip;

describeInBrowser('the status macro in a browser', () => {
  let stack: DevStack;
  let site: SiteData;
  let browser: Browser;
  let page: Page;
  const browserProblems: string[] = [];

  beforeAll(async () => {
    ({ stack, site, browser, page } = await openBrowserStack(
      'status-macro',
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

  const macro = (): FrameLocator => page.frameLocator('#forge-app');

  async function openPage(email: string, programId: string = DEMO_PROGRAM.id): Promise<void> {
    await page.goto(`${stack.url}/wiki/page?program=${programId}&as=${encodeURIComponent(email)}`);
  }

  it('shows the TPM the program card with stage, RAG, progress, milestones, risks and every project', async () => {
    await openPage('tpm@example.com');
    const card = macro().getByTestId('status-card');
    await card.waitFor({ timeout: 30_000 });
    await expect(card.textContent()).resolves.toContain(DEMO_PROGRAM.name);
    await expect(card.getAttribute('data-rag')).resolves.toMatch(/^(green|amber|red)$/);
    await expect(macro().getByTestId('as-of').textContent()).resolves.toMatch(/As of \d+ \w+ \d{4}/);
    await expect(macro().getByTestId('risks').locator('li').count()).resolves.toBeGreaterThan(0);
    const projects = await macro()
      .locator('[data-project]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
    expect(projects).toEqual(expect.arrayContaining(['PAY', 'ID', 'MOB', 'DATA', 'PLAT']));
    await expect(macro().getByTestId('hidden-initiatives').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(resultsDir, 'status-macro-tpm.png') });
    const asOf = await macro().getByTestId('as-of').getAttribute('data-built-at');
    await macro().getByTestId('refresh').click();
    await macro()
      .locator(`[data-testid="as-of"]:not([data-built-at="${asOf ?? ''}"])`)
      .waitFor({ timeout: 30_000 });
    expect(browserProblems).toEqual([]);
  }, 60_000);

  it('shows the contractor only MOB and says how many initiatives are hidden, without naming them', async () => {
    await openPage('contractor@example.com');
    await macro().getByTestId('status-card').waitFor({ timeout: 30_000 });
    const projects = await macro()
      .locator('[data-project]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
    expect(projects).toEqual(['MOB']);
    const hidden = site.program.epicKeys.filter((k) => !k.startsWith('MOB-'));
    await expect(macro().getByTestId('hidden-initiatives').textContent()).resolves.toContain(
      `${hidden.length} more initiatives`,
    );
    await expect(macro().getByTestId('refresh').count()).resolves.toBe(0);
    const text = (await macro().locator('body').textContent()) ?? '';
    for (const key of hidden) expect(text).not.toContain(key);
    await page.screenshot({ path: path.join(resultsDir, 'status-macro-contractor.png') });
    expect(browserProblems).toEqual([]);
  }, 60_000);

  it('asks to pick a program when the macro names none, and its settings configure it', async () => {
    await page.goto(`${stack.url}/wiki/macro-config?as=tpm%40example.com`);
    const form = macro().getByTestId('macro-config');
    await form.waitFor({ timeout: 30_000 });
    await macro().locator('#program-picker').click();
    await macro().getByText(DEMO_PROGRAM.name, { exact: false }).first().click();
    await macro().getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/wiki\/page\?program=/);
    await macro().getByTestId('status-card').waitFor({ timeout: 30_000 });
    await openPage('tpm@example.com', '');
    await macro().getByTestId('macro-error').waitFor({ timeout: 30_000 });
    await expect(macro().getByTestId('macro-error').textContent()).resolves.toContain('Pick a program');
    await expect(macro().getByTestId('macro-error').textContent()).resolves.toContain(
      'edit the macro and pick one',
    );
    await expect(macro().getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    expect(browserProblems).toEqual([]);
  }, 60_000);

  it('stands a skeleton shaped like the status card in for it while the status loads', async () => {
    const held = await holdResolver(page, 'macro/status');
    try {
      await openPage('tpm@example.com');
      const skeleton = macro().locator('[data-skeleton="status-card"]');
      await skeleton.waitFor({ timeout: 30_000 });
      await expect(skeleton.getAttribute('role')).resolves.toBe('status');
      await expect(skeleton.getAttribute('aria-busy')).resolves.toBe('true');
      await expect(skeleton.textContent()).resolves.toBe('Loading the program status…');
      // No spinner beside it: Atlaskit's labelled spinner is an <svg role="img">.
      await expect(macro().getByRole('img').count()).resolves.toBe(0);
      await page.screenshot({ path: path.join(resultsDir, 'status-macro-loading.png') });
      expect(seriousViolations(await runAxe(await appFrame(page)))).toEqual([]);
      await held.release();
      await macro().getByTestId('status-card').waitFor({ timeout: 30_000 });
      await expect(skeleton.count()).resolves.toBe(0);
      expect(browserProblems).toEqual([]);
    } finally {
      await held.release();
    }
  }, 60_000);

  it('stands a skeleton shaped like the settings form in for it while the programs load', async () => {
    const held = await holdResolver(page, 'macro/programs');
    try {
      await page.goto(`${stack.url}/wiki/macro-config?as=tpm%40example.com`);
      const skeleton = macro().locator('[data-skeleton="macro-settings"]');
      await skeleton.waitFor({ timeout: 30_000 });
      await expect(skeleton.getAttribute('role')).resolves.toBe('status');
      await expect(skeleton.textContent()).resolves.toBe('Loading your programs…');
      await expect(macro().getByRole('img').count()).resolves.toBe(0);
      expect(seriousViolations(await runAxe(await appFrame(page)))).toEqual([]);
      await held.release();
      await macro().getByTestId('macro-config').waitFor({ timeout: 30_000 });
      await expect(skeleton.count()).resolves.toBe(0);
      expect(browserProblems).toEqual([]);
    } finally {
      await held.release();
    }
  }, 60_000);

  it('shows the resolver’s message when the status fails to load, and the card on Try again', async () => {
    const message = 'Jira answered 503 while the snapshot was read.';
    const failure = await failOnce(page, 'macro/status', 'UPSTREAM', message);
    try {
      await openPage('tpm@example.com');
      const error = macro().getByTestId('macro-error');
      await error.waitFor({ timeout: 30_000 });
      const text = await error.textContent();
      expect(text).toContain('Jira did not answer');
      expect(text).toContain(message);
      await error.getByRole('button', { name: 'Try again' }).click();
      await macro().getByTestId('status-card').waitFor({ timeout: 30_000 });
      expect(failure.failures()).toBe(1);
      expect(browserProblems).toEqual([]);
    } finally {
      await failure.stop();
    }
  }, 60_000);

  it('tells the reader of a deleted program to pick another, without a Try again that cannot help', async () => {
    const failure = await failOnce(page, 'macro/status', 'NOT_FOUND', 'Program prog-gone was not found.');
    try {
      await openPage('tpm@example.com');
      const error = macro().getByTestId('macro-error');
      await error.waitFor({ timeout: 30_000 });
      const text = await error.textContent();
      expect(text).toContain('Program prog-gone was not found.');
      expect(text).toContain('Edit the macro and pick another program.');
      await expect(error.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    } finally {
      await failure.stop();
    }
  }, 60_000);

  it('shows why the settings could not list the programs, and lists them on Try again', async () => {
    const message = 'The app could not read its programs from storage.';
    const failure = await failOnce(page, 'macro/programs', 'INTERNAL', message);
    try {
      await page.goto(`${stack.url}/wiki/macro-config?as=tpm%40example.com`);
      const error = macro().getByTestId('config-error');
      await error.waitFor({ timeout: 30_000 });
      const text = await error.textContent();
      expect(text).toContain('Your programs could not be loaded');
      expect(text).toContain(message);
      await error.getByRole('button', { name: 'Try again' }).click();
      await macro().getByTestId('macro-config').waitFor({ timeout: 30_000 });
      expect(failure.failures()).toBe(1);
      expect(browserProblems).toEqual([]);
    } finally {
      await failure.stop();
    }
  }, 60_000);
});
