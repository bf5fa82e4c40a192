// The adjusted plan in a real browser, on the demo program in execution: the TPM sees the seeded slip with its
// reasons, moves a dependency late in the emulated Jira and sees its dependent and the pilot milestone move,
// accepts the adjusted plan as the plan of record and sees the history of two baselines; a stakeholder reads
// it all and is offered no accept.
import path from 'node:path';
import { DEMO_PROGRAM } from '../../dev/seed';
import { pinToday } from '../support/app-stack';
import { describeInBrowser, whenDrawn } from './browser';

// The server side (emulator, runtime, resolvers) runs in this process: its today is the fourth sprint of 2026-Q4.
const pinSprintFour = (): void => pinToday('2026-11-18T10:00:00.000Z');

describeInBrowser('the adjusted plan in a browser', { beforeStart: pinSprintFour }, (suite) => {
  const { app, problems, resultsDir } = suite;

  afterAll(() => {
    jest.useRealTimers();
  });

  async function openPlanTab(email: string): Promise<void> {
    await suite.page.goto(`${suite.stack.url}/?as=${encodeURIComponent(email)}`);
    await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
    await app().getByTestId('tab-plan').click({ timeout: 30_000 });
    await app().getByTestId('adjusted-plan').waitFor({ timeout: 30_000 });
  }

  it('shows the TPM the slip and a dependency moved late, and accepts the adjusted plan as the plan of record', async () => {
    const demo = suite.stack.demoExecution;
    if (!demo?.late || !demo.move) throw new Error('The demo has no slip or no dependency to move late.');
    await openPlanTab('tpm@example.com');
    await expect(app().getByTestId('adjusted-intro').textContent()).resolves.toContain('Sprint 4 of 6');
    const late = app().locator(`[data-testid="adjusted-row-${demo.late}"][data-change="later"]`);
    await late.waitFor();
    await expect(app().getByTestId(`adjusted-reasons-${demo.late}`).textContent()).resolves.toContain(
      'Should have finished in Sprint 3',
    );

    const { upstream, dependent, targetEnd } = demo.move;
    const response = await fetch(`${suite.stack.emulatorUrl}/__emulator/issues/${upstream}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetEnd }),
    });
    expect(response.status).toBe(200);
    await app().getByTestId('adjusted-refresh').click();
    await app().locator(`[data-testid="adjusted-row-${dependent}"][data-change="later"]`).waitFor();
    await expect(app().getByTestId(`adjusted-reasons-${dependent}`).textContent()).resolves.toContain(
      `Starts one sprint later because ${upstream} now ends in Sprint 5`,
    );
    await expect(app().getByTestId(`adjusted-variance-${dependent}`).textContent()).resolves.toBe(
      '1 sprint later',
    );
    await app().locator('[data-testid="adjusted-milestone-ms-pilot"][data-outlook="late"]').waitFor();
    await suite.page.screenshot({ path: path.join(resultsDir, 'adjusted-plan-tpm.png'), fullPage: true });

    await app().getByTestId('adjusted-accept').click();
    await expect(app().getByTestId('adjusted-accept-summary').textContent()).resolves.toContain(dependent);
    await app().getByTestId('adjusted-accept-note').fill('Data slip agreed with the leads');
    await app().getByTestId('adjusted-accept-confirm').click();
    await app().getByTestId('adjusted-accept-dialog').waitFor({ state: 'detached' });
    await app().getByTestId('adjusted-history-entry').nth(1).waitFor();
    await expect(app().getByTestId('adjusted-history-entry').nth(1).textContent()).resolves.toContain(
      'Accepted adjusted plan: Data slip agreed with the leads',
    );
    await app().getByTestId('adjusted-none-moved').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows a stakeholder the adjusted plan and its history without the accept', async () => {
    await openPlanTab('stakeholder@example.com');
    await app().getByTestId('adjusted-history-entry').nth(1).waitFor();
    await expect(app().getByTestId('adjusted-accept').count()).resolves.toBe(0);
    await app().getByTestId('adjusted-only-moved').uncheck();
    await app().getByTestId('adjusted-table').waitFor();
    await whenDrawn(app());
    expect(await app().locator('[data-testid^="adjusted-row-"]').count()).toBeGreaterThan(20);
    await suite.page.screenshot({
      path: path.join(resultsDir, 'adjusted-plan-stakeholder.png'),
      fullPage: true,
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
