// The Plan tab on a 500-initiative quarter, in a real browser: the quarter's chosen initiatives, what the
// scheduler could not place and the pins each draw 50 entries a page with Atlaskit's pager, which a keyboard
// user reaches and turns; the initiative pickers search as the TPM types instead of listing every option; the
// tab stays free of serious accessibility findings. It records the tab's DOM element count for the README.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import type { QuarterPlanView } from '../../src/contract';
import { DEMO_OPTIONS, DEMO_PROGRAM } from '../../dev/seed';
import { appFrame, describeInBrowser, devInvoke, runAxe, seriousViolations, whenDrawn } from './browser';

const TPM = 'tpm@example.com';
const EPICS = 500;
const PINS = 60;
const PAGE = 50;

describeInBrowser('The Plan tab’s long lists on a 500-initiative quarter', {}, (suite) => {
  const { app, problems, resultsDir } = suite;
  let frame: Frame;

  beforeAll(() => {
    suite.stack.emulator?.reset({ ...DEMO_OPTIONS, epics: EPICS });
  });

  const planOf = (quarter: string) =>
    devInvoke<QuarterPlanView>(suite.stack.url, 'plan/get', { programId: DEMO_PROGRAM.id, quarter }, TPM);

  async function openPlan(): Promise<void> {
    await suite.page.goto(`${suite.stack.url}/?as=${encodeURIComponent(TPM)}`);
    await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
    await app().getByTestId('tab-plan').click({ timeout: 30_000 });
    await app().getByTestId('plan-schedule').waitFor({ timeout: 60_000 });
    frame = await appFrame(suite.page);
  }

  /** Presses Tab until the selector has the focus, as a keyboard user would. */
  async function tabTo(selector: string, max = 80): Promise<void> {
    const focused = () => frame.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    for (let presses = 0; presses < max; presses += 1) {
      if (await focused()) return;
      await suite.page.keyboard.press('Tab');
    }
    if (await focused()) return;
    const at = await frame.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
    throw new Error(`${max} presses of Tab never reached ${selector}; the focus is on ${at}`);
  }

  const entries = {
    chosen: () => app().getByTestId('plan-initiatives').locator('li[data-testid^="plan-initiative-"]'),
    unplaced: () =>
      app().getByTestId('plan-schedule').locator('li[data-testid^="plan-unplaced-"][data-reason]'),
    pins: () => app().getByTestId('plan-pins').locator('li[data-testid^="plan-pin-"]'),
  };

  it('draws at most 50 entries of each list, pages them from the keyboard, and searches the pickers', async () => {
    await openPlan();
    const quarter = await app().getByTestId('plan-quarter').inputValue();
    await app().getByTestId('plan-initiatives-add-all').click();
    await app().getByTestId('plan-initiatives-add-all').waitFor({ state: 'detached', timeout: 60_000 });
    let plan = await planOf(quarter);
    const chosenKeys = plan.plan.initiatives.map((i) => i.key);
    expect(chosenKeys.length).toBeGreaterThanOrEqual(EPICS);
    // More pins than a page holds, made through the resolver, then the tab opened afresh on them.
    const pinned = chosenKeys.slice(0, PINS);
    await devInvoke<QuarterPlanView>(
      suite.stack.url,
      'plan/pins/set',
      {
        programId: DEMO_PROGRAM.id,
        quarter,
        expectedVersion: plan.plan.version,
        pins: pinned.map((initiativeKey, i) => ({ initiativeKey, startSprint: i % 2 })),
      },
      TPM,
    );
    plan = await planOf(quarter);
    expect(plan.plan.pins.length).toBe(PINS);
    expect(plan.schedule.unplaced.length).toBeGreaterThan(PAGE);
    await openPlan();
    await app().getByTestId('plan-pins').locator('li').first().waitFor({ timeout: 30_000 });
    await whenDrawn(app());

    const elements = await frame.evaluate(() => document.querySelectorAll('*').length);
    const counts = {
      chosen: await entries.chosen().count(),
      unplaced: await entries.unplaced().count(),
      pins: await entries.pins().count(),
      pinOptions: await app().locator('[data-testid="plan-pin-initiative"] option').count(),
    };
    const measured = {
      initiatives: chosenKeys.length,
      unplaced: plan.schedule.unplaced.length,
      pins: plan.plan.pins.length,
      domElements: elements,
      drawn: counts,
    };
    console.log(`Plan tab on a ${chosenKeys.length}-initiative quarter: ${JSON.stringify(measured)}`);
    writeFileSync(path.join(resultsDir, 'plan-long-lists.json'), `${JSON.stringify(measured, null, 2)}\n`);
    await app()
      .getByTestId('plan-initiatives')
      .screenshot({ path: path.join(resultsDir, 'plan-long-lists-initiatives.png') });
    for (const part of ['plan-unplaced-range', 'plan-pins'] as const) {
      await app().getByTestId(part).scrollIntoViewIfNeeded();
      await suite.page.screenshot({ path: path.join(resultsDir, `plan-long-lists-${part}.png`) });
    }

    // Each list draws one page of 50, and says which entries it shows and in what order.
    expect(counts).toEqual({ chosen: PAGE, unplaced: PAGE, pins: PAGE, pinOptions: 0 });
    await expect(app().getByTestId('plan-initiatives-range').textContent()).resolves.toContain(
      `1–50 of ${chosenKeys.length}`,
    );
    await expect(app().getByTestId('plan-unplaced-range').textContent()).resolves.toContain(
      `1–50 of ${plan.schedule.unplaced.length}`,
    );
    await expect(app().getByTestId('plan-pins-range').textContent()).resolves.toContain(`1–50 of ${PINS}`);

    // The unplaced list: the reasons counted in the summary line, those without an estimate first.
    const reasons = await entries
      .unplaced()
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-reason')));
    const noEstimate = plan.schedule.unplaced.filter((u) => u.reason === 'no-estimate').length;
    expect(noEstimate).toBeGreaterThan(0);
    expect(reasons[0]).toBe('no-estimate');
    await expect(app().getByTestId('plan-schedule-summary').textContent()).resolves.toContain(
      `${noEstimate} no estimate`,
    );

    // The chosen initiatives from the keyboard: from the last entry's button, Tab reaches the pager.
    const chosenPager = app().getByTestId('plan-initiatives-pagination');
    const firstChosen = await entries.chosen().first().getAttribute('data-testid');
    await entries.chosen().last().getByRole('button').focus();
    await tabTo('[data-testid="plan-initiatives-pagination"] button[aria-label="page 2"]');
    await suite.page.keyboard.press('Enter');
    await expect(entries.chosen().first().getAttribute('data-testid')).resolves.not.toBe(firstChosen);
    await expect(entries.chosen().count()).resolves.toBe(Math.min(PAGE, chosenKeys.length - PAGE));
    await expect(app().getByTestId('plan-initiatives-range').textContent()).resolves.toContain('51–100');
    await expect(
      chosenPager.getByRole('button', { name: 'page 2', exact: true }).getAttribute('aria-current'),
    ).resolves.toBe('page');

    // Not placed: from the reason filter, Tab reaches the pager; page 2 holds the next 50.
    const unplacedOrder = plan.schedule.unplaced.length;
    const firstUnplaced = await entries.unplaced().first().getAttribute('data-testid');
    await app().getByTestId('plan-unplaced-reason').focus();
    await tabTo('[data-testid="plan-unplaced-pagination"] button[aria-label="page 2"]');
    await suite.page.keyboard.press('Enter');
    await expect(entries.unplaced().first().getAttribute('data-testid')).resolves.not.toBe(firstUnplaced);
    await expect(entries.unplaced().count()).resolves.toBe(Math.min(PAGE, unplacedOrder - PAGE));
    // One reason at a time: the filter keeps only its entries, and counts them.
    await app().getByTestId('plan-unplaced-reason').selectOption('no-estimate');
    await expect(app().getByTestId('plan-unplaced-range').textContent()).resolves.toContain(
      `of ${noEstimate}`,
    );
    const filtered = await entries
      .unplaced()
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-reason')));
    expect(new Set(filtered)).toEqual(new Set(['no-estimate']));
    expect(filtered.length).toBeLessThanOrEqual(PAGE);

    // Pins: from the last Unpin, Tab reaches the pager; page 2 holds the last 10.
    await expect(app().getByTestId('plan-pins-range').textContent()).resolves.toContain('by key');
    await entries.pins().last().getByRole('button').focus();
    await tabTo('[data-testid="plan-pins-pagination"] button[aria-label="page 2"]');
    await suite.page.keyboard.press('Enter');
    await expect(entries.pins().count()).resolves.toBe(PINS - PAGE);
    // In key order, as the plan keeps them.
    await expect(entries.pins().first().getAttribute('data-testid')).resolves.toBe(
      `plan-pin-${plan.plan.pins[PAGE]?.initiativeKey}`,
    );

    // The pin picker searches as one types: at most 50 options, and the exact key first.
    const target = chosenKeys[PINS + 3] ?? '';
    await app().locator('#plan-pin-initiative').click();
    const options = app().locator('[id^="react-select-plan-pin-initiative-option-"]');
    await options.first().waitFor();
    expect(await options.count()).toBeLessThanOrEqual(PAGE);
    await suite.page.keyboard.type(target);
    await expect(options.first().textContent()).resolves.toContain(target);
    expect(await options.count()).toBeLessThanOrEqual(PAGE);
    await suite.page.keyboard.press('Enter');
    await app().getByTestId('plan-pin-sprint').selectOption('1');
    await app().getByTestId('plan-pin-submit').click();
    await app()
      .getByTestId('plan-pins-range')
      .filter({ hasText: `of ${PINS + 1},` })
      .waitFor({ timeout: 30_000 });
    expect((await planOf(quarter)).plan.pins.map((p) => p.initiativeKey)).toContain(target);

    await whenDrawn(app());
    expect(seriousViolations(await runAxe(frame))).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
