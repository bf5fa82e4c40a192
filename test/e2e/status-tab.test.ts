// The Status tab in a real browser on the demo: the RAG with its reasons, progress by count and by story
// points, the burn-up chart with its data table, the initiatives table whose rows open an implementation
// report (by keyboard too), and the thresholds — edited by the TPM, read only for a stakeholder.
import type { ProgramStatusView } from '../../src/contract';
import { DEMO_PROGRAM } from '../../dev/seed';
import { accountOf, describeInBrowser, devInvoke, openProgramTab } from './browser';

const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';

describeInBrowser('Status tab in a browser', {}, (suite) => {
  const { app, problems, resultsDir } = suite;

  const statusAs = (email: string): Promise<ProgramStatusView> =>
    devInvoke<ProgramStatusView>(
      suite.stack.url,
      'status/get',
      { programId: DEMO_PROGRAM.id },
      accountOf(email),
    );

  const openStatus = (email: string): Promise<void> =>
    openProgramTab(suite.page, {
      stackUrl: suite.stack.url,
      email: email,
      programId: DEMO_PROGRAM.id,
      tab: 'status',
      label: 'Status',
      resultsDir,
    });

  it('shows the TPM the RAG with its reasons, progress, burn-up and initiatives, and opens a report', async () => {
    await openStatus(TPM);
    const view = await statusAs(TPM);
    const word = { green: 'Green', amber: 'Amber', red: 'Red' }[view.rag.status];
    await expect(app().getByTestId('status-rag').textContent()).resolves.toBe(word);
    await expect(app().getByTestId('status-summary').textContent()).resolves.toBe(view.rag.summary);
    if (view.rag.reasons.length > 0)
      await expect(app().getByTestId('status-reasons').locator('li').count()).resolves.toBe(
        view.rag.reasons.length,
      );
    if (view.rag.limitations.length > 0)
      await expect(app().getByTestId('status-limitations').textContent()).resolves.toContain(
        view.rag.limitations[0],
      );

    await expect(app().getByTestId('status-progress-count').textContent()).resolves.toContain(
      `${view.progress.issues.done} of ${view.progress.issues.total} issues done`,
    );
    await expect(app().getByTestId('status-progress-points').textContent()).resolves.toMatch(
      /story points done|No story points/,
    );

    // The chart is an image with a title and a description, and the same data as a table on demand.
    const chart = app().getByTestId('status-burnup');
    await expect(chart.locator('title').textContent()).resolves.toBe('Burn-up by issues');
    await expect(chart.locator('desc').textContent()).resolves.toMatch(/issues/);
    if (view.burnUp.source === 'reconstructed')
      await expect(app().getByTestId('status-burnup-note').textContent()).resolves.toMatch(/Reconstructed/);
    await app().getByTestId('status-burnup-table-toggle').click();
    await expect(app().getByTestId('status-burnup-table').locator('tbody tr').count()).resolves.toBe(
      view.burnUp.points.length,
    );
    await app().getByTestId('status-burnup-points').click();
    await app()
      .getByTestId('status-burnup')
      .locator('title', { hasText: 'Burn-up by story points' })
      .waitFor({ state: 'attached' });

    // Worst first; a row's summary opens its implementation report, from the keyboard too.
    const rows = app().locator('tr[data-testid^="status-row-"]');
    await expect(rows.count()).resolves.toBe(Math.min(view.initiatives.length, 50));
    const worst =
      view.initiatives.find((r) => r.rag === 'red') ?? view.initiatives.find((r) => r.rag === 'amber');
    const target = worst ?? view.initiatives[0];
    if (!target) throw new Error('the demo status has no initiatives');
    const opener = app().getByTestId(`status-open-report-${target.key}`);
    await opener.focus();
    await suite.page.keyboard.press('Enter');
    const report = app().getByTestId('status-report');
    await report.waitFor({ timeout: 30_000 });
    await expect(app().getByTestId('status-report-progress').textContent()).resolves.toContain(
      `${target.issues.done} of ${target.issues.total} issues done`,
    );
    await expect(app().getByTestId('status-report-rag').textContent()).resolves.toBe(
      { green: 'Green', amber: 'Amber', red: 'Red' }[target.rag],
    );
    await suite.page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached', timeout: 30_000 });
    expect(problems).toEqual([]);
  }, 120_000);

  it('lets the TPM change the thresholds, refusing inconsistent ones with the reason', async () => {
    await openStatus(TPM);
    const form = app().getByTestId('status-thresholds');
    await form.waitFor();
    await app().getByTestId('status-threshold-behind-amber').fill('40');
    await app().getByTestId('status-threshold-behind-red').fill('30');
    await app().getByTestId('status-thresholds-save').click();
    await expect(app().getByTestId('status-thresholds-error').textContent()).resolves.toMatch(
      /Red must start at or past amber/,
    );
    expect((await statusAs(TPM)).thresholdsAreDefaults).toBe(true);

    await app().getByTestId('status-threshold-behind-red').fill('45');
    await app().getByTestId('status-thresholds-save').click();
    await app()
      .getByTestId('status-tab')
      .locator('h3', { hasText: /^RAG thresholds$/ })
      .waitFor({ timeout: 30_000 });
    const saved = await statusAs(TPM);
    expect(saved.thresholds).toMatchObject({ behindAmber: 40, behindRed: 45 });
    expect(saved.thresholdsAreDefaults).toBe(false);
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows a stakeholder the same status with the thresholds read only', async () => {
    await openStatus(STAKEHOLDER);
    await app().getByTestId('status-thresholds-read-only').waitFor();
    await expect(app().getByTestId('status-thresholds-read-only').textContent()).resolves.toContain(
      'Amber when more than 40 points behind',
    );
    await expect(app().getByTestId('status-thresholds-save').count()).resolves.toBe(0);
    await expect(app().getByTestId('status-rag').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
  }, 120_000);
});
