// The Risks tab in a real browser on the demo in execution: what detection finds before the register holds
// it, Detect now, a detected risk's reason and history, the filters (by keyboard too), a risk recorded as a
// problem and resolved; a viewer who browses only MOB sees MOB risks alone and is told how many are hidden.
import type { RiskRegisterView } from '../../src/contract';
import { DEMO_PROGRAM } from '../../dev/seed';
import { accountOf, describeInBrowser, devInvoke, openProgramTab } from './browser';

const TPM = 'tpm@example.com';
const CONTRACTOR = 'contractor@example.com';

describeInBrowser('Risks tab in a browser', {}, (suite) => {
  const { app, problems, resultsDir } = suite;

  const registerAs = (email: string): Promise<RiskRegisterView> =>
    devInvoke<RiskRegisterView>(
      suite.stack.url,
      'risks/get',
      { programId: DEMO_PROGRAM.id },
      accountOf(email),
    );

  const openRisks = (email: string): Promise<void> =>
    openProgramTab(suite.page, {
      stackUrl: suite.stack.url,
      email: email,
      programId: DEMO_PROGRAM.id,
      tab: 'risks',
      label: 'Risks',
      resultsDir,
    });

  it('shows the TPM what detection finds, registers it with Detect now, with its reason and history', async () => {
    await openRisks(TPM);
    const before = await registerAs(TPM);
    expect(before.pending.length).toBeGreaterThan(0);
    await expect(app().getByTestId('pending-risks').locator('tbody tr').count()).resolves.toBe(
      before.pending.length,
    );

    await app().getByTestId('risks-detect-now').click();
    await expect(app().getByTestId('risks-detect-outcome').textContent()).resolves.toContain(
      `${before.pending.length} risk${before.pending.length === 1 ? '' : 's'} opened`,
    );
    await app().getByTestId('pending-risks').waitFor({ state: 'detached', timeout: 30_000 });

    const after = await registerAs(TPM);
    const live = after.risks.filter((r) => r.status !== 'closed' && r.status !== 'happened');
    const rows = app().getByTestId('risk-register').locator('tbody tr[data-testid^="risk-row-"]');
    await expect(rows.count()).resolves.toBe(live.length);
    const detected = live.find((r) => r.source === 'detected');
    if (!detected?.reason) throw new Error('Detect now registered no detected risk.');

    // A row opens to say why, and every status change so far.
    await app().getByTestId(`risk-expand-${detected.id}`).click();
    const details = app().getByTestId(`risk-details-${detected.id}`);
    await expect(details.textContent()).resolves.toContain(detected.reason.slice(0, 40));
    await expect(
      app().getByTestId(`risk-history-${detected.id}`).locator('li').first().textContent(),
    ).resolves.toMatch(/the app: open \(detected\)$/);

    // A filter with nothing in it says what would put a risk there.
    expect(after.risks.filter((r) => r.status === 'closed')).toEqual([]);
    await app().getByTestId('risks-filter-closed').click();
    await expect(app().getByTestId('risk-register-empty').textContent()).resolves.toContain(
      'A risk closes when you close it on the Overview tab',
    );
    await app().getByTestId('risks-filter-live').click();
    await expect(rows.count()).resolves.toBe(live.length);
    expect(problems).toEqual([]);
  }, 120_000);

  it('records a detected risk as a problem, lists it under Problems and resolves it', async () => {
    await openRisks(TPM);
    const target = (await registerAs(TPM)).risks.find(
      (r) => r.source === 'detected' && r.canManageProblem && !r.problem && r.status === 'open',
    );
    if (!target) throw new Error('No open detected risk to record as a problem.');
    await app().getByTestId(`risk-record-problem-${target.id}`).click();
    const form = app().getByTestId('record-problem-form');
    await form.waitFor();
    // The form takes the focus: typing goes straight into what happened.
    await suite.page.keyboard.type('The upstream work slipped past the release.');
    await app().locator('#problem-owner').fill('Morgan');
    await suite.page.keyboard.press('Enter');
    await app().getByTestId('record-problem-save').click();
    await form.waitFor({ state: 'detached', timeout: 30_000 });

    const card = app().getByTestId(`problem-${target.id}`);
    await card.waitFor({ timeout: 30_000 });
    await expect(card.textContent()).resolves.toContain('The upstream work slipped past the release.');
    await expect(card.textContent()).resolves.toContain('Owner: Morgan Reyes');
    await expect(card.textContent()).resolves.toContain('open');

    // The Problems filter, chosen from the keyboard, lists it in the register too.
    await app().getByTestId('risks-filter-problems').focus();
    await suite.page.keyboard.press('Enter');
    await expect(app().getByTestId('risks-filter-problems').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await app().getByTestId(`risk-row-${target.id}`).waitFor();
    await expect(app().getByTestId(`risk-status-${target.id}`).textContent()).resolves.toBe('happened');

    const today = new Date().toISOString().slice(0, 10);
    await app().getByTestId(`problem-resolution-${target.id}`).fill('Moved the dependent a sprint later.');
    await app().getByTestId(`problem-resolved-${target.id}`).fill(today);
    await app().getByTestId(`problem-save-${target.id}`).click();
    await app()
      .getByTestId(`problem-${target.id}`)
      .getByText(`resolved ${today}`)
      .waitFor({ timeout: 30_000 });
    const saved = (await registerAs(TPM)).risks.find((r) => r.id === target.id);
    expect(saved?.status).toBe('closed');
    expect(saved?.problem).toMatchObject({
      resolution: 'Moved the dependent a sprint later.',
      resolvedAt: today,
    });
    expect(saved?.history?.map((h) => h.to)).toEqual(['open', 'happened', 'closed']);
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows a viewer who browses only MOB its risks alone, says how many are hidden, without Detect now', async () => {
    await openRisks(CONTRACTOR);
    const view = await registerAs(CONTRACTOR);
    expect(view.hidden).toBeGreaterThan(0);
    await expect(app().getByTestId('risks-hidden').textContent()).resolves.toContain(
      `${view.hidden} detected risk`,
    );
    await expect(app().getByTestId('risks-detect-now').count()).resolves.toBe(0);
    await app().getByTestId('risks-read-only').waitFor();
    await app().getByTestId('risks-filter-all').click();
    const register = await app().getByTestId('risk-register').textContent();
    for (const project of ['PAY', 'ID', 'DATA', 'PLAT'])
      expect(register).not.toMatch(new RegExp(`\\b${project}-\\d+`));
    await expect(app().locator('[data-testid^="risk-record-problem-"]').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
