// The Completion tab in a real browser on the demo program: the TPM assesses a goal inline, reads the analysis
// (throughput chart and its data table, by keyboard), records a lesson and an improvement action and plans the
// handover; the receiving team's contact accepts it; the TPM closes the program through the confirmation
// dialog — the page turns read-only — and reopens it; a stakeholder reads it all without an edit control.
import path from 'node:path';
import { DEMO_PROGRAM } from '../../dev/seed';
import type { ProgramOverview } from '../../src/contract';
import { accountOf, describeInBrowser, openProgramTab } from './browser';

const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const LEAD_PAY = 'lead.payments@example.com';
const LEAD_PLAT = 'lead.platform@example.com';
const programId = DEMO_PROGRAM.id;

type Answer<T> =
  { success: true; data: T } | { success: false; errors: { errorType: string; message: string }[] };

describeInBrowser('The Completion tab in a browser', { stack: { deliverEvents: true } }, (suite) => {
  const { app, problems, resultsDir } = suite;

  const tab = () => app().getByTestId('completion-tab');

  async function invokeAs<T>(
    email: string,
    key: string,
    payload: Record<string, unknown>,
  ): Promise<Answer<T>> {
    const response = await fetch(`${suite.stack.url}/__dev/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key, payload, accountId: accountOf(email) }),
    });
    return (await response.json()) as Answer<T>;
  }

  const openCompletion = (as: string): Promise<void> =>
    openProgramTab(suite.page, {
      stackUrl: suite.stack.url,
      email: as,
      programId: programId,
      tab: 'completion',
      label: 'Completion',
      resultsDir,
    });

  /** Moves the demo program on, stage by stage, to Completion (the gates' reasons given), as the TPM. */
  async function moveToCompletion(): Promise<void> {
    const order = ['initiation', 'planning', 'execution', 'completion'];
    for (;;) {
      const got = await invokeAs<ProgramOverview>(TPM, 'program/get', { programId });
      if (!got.success) throw new Error(got.errors[0]?.message);
      const { stage, version } = got.data.program;
      if (stage === 'completion') return;
      const to = order[order.indexOf(stage) + 1];
      const moved = await invokeAs(TPM, 'program/stage/move', {
        programId,
        expectedVersion: version,
        to,
        overrideReason: 'Browser test',
      });
      if (!moved.success) throw new Error(`${stage} → ${to}: ${moved.errors[0]?.message}`);
    }
  }

  it('lets the TPM assess, learn, plan improvements and hand over, and the contact accept', async () => {
    await openCompletion(TPM);
    await tab().getByTestId('closing-missing').waitFor();
    await tab()
      .getByTestId('assessment-verdict-goal-goal-conversion')
      .filter({ hasText: 'Not assessed' })
      .waitFor();

    // Inline assessment with evidence.
    await tab().getByTestId('assessment-edit-goal-goal-conversion').click();
    await tab().getByTestId('assessment-form-verdict-met').check();
    await tab().getByTestId('assessment-form-measured').fill('2.7');
    await tab().getByTestId('assessment-form-evidence').fill('https://grafana.example.com/d/checkout\n');
    await tab().getByTestId('assessment-form-save').click();
    await tab().getByTestId('assessment-verdict-goal-goal-conversion').filter({ hasText: 'Met' }).waitFor();
    await tab()
      .getByTestId('assessment-row-goal-goal-conversion')
      .getByRole('link', { name: 'grafana.example.com/d/checkout' })
      .waitFor();
    await app().getByTestId('completion-saved').filter({ hasText: 'saved' }).waitFor({ state: 'attached' });

    // A bad evidence line is refused with the backend's reason, and the form stays open.
    await tab().getByTestId('assessment-edit-goal-goal-launch').click();
    await tab().getByTestId('assessment-form-verdict-partly').check();
    await tab().getByTestId('assessment-form-evidence').fill('javascript:alert(1)');
    await tab().getByTestId('assessment-form-save').click();
    await tab().getByTestId('completion-write-error').filter({ hasText: 'http(s) link' }).waitFor();
    await tab().getByTestId('assessment-form').getByRole('button', { name: 'Cancel' }).click();
    await tab().getByTestId('assessment-form').waitFor({ state: 'detached' });

    // The analysis: a chart of throughput per sprint, and its data as a table, reached by keyboard.
    await tab().getByTestId('throughput-chart').waitFor();
    const toggle = tab().getByTestId('throughput-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await suite.page.keyboard.press('Enter');
    await tab().getByTestId('throughput-table').waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await tab().getByTestId('throughput-table').locator('tbody tr').count()).toBe(
      await tab().locator('[data-testid^="throughput-bar-"]').count(),
    );

    // A lesson and the improvement action that follows from it.
    await tab().getByTestId('lesson-add').click();
    await tab().getByTestId('lesson-form-to-improve').check();
    await tab().getByTestId('lesson-form-happened').fill('Estimates ran two sprints long');
    await tab().getByTestId('lesson-form-learned').fill('Estimate against a reference class');
    await tab().getByTestId('lesson-form-save').click();
    await tab().getByTestId('lesson-row').filter({ hasText: 'Estimates ran two sprints long' }).waitFor();

    await tab().getByTestId('action-add').click();
    await tab().getByTestId('action-form-action').fill('Reference-class estimates in planning');
    await tab().getByTestId('action-form-owner').selectOption(accountOf(LEAD_PAY));
    await tab().getByTestId('action-form-due').fill('2027-06-30');
    await tab().getByTestId('action-form-lesson').selectOption({ label: 'Estimates ran two sprints long' });
    await tab().getByTestId('action-form-save').click();
    await tab()
      .getByTestId('action-row')
      .filter({ hasText: 'Reference-class estimates in planning' })
      .filter({ hasText: 'Estimates ran two sprints long' })
      .waitFor();

    // The handover, with its contact who answers for the receiving team.
    await tab().getByTestId('handover-edit').click();
    await tab().getByTestId('handover-form-team').fill('Platform SRE');
    await tab().getByTestId('handover-form-contact').selectOption(accountOf(LEAD_PLAT));
    await tab().getByTestId('handover-form-date').fill('2027-04-15');
    await tab().getByTestId('handover-form-items').fill('Checkout dashboards and alerts\nRefunds service');
    await tab().getByTestId('handover-form-add-link').click();
    await tab().getByTestId('handover-form-link-label-0').fill('On-call runbook');
    await tab().getByTestId('handover-form-link-url-0').fill('https://wiki.example.com/checkout-runbook');
    await tab().getByTestId('handover-form-save').click();
    await tab().getByTestId('handover-status').filter({ hasText: 'Awaiting acceptance' }).waitFor();
    await tab().getByTestId('handover-details').getByRole('link', { name: 'On-call runbook' }).waitFor();
    expect(await tab().getByTestId('handover-answer').count()).toBe(1);

    await openCompletion(LEAD_PLAT);
    expect(await tab().locator('[data-testid^="assessment-edit-"]').count()).toBe(0);
    await tab().getByTestId('lesson-add').waitFor();
    await tab().getByTestId('handover-accept').click();
    await tab().getByTestId('handover-status').filter({ hasText: 'Accepted' }).waitFor();
    await tab().getByTestId('handover-answered').filter({ hasText: 'Accepted by' }).waitFor();
    expect(problems).toEqual([]);
  }, 240_000);

  it('closes the program through its confirmation, after which the tab is read-only, and reopens it', async () => {
    await moveToCompletion();
    await openCompletion(TPM);
    await tab().getByTestId('assessment-edit-goal-goal-launch').click();
    await tab().getByTestId('assessment-form-verdict-partly').check();
    await tab().getByTestId('assessment-form-measured').fill('6 weeks');
    await tab().getByTestId('assessment-form-save').click();
    await tab().getByTestId('assessment-verdict-goal-goal-launch').filter({ hasText: 'Partly' }).waitFor();
    await tab().getByTestId('closing-ready').waitFor();
    const space = suite.stack.emulator!.site().spaces.find((s) => s.key === 'PROG')!;
    const target = await invokeAs(TPM, 'publish/target/save', {
      programId,
      spaceId: space.id,
      parentPageId: space.homepageId,
      reportCadence: 'weekly',
    });
    expect(target.success).toBe(true);

    await tab().getByTestId('close-program').click();
    const dialog = app().getByTestId('close-program-dialog');
    await dialog.getByText('A closed program is read-only').waitFor();
    await app().getByTestId('close-program-confirm').click();
    await tab().getByTestId('completion-closed').waitFor();
    await app().getByTestId('program-page-stage').filter({ hasText: 'closed' }).waitFor();
    await expect(tab().getByTestId('closing-report').getAttribute('data-state')).resolves.toBe('queued');
    // The dev server delivers the queued final publish as Forge would: the completion report is published.
    let runs: { trigger: string; pages: { artifact: string }[] }[] = [];
    for (let i = 0; i < 300 && !runs.some((r) => r.trigger === 'closing'); i++) {
      const overview = await invokeAs<{ history: typeof runs }>(TPM, 'publish/get', { programId });
      runs = overview.success ? overview.data.history : [];
      if (!runs.some((r) => r.trigger === 'closing')) await suite.page.waitForTimeout(100);
    }
    expect(runs[0]?.pages.map((p) => p.artifact)).toContain('completion');
    await app().getByTestId('tab-publishing').click();
    await app().getByText('When the program closed').first().waitFor({ timeout: 30_000 });
    await app().getByTestId('tab-completion').click();
    for (const control of ['lesson-add', 'action-add', 'handover-edit', 'close-program'])
      expect({ control, count: await tab().getByTestId(control).count() }).toEqual({ control, count: 0 });
    expect(await tab().locator('[data-testid^="assessment-edit-"]').count()).toBe(0);
    await suite.page.screenshot({ path: path.join(resultsDir, 'completion-tab-closed.png'), fullPage: true });

    const refused = await invokeAs(LEAD_PAY, 'completion/lesson/save', {
      programId,
      fields: { category: 'went-well', whatHappened: 'After closing', learned: 'Nothing' },
    });
    expect(refused.success ? 'accepted' : refused.errors[0]?.errorType).toBe('PROGRAM_CLOSED');

    await tab().getByTestId('reopen-program').click();
    await app().getByTestId('reopen-program-confirm').click();
    await tab().getByTestId('closing-ready').waitFor();
    await app().getByTestId('program-page-stage').filter({ hasText: 'completion' }).waitFor();
    await tab().getByTestId('lesson-add').waitFor();
    expect(problems).toEqual([]);
  }, 240_000);

  it('shows a stakeholder the completion without a single edit control', async () => {
    await openCompletion(STAKEHOLDER);
    await tab().getByTestId('completion-read-only-note').waitFor();
    await tab().getByTestId('assessment-verdict-goal-goal-conversion').filter({ hasText: 'Met' }).waitFor();
    await tab().getByTestId('lesson-row').first().waitFor();
    await tab().getByTestId('handover-status').filter({ hasText: 'Accepted' }).waitFor();
    for (const control of ['lesson-add', 'action-add', 'handover-edit', 'close-program', 'handover-accept'])
      expect({ control, count: await tab().getByTestId(control).count() }).toEqual({ control, count: 0 });
    expect(await tab().locator('[data-testid^="assessment-edit-"]').count()).toBe(0);
    expect(
      await tab()
        .getByRole('button', { name: /^(Edit|Delete)/ })
        .count(),
    ).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
