// The Initiation path in a real browser: a TPM creates a program, ties it to OKRs, adds goals, parties,
// milestones and risks, records agreements and moves it to planning; a stakeholder reads, cannot write.
import path from 'node:path';
import { describeInBrowser } from './browser';

const PROGRAM_ID = 'market-expansion';

describeInBrowser('Initiation in a browser', { consoleProblems: null }, (suite) => {
  const { app, problems, resultsDir } = suite;

  const fill = async (testId: string, value: string) => app().getByTestId(testId).fill(value);
  const select = async (testId: string, value: string) => app().getByTestId(testId).selectOption(value);
  const click = async (testId: string) => app().getByTestId(testId).click();

  async function pickPerson(inputId: string, name: string): Promise<void> {
    const input = app().locator(`#${inputId}`);
    await input.fill(name);
    await app().getByText(name, { exact: false }).last().waitFor();
    await input.press('Enter');
  }

  it('takes a new program from creation through its initiation artifacts to planning', async () => {
    await suite.page.goto(`${suite.stack.url}/?as=tpm%40example.com`);
    await click('create-program');
    await fill('create-program-name', 'Market expansion');
    await fill('create-program-jql', 'labels = "program-atlas" AND issuetype = Epic');
    await click('create-program-submit');
    await app().getByTestId('overview-tab').waitFor({ timeout: 30_000 });
    await expect(app().getByTestId('program-title').textContent()).resolves.toBe('Market expansion');

    await click('description-edit');
    await fill('description-form-description', 'Launch in five markets, serving the growth OKR.');
    await fill('description-form-expectedBenefits', 'Revenue outside the home market.');
    await fill('description-form-resourcesNeeded', 'Payments and Identity teams.');
    await click('description-form-submit');
    await app().getByText('Launch in five markets, serving the growth OKR.').waitFor();

    await click('strategies-add');
    await fill('strategies-form-name', 'International growth');
    await fill('strategies-form-objective', 'Win five new markets');
    await fill('strategies-form-keyResults', 'Markets launched | count | 5');
    await click('strategies-form-submit');
    await app().getByTestId('strategy').waitFor();

    await click('strategic-initiatives-add');
    await fill('strategic-initiatives-form-name', 'Local checkout');
    await fill('strategic-initiatives-form-epicKeys', 'PAY-1');
    await click('strategic-initiatives-form-submit');
    await app().getByTestId('strategic-initiative').getByText('serves International growth').waitFor();

    await click('parties-edit');
    await pickPerson('parties-sponsor-input', 'Dana Whitfield');
    await pickPerson('parties-stakeholders-input', 'Sam Okafor');
    await click('parties-save');
    await app().getByTestId('parties-sponsor-name').filter({ hasText: 'Dana Whitfield' }).waitFor();

    await click('teams-add');
    await fill('team-form-name', 'Payments');
    await fill('team-form-jiraTeam', 'PAY');
    await click('team-form-submit');
    await app().getByTestId('team-row').waitFor();

    await click('goals-add');
    await fill('goals-form-statement', 'Conversion up in new markets');
    await fill('goals-form-metric', 'conversion %');
    await fill('goals-form-baseline', '2.1');
    await fill('goals-form-target', '2.6');
    await fill('goals-form-dueDate', '2027-06-30');
    await click('goals-form-submit');
    await app().getByTestId('goal').waitFor();
    await click('goals-agree');
    await select('goals-agree-form-agreedBy', { label: 'Dana Whitfield' } as never);
    await click('goals-agree-form-submit');
    await expect(app().getByTestId('goals-agreement').textContent()).resolves.toMatch(
      /^Agreed by Dana Whitfield/,
    );

    await click('milestones-add');
    await fill('milestones-form-name', 'First market live');
    await fill('milestones-form-targetDate', '2027-04-30');
    await fill('milestones-form-initiativeKeys', 'PAY-1');
    await click('milestones-form-submit');
    await app().getByTestId('milestone').waitFor();
    await click('milestones-agree');
    await click('milestones-agree-form-submit');
    await app()
      .getByTestId('milestones-agreement')
      .filter({ hasText: /^Agreed by/ })
      .waitFor();

    await click('risks-add');
    await fill('risks-form-title', 'Payment provider contract late');
    await select('risks-form-probability', '4');
    await select('risks-form-impact', '5');
    await click('risks-form-submit');
    await app().getByTestId('heat-cell-5-4').filter({ hasText: /^1$/ }).waitFor();

    await app().getByTestId('stage-gate-missing').waitFor({ state: 'detached' });
    await click('stage-move-next');
    await app().locator('[data-testid="stage-step-planning"][aria-current="step"]').waitFor();
    await suite.page.screenshot({ path: path.join(resultsDir, 'initiation-tpm.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the stakeholder the program read-only and refuses every write they try', async () => {
    await suite.page.goto(`${suite.stack.url}/?as=stakeholder%40example.com`);
    await click(`open-program-${PROGRAM_ID}`);
    await app().getByTestId('read-only-note').waitFor({ timeout: 30_000 });
    await expect(app().getByTestId('goal').count()).resolves.toBe(1);
    for (const button of ['description-edit', 'goals-add', 'risks-add', 'parties-edit', 'stage-move-next'])
      await expect(app().getByTestId(button).count()).resolves.toBe(0);

    const invokeAs = async (key: string, payload: Record<string, unknown>) =>
      (await (
        await fetch(`${suite.stack.url}/__dev/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key, payload, accountId: 'stakeholder@example.com' }),
        })
      ).json()) as { success: boolean; errors?: { errorType: string }[] };
    const writes: [string, Record<string, unknown>][] = [
      ['program/update', { programId: PROGRAM_ID, expectedVersion: 1, changes: { description: 'x' } }],
      [
        'program/goals/save',
        {
          programId: PROGRAM_ID,
          fields: { statement: 's', metric: '', baseline: '', target: '', dueDate: '2027-01-01' },
        },
      ],
      [
        'program/risks/save',
        {
          programId: PROGRAM_ID,
          fields: {
            title: 'r',
            probability: 1,
            impact: 1,
            ownerAccountId: null,
            mitigation: '',
            status: 'open',
          },
        },
      ],
      [
        'program/stage/move',
        { programId: PROGRAM_ID, expectedVersion: 1, to: 'execution', overrideReason: 'x' },
      ],
    ];
    for (const [key, payload] of writes) {
      const answer = await invokeAs(key, payload);
      expect({ key, errorType: answer.errors?.[0]?.errorType }).toEqual({ key, errorType: 'FORBIDDEN' });
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
