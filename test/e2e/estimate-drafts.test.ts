// Unsaved estimates in a real browser, on the demo program's plan: a TPM types estimates, looks at the Scope tab,
// leaves the program for the list, looks at another quarter and reloads the page, and finds them still in their
// cells, with a notice saying how many wait once they were read back from the tab's storage;
// one for an initiative taken out of the quarter meanwhile is dropped and counted. Discard removes them; a save
// the backend refuses keeps them, stored; a save that goes through puts them in the plan and out of the tab's
// sessionStorage.
import path from 'node:path';
import type { QuarterPlanView } from '../../src/contract';
import { DEMO_PROGRAM } from '../../dev/seed';
import {
  appFrame,
  describeInBrowser,
  devInvoke,
  failOnce,
  openProgramTab,
  runAxe,
  seriousViolations,
} from './browser';

const TPM = 'tpm@example.com';

interface Cell {
  initiativeKey: string;
  teamId: string;
}

describeInBrowser(
  'Unsaved estimates kept across tabs, quarters and reloads',
  { timeout: 180_000 },
  (suite) => {
    const { app, problems, resultsDir } = suite;

    const grid = () => app().getByTestId('plan-estimates');
    const notice = () => app().getByTestId('plan-estimates-earlier');
    const cellId = (cell: Cell) => `estimate-cell-${cell.initiativeKey}-${cell.teamId}`;

    const planOf = (quarter: string) =>
      devInvoke<QuarterPlanView>(suite.stack.url, 'plan/get', { programId: DEMO_PROGRAM.id, quarter }, TPM);

    /** The estimate drafts the app's frame holds in its sessionStorage, by key. */
    async function storedDrafts(): Promise<Record<string, unknown[]>> {
      const frame = await appFrame(suite.page);
      const entries = await frame.evaluate(() =>
        Object.entries(window.sessionStorage).filter(([key]) => key.startsWith('programs:estimate-drafts:')),
      );
      return Object.fromEntries(
        entries.map(([key, value]) => [key, (JSON.parse(value) as { drafts: unknown[] }).drafts]),
      );
    }

    async function typeSprints(cell: Cell, sprints: string, points?: string): Promise<void> {
      await app()
        .getByTestId(`${cellId(cell)}-edit`)
        .click();
      await app()
        .getByTestId(`${cellId(cell)}-sprints`)
        .fill(sprints);
      if (points !== undefined)
        await app()
          .getByTestId(`${cellId(cell)}-points`)
          .fill(points);
    }

    /** Waits for the cell to show an unsaved edit reading as `shown`. */
    async function expectUnsaved(cell: Cell, shown: RegExp): Promise<void> {
      await app()
        .locator(`[data-testid="${cellId(cell)}"][data-unsaved="true"]`)
        .waitFor();
      await expect(
        app()
          .getByTestId(`${cellId(cell)}-edit`)
          .textContent(),
      ).resolves.toMatch(shown);
    }

    /** Shows the Scope tab, then the Plan tab again. */
    async function showScopeThenPlan(): Promise<void> {
      await app().getByTestId('tab-scope').click();
      await app()
        .locator('[data-testid="initiatives-summary"], [data-testid="initiatives-empty"]')
        .first()
        .waitFor({ timeout: 30_000 });
      await app().getByTestId('tab-plan').click();
      await grid().waitFor({ timeout: 30_000 });
    }

    /** Back to the Programs list, which takes the program's tabs off the suite.page, then into the Plan tab again. */
    async function leaveProgramAndReturn(): Promise<void> {
      await app().getByTestId('back-to-programs').click();
      await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
      await app().getByTestId('tab-plan').click({ timeout: 30_000 });
      await grid().waitFor({ timeout: 30_000 });
    }

    it('keeps typed estimates through another tab, another quarter and a reload, until discarded or saved', async () => {
      await openProgramTab(suite.page, {
        stackUrl: suite.stack.url,
        email: TPM,
        programId: DEMO_PROGRAM.id,
        tab: 'plan',
        label: 'Plan',
        resultsDir,
      });
      await grid().waitFor({ timeout: 30_000 });
      const quarter = await app().getByTestId('plan-quarter').inputValue();
      const plan = await planOf(quarter);
      expect(plan.canEdit).toBe(true);
      // Three cells without an estimate, on the grid's first suite.page, each of another initiative.
      const estimated = new Set(plan.plan.estimates.map((e) => `${e.initiativeKey}|${e.teamId}`));
      const open = plan.plan.initiatives
        .slice(0, 50)
        .flatMap((i) => plan.teams.map((t) => ({ initiativeKey: i.key, teamId: t.id })))
        .filter((c) => !estimated.has(`${c.initiativeKey}|${c.teamId}`));
      const cells = open.filter(
        (c, i) => open.findIndex((other) => other.initiativeKey === c.initiativeKey) === i,
      );
      const [a, b, c] = cells;
      if (!a || !b || !c)
        throw new Error('The demo quarter has no three initiatives with a cell to estimate.');
      expect(await storedDrafts()).toEqual({});

      // Two estimates typed, not saved; the Scope tab shown, then the Plan tab again.
      await typeSprints(a, '2');
      await typeSprints(b, '3', '5');
      await expect(app().getByTestId('plan-estimates-pending').textContent()).resolves.toContain(
        '2 unsaved estimates',
      );
      await showScopeThenPlan();
      // The tab list keeps a visited tab on the page: the first cell shows its draft, the second's editor is open.
      await expectUnsaved(a, /^2 sprints.*unsaved/);
      await expect(
        app()
          .getByTestId(`${cellId(b)}-sprints`)
          .inputValue(),
      ).resolves.toBe('3');
      await expect(
        app()
          .getByTestId(`${cellId(b)}-points`)
          .inputValue(),
      ).resolves.toBe('5');
      await expect(app().getByTestId('plan-estimates-pending').textContent()).resolves.toContain(
        '2 unsaved estimates',
      );
      const stored = await storedDrafts();
      // Kept under the program, the quarter and the acting user.
      expect(Object.keys(stored)).toEqual([
        expect.stringMatching(
          new RegExp(`^programs:estimate-drafts:${encodeURIComponent(DEMO_PROGRAM.id)}:${quarter}:[^:]+$`),
        ),
      ]);
      expect(Object.values(stored).map((drafts) => drafts.length)).toEqual([2]);
      // The program left for the list and opened again: its tabs were off the suite.page, and the drafts come back.
      await leaveProgramAndReturn();
      await expect(notice().textContent()).resolves.toContain(
        'You have 2 unsaved estimates from earlier. Save them or discard them.',
      );
      await expectUnsaved(a, /^2 sprints.*unsaved/);
      await expectUnsaved(b, /^3 sprints · 5 pts.*unsaved/);
      // With the notice shown, the tab stays free of serious accessibility findings.
      expect(seriousViolations(await runAxe(await appFrame(suite.page)))).toEqual([]);
      await notice().scrollIntoViewIfNeeded();
      await suite.page.screenshot({ path: path.join(resultsDir, 'plan-estimates-earlier.png') });

      // A third, then another quarter and back: each quarter keeps its own, so all three are there.
      await typeSprints(c, '1');
      const [year, q] = quarter.split('-Q').map(Number) as [number, number];
      const next = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
      await app().getByTestId('plan-quarter').selectOption(next);
      await app()
        .locator('[data-testid="plan-missing"], [data-testid="plan-estimates"]')
        .first()
        .waitFor({ timeout: 30_000 });
      await expect(notice().count()).resolves.toBe(0);
      await app().getByTestId('plan-quarter').selectOption(quarter);
      await notice().filter({ hasText: 'You have 3 unsaved estimates from earlier.' }).waitFor();
      await expectUnsaved(c, /^1 sprint.*unsaved/);

      // Someone takes the third one's initiative out of the quarter; the page is reloaded.
      const current = await planOf(quarter);
      await devInvoke(
        suite.stack.url,
        'plan/initiatives/set',
        {
          programId: DEMO_PROGRAM.id,
          quarter,
          expectedVersion: current.plan.version,
          initiatives: current.plan.initiatives
            .filter((i) => i.key !== c.initiativeKey)
            .map((i) => ({ key: i.key, priority: i.priority })),
        },
        TPM,
      );
      await suite.page.reload();
      await grid().waitFor({ timeout: 30_000 });
      await notice().waitFor();
      await expect(notice().textContent()).resolves.toContain(
        'You have 2 unsaved estimates from earlier. Save them or discard them.',
      );
      await expect(notice().textContent()).resolves.toContain(
        '1 was for an initiative no longer in the quarter and was dropped.',
      );
      await expectUnsaved(a, /^2 sprints.*unsaved/);
      await expectUnsaved(b, /^3 sprints · 5 pts.*unsaved/);
      await expect(app().getByTestId(cellId(c)).count()).resolves.toBe(0);
      expect(Object.values(await storedDrafts()).map((drafts) => drafts.length)).toEqual([2]);

      // Discard: the drafts, the notice and what was stored are gone.
      await app().getByTestId('plan-estimates-earlier-discard').click();
      await notice().waitFor({ state: 'detached' });
      await app().getByTestId('plan-estimates-pending').waitFor({ state: 'detached' });
      for (const cell of [a, b])
        await expect(app().getByTestId(cellId(cell)).getAttribute('data-unsaved')).resolves.toBeNull();
      expect(await storedDrafts()).toEqual({});

      // Typed again and left: a save the backend refuses keeps them, in the cells and stored.
      await typeSprints(a, '2');
      await typeSprints(b, '3', '5');
      await leaveProgramAndReturn();
      await notice().filter({ hasText: 'You have 2 unsaved estimates from earlier.' }).waitFor();
      const refusal = await failOnce(
        suite.page,
        'plan/estimates/set',
        'CONFLICT',
        'Someone else changed this plan first.',
      );
      await app().getByTestId('plan-estimates-earlier-save').click();
      await app().getByTestId('plan-write-error').waitFor();
      await refusal.stop();
      expect(refusal.failures()).toBe(1);
      await grid().waitFor({ timeout: 30_000 });
      await notice().filter({ hasText: 'You have 2 unsaved estimates from earlier.' }).waitFor();
      await expectUnsaved(a, /^2 sprints.*unsaved/);
      await expectUnsaved(b, /^3 sprints · 5 pts.*unsaved/);
      expect(Object.values(await storedDrafts()).map((drafts) => drafts.length)).toEqual([2]);

      // Saved: the plan has them, and nothing is left stored.
      await app().getByTestId('plan-estimates-earlier-save').click();
      await notice().waitFor({ state: 'detached', timeout: 30_000 });
      await app().getByTestId('plan-estimates-pending').waitFor({ state: 'detached' });
      await app().getByTestId(cellId(b)).filter({ hasText: '5 pts' }).waitFor();
      const saved = (await planOf(quarter)).plan.estimates;
      expect(saved).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ ...a, sprints: 2 }),
          expect.objectContaining({ ...b, sprints: 3, storyPoints: 5 }),
        ]),
      );
      expect(await storedDrafts()).toEqual({});
      expect(problems).toEqual([]);
    }, 240_000);
  },
);
