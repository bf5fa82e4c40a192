import path from 'node:path';
import { DEMO_OPTIONS, DEMO_PROGRAM, DEMO_USERS, type SiteData } from '../../dev/seed';
import { describeInBrowser, whenDrawn } from './browser';

interface ExpectedInitiative {
  key: string;
  summary: string;
  team: string;
  status: string;
  childrenDone: number;
  childrenTotal: number;
}

/** What the page should show a user, worked out from the emulated site's own data, not from the app. */
function expectedInitiatives(site: SiteData, email: string): ExpectedInitiative[] {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  const issues = new Map(site.issues.map((issue) => [issue.key, issue]));
  const statuses = new Map(site.statuses.map((status) => [status.id, status]));
  const teams = new Map(site.teams.map((team) => [team.id, team.name]));
  const projects = new Map(site.projects.map((project) => [project.key, project.name]));
  const canBrowse = (projectKey: string) =>
    user.browseProjects === 'all' || user.browseProjects.includes(projectKey);

  return site.program.epicKeys.flatMap((key) => {
    const epic = issues.get(key);
    if (!epic || !canBrowse(epic.projectKey)) return [];
    const children = site.issues.filter((issue) => issue.parentKey === key || issue.epicLinkKey === key);
    return [
      {
        key,
        summary: epic.summary,
        team:
          (epic.teamId ? teams.get(epic.teamId) : undefined) ??
          projects.get(epic.projectKey) ??
          epic.projectKey,
        status: statuses.get(epic.statusId)?.name ?? '?',
        childrenDone: children.filter((child) => statuses.get(child.statusId)?.category.key === 'done')
          .length,
        childrenTotal: children.length,
      },
    ];
  });
}

describeInBrowser('Programs page in a browser', { viewport: { width: 1440, height: 1100 } }, (suite) => {
  const { app, resultsDir, problems: browserProblems } = suite;

  /** Waits until the page has settled on initiatives, an empty program or an error; fails fast on an error. */
  async function waitForInitiatives(): Promise<void> {
    // The page opens on the Programs list: open the demo program, then its Scope tab.
    await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
    await app().getByTestId('tab-scope').click({ timeout: 30_000 });
    const settled = app().locator(
      '[data-testid="initiatives-summary"], [data-testid="initiatives-empty"], [data-testid="load-error"]',
    );
    await settled.first().waitFor({ timeout: 30_000 });
    const error = app().getByTestId('load-error');
    if ((await error.count()) > 0) {
      await suite.page.screenshot({ path: path.join(resultsDir, 'programs-page-error.png') });
      throw new Error(`The Programs page shows an error: ${await error.textContent()}`);
    }
  }

  async function openAs(email: string): Promise<void> {
    await suite.page.goto(`${suite.stack.url}/?as=${encodeURIComponent(email)}`);
    await waitForInitiatives();
  }

  it('shows the TPM every epic of the demo program, with team, status lozenge and child progress', async () => {
    const expected = expectedInitiatives(suite.site, 'tpm@example.com');
    const teamCount = new Set(expected.map((initiative) => initiative.team)).size;
    expect(expected.length).toBeGreaterThan(20);

    await openAs('tpm@example.com');

    await expect(app().getByTestId('initiatives-summary').textContent()).resolves.toMatch(
      new RegExp(
        `^${expected.length} initiatives across ${teamCount} teams · \\d+% of \\d+ child issues done$`,
      ),
    );
    await whenDrawn(app());
    await expect(app().locator('[data-testid^="initiative-row-"]').count()).resolves.toBe(
      Math.min(expected.length, 50),
    );

    const withChildren =
      expected.find((initiative) => initiative.childrenTotal > 0 && initiative.childrenDone > 0) ??
      expected[0];
    for (const initiative of [expected[0], withChildren, expected[expected.length - 1]]) {
      if (!initiative) continue;
      const row = app().getByTestId(`initiative-row-${initiative.key}`);
      await expect(row.textContent()).resolves.toContain(initiative.summary);
      await expect(row.textContent()).resolves.toContain(initiative.team);
      await expect(app().getByTestId(`initiative-status-${initiative.key}`).textContent()).resolves.toBe(
        initiative.status,
      );
      const progress =
        initiative.childrenTotal > 0
          ? `${initiative.childrenDone} of ${initiative.childrenTotal} done`
          : 'No child issues';
      await expect(row.textContent()).resolves.toContain(progress);
    }

    if (withChildren && withChildren.childrenTotal > 0) {
      const bar = app().getByTestId(`initiative-row-${withChildren.key}`).getByRole('progressbar');
      await expect(bar.getAttribute('aria-valuenow')).resolves.toBe(
        String(withChildren.childrenDone / withChildren.childrenTotal),
      );
    }

    await suite.page.screenshot({ path: path.join(resultsDir, 'programs-page.png') });
    expect(browserProblems).toEqual([]);
  }, 60_000);

  it('shows the contractor, who can browse one project, only that project’s initiatives', async () => {
    const everyone = expectedInitiatives(suite.site, 'tpm@example.com');
    const expected = expectedInitiatives(suite.site, 'contractor@example.com');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everyone.length);

    await openAs('tpm@example.com');
    await suite.page.selectOption('#acting-user', 'contractor@example.com');
    await suite.page.waitForURL(/as=contractor%40example\.com/);
    await waitForInitiatives();

    await expect(app().getByTestId('initiatives-summary').textContent()).resolves.toMatch(
      new RegExp(`^${expected.length} initiatives? across `),
    );
    const keys = await app()
      .locator('[data-testid^="initiative-row-"]')
      .evaluateAll((rows) =>
        rows.map((row) => row.getAttribute('data-testid')?.replace('initiative-row-', '')),
      );
    expect(keys.sort()).toEqual(expected.map((initiative) => initiative.key).sort());

    // The Overview says how many issues of other projects it leaves out; a reader is not told about saving.
    await app().getByTestId('tab-overview').click();
    const note = app().getByTestId('hidden-issues-note');
    await note.waitFor({ timeout: 30_000 });
    expect(Number(await note.getAttribute('data-count'))).toBeGreaterThan(0);
    await expect(note.textContent()).resolves.toMatch(
      / in projects you cannot browse in Jira (is|are) left out here\.$/,
    );

    await suite.page.screenshot({ path: path.join(resultsDir, 'programs-page-contractor.png') });
    expect(browserProblems).toEqual([]);
  }, 60_000);

  it('sorts initiatives by team from the keyboard', async () => {
    const expected = expectedInitiatives(suite.site, 'tpm@example.com');
    const teamsInOrder = [...new Set(expected.map((initiative) => initiative.team))].sort((a, b) =>
      a.localeCompare(b),
    );
    await openAs('tpm@example.com');

    const teamOfFirstRow = async () => {
      const key = (
        await app().locator('[data-testid^="initiative-row-"]').first().getAttribute('data-testid')
      )?.replace('initiative-row-', '');
      return expected.find((initiative) => initiative.key === key)?.team;
    };
    // Keys sort the demo's teams alphabetically already, so descending order is what proves the sort.
    await app().getByRole('button', { name: /^Team/ }).focus();
    await suite.page.keyboard.press('Enter');
    await expect(teamOfFirstRow()).resolves.toBe(teamsInOrder[0]);
    await suite.page.keyboard.press('Enter');
    await expect(teamOfFirstRow()).resolves.toBe(teamsInOrder[teamsInOrder.length - 1]);
  }, 60_000);

  it('opens an issue through the Forge router, which the host page receives', async () => {
    const [first] = expectedInitiatives(suite.site, 'tpm@example.com');
    if (!first) throw new Error('The demo program has no initiatives.');
    await openAs('tpm@example.com');

    await app().getByRole('link', { name: first.key, exact: true }).click();

    // The toast appears after the bridge's postMessage round trip: wait for it rather than read at once.
    const toast = suite.page.locator('#host-toast', { hasText: `issue ${first.key}` });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(toast.textContent()).resolves.toContain(`issue ${first.key}`);
  }, 60_000);

  it('asks the emulator only for endpoints it models', async () => {
    const stats = (await (await fetch(`${suite.stack.emulatorUrl}/__emulator/stats`)).json()) as {
      unmodelled: Record<string, number>;
    };
    expect(stats.unmodelled).toEqual({});
  });

  // Last: it regenerates the emulated site with a larger program.
  it('pages through a large program 50 initiatives at a time', async () => {
    suite.stack.emulator?.reset({ ...DEMO_OPTIONS, epics: 150 });
    const site = suite.stack.emulator?.site() ?? suite.site;
    const expected = expectedInitiatives(site, 'tpm@example.com');
    expect(expected.length).toBeGreaterThan(50);

    await openAs('tpm@example.com');
    await expect(app().getByTestId('initiatives-summary').textContent()).resolves.toMatch(
      new RegExp(`^${expected.length} initiatives `),
    );
    const rows = app().locator('[data-testid^="initiative-row-"]');
    await whenDrawn(app());
    await expect(rows.count()).resolves.toBe(50);

    const lastPage = Math.ceil(expected.length / 50);
    await app()
      .getByRole('button', { name: `page ${lastPage}` })
      .click();
    await expect(rows.count()).resolves.toBe(expected.length - (lastPage - 1) * 50);
  }, 60_000);
});
