// Quarter planning in a real browser, on the demo program's seeded 2027-Q1 plan: a TPM starts the next
// quarter's plan, enters a missing estimate and sees the timeline place it, forces a late start with a pin,
// declines a commitment with its reason in the alignment session, copies a team's key results, adds a
// success criterion and a meeting to the communication plan and freezes the baseline; a stakeholder reads
// it all and is refused every write. Last, on a program regenerated with 150 epics, the estimates grid shows
// 50 initiatives a page, keeps what is typed on one page while another is shown, and saves every page's edits.
import path from 'node:path';
import type { QuarterPlanView } from '../../src/contract';
import { DEMO_OPTIONS, DEMO_PROGRAM } from '../../dev/seed';
import { appFrame, describeInBrowser, runAxe, seriousViolations } from './browser';

const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';

type Answer<T> =
  { success: true; data: T } | { success: false; errors: { errorType: string; message: string }[] };

describeInBrowser('Quarter planning in a browser', {}, (suite) => {
  const { app, problems, resultsDir } = suite;
  let quarter = '';

  const click = async (testId: string) => app().getByTestId(testId).click();
  const fill = async (testId: string, value: string) => app().getByTestId(testId).fill(value);

  async function invokeAs<T>(
    accountId: string,
    key: string,
    payload: Record<string, unknown>,
  ): Promise<Answer<T>> {
    const response = await fetch(`${suite.stack.url}/__dev/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key, payload, accountId }),
    });
    return (await response.json()) as Answer<T>;
  }

  async function planAs(accountId: string, of = quarter): Promise<QuarterPlanView> {
    const answer = await invokeAs<QuarterPlanView>(accountId, 'plan/get', {
      programId: DEMO_PROGRAM.id,
      quarter: of,
    });
    if (!answer.success) throw new Error(`plan/get failed: ${answer.errors[0]?.message}`);
    return answer.data;
  }

  async function openPlan(as: string): Promise<void> {
    await suite.page.goto(`${suite.stack.url}/?as=${encodeURIComponent(as)}`);
    try {
      await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
    } catch (error) {
      await suite.page.screenshot({ path: path.join(resultsDir, 'plan-error.png'), fullPage: true });
      throw error;
    }
    await app().getByTestId('tab-plan').click({ timeout: 30_000 });
    await app()
      .locator('[data-testid="plan-estimates"], [data-testid="plan-missing"], [data-testid="load-error"]')
      .first()
      .waitFor({ timeout: 30_000 });
    const error = app().getByTestId('load-error');
    if ((await error.count()) > 0) {
      await suite.page.screenshot({ path: path.join(resultsDir, 'plan-error.png') });
      throw new Error(`The Plan tab shows an error: ${await error.first().textContent()}`);
    }
  }

  it('lets a TPM plan a quarter end to end: estimate, schedule, commitments, criteria, communication, baseline', async () => {
    await openPlan(TPM);
    quarter = await app().getByTestId('plan-quarter').inputValue();
    expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);

    // The quarter after it has no plan yet: the TPM starts one on generated two-week sprints, then goes back.
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const next = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
    await app().getByTestId('plan-quarter').selectOption(next);
    await app().getByTestId('plan-missing').waitFor({ timeout: 30_000 });
    await app().getByTestId('plan-create-source').selectOption('generated');
    await fill('plan-create-length', '14');
    await click('plan-create-submit');
    await app().getByTestId('plan-calendar').filter({ hasText: 'generated, 14 days each' }).waitFor();
    await app().getByTestId('plan-quarter').selectOption(quarter);
    await app().getByTestId('plan-schedule').waitFor({ timeout: 30_000 });

    // An initiative waits for its estimate; the TPM enters it in the grid and the timeline places it.
    let plan = await planAs(TPM);
    const placedKeys = new Set(plan.schedule.initiatives.map((i) => i.key));
    const ready = plan.missingEstimates.find((m) =>
      plan.dependencies.filter((d) => d.to === m.initiativeKey).every((d) => placedKeys.has(d.from)),
    );
    if (!ready) throw new Error('No missing estimate whose dependencies are all scheduled.');
    const barId = `plan-bar-${ready.initiativeKey}-${ready.teamId}`;
    await app().getByTestId(`plan-unplaced-${ready.initiativeKey}`).waitFor();
    expect(await app().getByTestId(barId).count()).toBe(0);
    const missingBefore = plan.missingEstimates.length;
    await expect(app().getByTestId('plan-estimates-missing').textContent()).resolves.toContain(
      `${missingBefore} estimate`,
    );
    const cellId = `estimate-cell-${ready.initiativeKey}-${ready.teamId}`;
    await expect(app().getByTestId(cellId).getAttribute('data-state')).resolves.toBe('missing');
    await click(`${cellId}-edit`);
    await fill(`${cellId}-sprints`, '1');
    await fill(`${cellId}-points`, '5');
    await click(`${cellId}-save`);
    await app().getByTestId(cellId).filter({ hasText: '5 pts' }).waitFor();
    await expect(app().getByTestId(cellId).getAttribute('data-state')).resolves.toBe('estimated');
    await app().getByTestId('plan-timeline').getByTestId(barId).waitFor();
    const start = Number(await app().getByTestId(barId).getAttribute('data-start'));
    await expect(app().getByTestId(barId).getAttribute('data-end')).resolves.toBe(String(start));
    expect(await app().getByTestId(`plan-unplaced-${ready.initiativeKey}`).count()).toBe(0);
    expect(await app().locator('[data-testid^="plan-arrow-"]').count()).toBeGreaterThan(0);
    // The same schedule as a table, one row per team's part, then back to the timeline.
    await click('plan-timeline-as-table');
    await app()
      .getByTestId('plan-schedule-table')
      .locator(`[data-testid^="plan-schedule-row-${ready.initiativeKey}-"]`)
      .first()
      .waitFor();
    await click('plan-timeline-as-table');
    await app().getByTestId('plan-timeline').waitFor();

    // The TPM pins a dependent to the first sprint: it now starts before its dependency ends and shows as late.
    plan = await planAs(TPM);
    const placedAt = new Map(plan.schedule.initiatives.map((i) => [i.key, i]));
    const forced = plan.dependencies.find(
      (d) => (placedAt.get(d.from)?.endSprint ?? -1) >= 1 && placedAt.get(d.to)?.perTeam.length === 1,
    );
    if (!forced) throw new Error('No placed dependency to force late with a pin.');
    const forcedBar = app().locator(`[data-testid^="plan-bar-${forced.to}-"]`);
    // The pin picker searches as one types; the exact key comes first.
    await app().locator('#plan-pin-initiative').fill(forced.to);
    await app()
      .locator('[id^="react-select-plan-pin-initiative-option-"]')
      .first()
      .filter({ hasText: forced.to })
      .waitFor();
    await suite.page.keyboard.press('Enter');
    await app().getByTestId('plan-pin-sprint').selectOption('0');
    await click('plan-pin-submit');
    await app().getByTestId(`plan-pin-${forced.to}`).waitFor();
    await app()
      .locator(
        `[data-testid^="plan-bar-${forced.to}-"][data-pinned="true"], [data-testid="plan-unplaced-${forced.to}"]`,
      )
      .first()
      .waitFor();
    if ((await forcedBar.count()) > 0) {
      await expect(forcedBar.first().getAttribute('data-late')).resolves.toBe('true');
      await expect(
        app().getByTestId(`plan-arrow-${forced.from}->${forced.to}`).getAttribute('data-late'),
      ).resolves.toBe('true');
      await expect(app().getByTestId('plan-schedule-summary').textContent()).resolves.toMatch(
        /[1-9]\d* late/,
      );
    } else {
      await expect(app().getByTestId(`plan-unplaced-${forced.to}`).getAttribute('data-reason')).resolves.toBe(
        'pin-conflict',
      );
    }
    await suite.page.screenshot({ path: path.join(resultsDir, 'plan-tab-pinned.png'), fullPage: true });
    await click(`plan-unpin-${forced.to}`);
    await app().getByTestId(`plan-pin-${forced.to}`).waitFor({ state: 'detached' });

    // Alignment session: the upstream team declines an unanswered cross-team dependency, and must say why.
    plan = await planAs(TPM);
    const dependency = plan.dependencies.find(
      (d) => d.crossTeam && (d.commitment?.status ?? 'proposed') === 'proposed',
    );
    if (!dependency) throw new Error('The demo quarter has no unanswered cross-team dependency.');
    const commitmentId = `commitment-${dependency.from}-${dependency.to}`;
    await click(`${commitmentId}-edit`);
    await app().getByTestId(`${commitmentId}-status`).selectOption('declined');
    await click(`${commitmentId}-save`);
    await app().getByTestId(commitmentId).getByRole('alert').waitFor();
    await fill(`${commitmentId}-reason`, 'No capacity until the wallet migration ends');
    await click(`${commitmentId}-save`);
    await app().locator(`[data-testid="${commitmentId}"][data-status="declined"]`).waitFor();
    await expect(app().getByTestId(`${commitmentId}-reason`).textContent()).resolves.toBe(
      'No capacity until the wallet migration ends',
    );
    await expect(app().getByTestId(commitmentId).textContent()).resolves.toContain('Morgan Reyes');
    await click('plan-commitments-uncommitted-only');
    await app().getByTestId(commitmentId).waitFor();

    // Team OKRs: the declining team sees the dependency flagged, copies its key results, links its OKR suite.page.
    const okrCard = `team-okrs-${dependency.fromTeamId}`;
    await app()
      .getByTestId(`${okrCard}-text`)
      .filter({ hasText: `${dependency.from} → ${dependency.to} (declined)` })
      .waitFor();
    await click(`${okrCard}-copy`);
    await app()
      .getByTestId(`${okrCard}-copy-status`)
      .filter({ hasText: /Copied|selected/ })
      .waitFor();
    await click(`${okrCard}-link-edit`);
    await fill(`${okrCard}-link`, 'https://example.atlassian.net/wiki/spaces/TEAM/pages/1/OKRs');
    await click(`${okrCard}-link-save`);
    await app().getByTestId(okrCard).getByRole('link', { name: 'Team OKRs' }).waitFor();

    // Success criterion tied to a program goal.
    await click('success-criteria-add');
    await fill('success-criterion-form-statement', 'Checkout live in two new markets');
    await fill('success-criterion-form-metric', 'markets live');
    await fill('success-criterion-form-target', '2');
    const goal = app().locator('[data-testid^="success-criterion-form-goal-"]').first();
    if ((await goal.count()) > 0) await goal.check();
    await click('success-criterion-form-submit');
    await app()
      .getByTestId('success-criterion')
      .filter({ hasText: 'Checkout live in two new markets' })
      .waitFor();

    // Communication plan: a Slack channel and a weekly sync.
    await click('communication-edit');
    await fill('communication-form-slack', 'https://example.slack.com/archives/C0ATLAS');
    const meeting = `communication-form-meeting-${plan.plan.communication.meetings.length}`;
    await click('communication-form-add-meeting');
    await fill(`${meeting}-name`, 'Dependency review');
    await app().getByTestId(`${meeting}-cadence`).selectOption('biweekly');
    await fill(`${meeting}-audience`, 'Team leads and TPM');
    await app().getByTestId(`${meeting}-owner`).selectOption({ label: 'Morgan Reyes' });
    await click('communication-form-submit');
    await app().getByTestId('communication-meeting').filter({ hasText: 'Dependency review' }).waitFor();
    await app()
      .getByTestId('communication-channels')
      .getByText('https://example.slack.com/archives/C0ATLAS')
      .waitFor();

    // Baseline: confirm, then see who froze it and the baseline drawn under the bars.
    await click('baseline-freeze');
    await fill('baseline-freeze-note', 'Agreed at the alignment session');
    await click('baseline-freeze-confirm');
    await app().getByTestId('baseline-frozen').waitFor();
    await expect(app().getByTestId('baseline-frozen').textContent()).resolves.toContain('Morgan Reyes');
    expect(await app().locator('[data-testid^="plan-ghost-"]').count()).toBeGreaterThan(0);

    await app().getByTestId('plan-quarter').scrollIntoViewIfNeeded();
    await suite.page.screenshot({ path: path.join(resultsDir, 'plan-tab.png'), fullPage: true });
    await app().getByTestId('plan-alignment').scrollIntoViewIfNeeded();
    await suite.page.screenshot({ path: path.join(resultsDir, 'plan-tab-alignment.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows a stakeholder the whole plan read-only and refuses their writes', async () => {
    expect(quarter).not.toBe('');
    await openPlan(STAKEHOLDER);
    await app().getByTestId('plan-read-only-note').waitFor();
    await app().getByTestId('plan-timeline').waitFor();
    await app().getByTestId('baseline-frozen').waitFor();
    await app().locator('[data-testid^="commitment-"][data-status="declined"]').first().waitFor();
    await app().getByTestId('success-criterion').first().waitFor();
    await app().getByTestId('communication-meeting').first().waitFor();
    const tab = app().getByTestId('plan-tab');
    for (const testId of [
      'baseline-freeze',
      'plan-initiatives-add-all',
      'plan-pin-submit',
      'success-criteria-add',
      'communication-edit',
      'plan-session-edit',
    ])
      expect({ testId, count: await tab.getByTestId(testId).count() }).toEqual({ testId, count: 0 });
    expect(await tab.locator('[data-testid^="estimate-cell-"][data-testid$="-edit"]').count()).toBe(0);
    expect(await tab.locator('[data-testid^="commitment-"][data-testid$="-edit"]').count()).toBe(0);

    const current = await planAs(TPM);
    const version = current.plan.version;
    const someKey = current.plan.initiatives[0]?.key ?? 'PAY-1';
    const ref = { programId: DEMO_PROGRAM.id, quarter, expectedVersion: version };
    const writes: [string, Record<string, unknown>][] = [
      ['plan/baseline/freeze', ref],
      [
        'plan/success-criteria/save',
        { ...ref, fields: { statement: 'Sneaky criterion', metric: 'count', target: '1', goalIds: [] } },
      ],
      ['plan/pins/set', { ...ref, pins: [{ initiativeKey: someKey, startSprint: 0 }] }],
    ];
    for (const [key, payload] of writes) {
      const answer = await invokeAs(STAKEHOLDER, key, payload);
      expect({ key, errorType: answer.success ? 'accepted' : answer.errors[0]?.errorType }).toEqual({
        key,
        errorType: 'FORBIDDEN',
      });
    }
    await suite.page.screenshot({ path: path.join(resultsDir, 'plan-tab-stakeholder.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  // Last: it regenerates the emulated site with a larger program.
  it('pages the estimates of a 150-initiative quarter 50 at a time and saves the edits typed on every page', async () => {
    expect(quarter).not.toBe('');
    suite.stack.emulator?.reset({ ...DEMO_OPTIONS, epics: 150 });
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const next = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
    await openPlan(TPM);
    await app().getByTestId('plan-quarter').selectOption(next);
    await click('plan-initiatives-add-all');
    const grid = app().getByTestId('plan-estimates');
    const rows = grid.locator('[data-testid^="estimate-row-"]');
    await rows.nth(49).waitFor({ timeout: 30_000 });

    const plan = await planAs(TPM, next);
    const keys = plan.plan.initiatives.map((i) => i.key);
    expect(keys.length).toBeGreaterThan(100);
    await expect(rows.count()).resolves.toBe(50);
    await expect(app().getByTestId('plan-estimates-grid').getAttribute('aria-label')).resolves.toBe(
      `Estimates by initiative and team, rows 1–50 of ${keys.length}`,
    );
    const onPage = (page: number) =>
      plan.missingEstimates.find((m) => Math.floor(keys.indexOf(m.initiativeKey) / 50) === page - 1);
    const first = onPage(1);
    const second = onPage(2);
    if (!first || !second) throw new Error('No missing estimate on page 1 or 2 to enter.');
    const cellOf = (m: { initiativeKey: string; teamId: string }) =>
      `estimate-cell-${m.initiativeKey}-${m.teamId}`;
    const pageButton = (page: number) => grid.getByRole('button', { name: `page ${page}`, exact: true });

    // Typed on page 1, not saved: page 2 shows the next 50, and back on page 1 the editor is as it was left.
    await click(`${cellOf(first)}-edit`);
    await fill(`${cellOf(first)}-sprints`, '2');
    await fill(`${cellOf(first)}-points`, '8');
    // The pages change from the keyboard too.
    await pageButton(2).focus();
    await suite.page.keyboard.press('Enter');
    await expect(rows.first().getAttribute('data-testid')).resolves.toBe(`estimate-row-${keys[50]}`);
    await expect(rows.count()).resolves.toBe(Math.min(50, keys.length - 50));
    await expect(app().getByTestId(cellOf(first)).count()).resolves.toBe(0);
    await pageButton(1).click();
    await expect(
      app()
        .getByTestId(`${cellOf(first)}-sprints`)
        .inputValue(),
    ).resolves.toBe('2');
    await expect(
      app()
        .getByTestId(`${cellOf(first)}-points`)
        .inputValue(),
    ).resolves.toBe('8');

    // An edit on page 2 closes page 1's editor but not its edit, which its cell shows as unsaved.
    await pageButton(2).click();
    await click(`${cellOf(second)}-edit`);
    await fill(`${cellOf(second)}-sprints`, '1');
    await expect(app().getByTestId('plan-estimates-pending').textContent()).resolves.toContain(
      '2 unsaved estimates, on pages 1 and 2.',
    );
    await pageButton(1).click();
    await expect(app().getByTestId(cellOf(first)).getAttribute('data-unsaved')).resolves.toBe('true');
    await expect(
      app()
        .getByTestId(`${cellOf(first)}-edit`)
        .textContent(),
    ).resolves.toMatch(/2 sprints · 8 pts.*unsaved/);
    // Paged, with edits waiting on two pages, the tab stays free of serious accessibility findings.
    expect(seriousViolations(await runAxe(await appFrame(suite.page)))).toEqual([]);

    // One save, from page 1, sends both pages' edits.
    await click('plan-estimates-save');
    await app().getByTestId('plan-estimates-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await app().getByTestId(cellOf(first)).filter({ hasText: '8 pts' }).waitFor();
    await expect(app().getByTestId(cellOf(first)).getAttribute('data-state')).resolves.toBe('estimated');
    const saved = (await planAs(TPM, next)).plan.estimates;
    expect(saved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ...first, sprints: 2, storyPoints: 8 }),
        expect.objectContaining({ ...second, sprints: 1 }),
      ]),
    );
    await pageButton(2).click();
    await expect(app().getByTestId(cellOf(second)).getAttribute('data-state')).resolves.toBe('estimated');
    await suite.page.screenshot({
      path: path.join(resultsDir, 'plan-tab-paged-estimates.png'),
      fullPage: true,
    });
    expect(problems).toEqual([]);
  }, 180_000);
});
