// The Dependencies tab in a real browser: the demo program's seeded cross-team cycle is named with the
// Jira links behind it, the graph is laid out (ELK, under the Custom UI CSP) and a node opens its issue.
import path from 'node:path';
import { DEMO_PROGRAM } from '../../dev/seed';
import { describeInBrowser } from './browser';

/** Every way of writing a cycle [a, b, c, a] as a path, whichever initiative it starts from. */
function rotations(cycle: readonly string[]): string[] {
  const ring = cycle.slice(0, -1);
  return ring.map((_, start) => {
    const rotated = [...ring.slice(start), ...ring.slice(0, start)];
    return [...rotated, rotated[0]].join(' → ');
  });
}

describeInBrowser(
  'Dependencies tab in a browser',
  { consoleProblems: /Content Security Policy|Refused to|unsafe-eval/i },
  (suite) => {
    const { app, problems, resultsDir } = suite;

    async function openDependencies(): Promise<void> {
      await suite.page.goto(`${suite.stack.url}/?as=tpm%40example.com`);
      await app().getByTestId(`open-program-${DEMO_PROGRAM.id}`).click({ timeout: 30_000 });
      await app().getByTestId('tab-dependencies').click({ timeout: 30_000 });
      await app()
        .locator('[data-testid="dependency-summary"], [data-testid="load-error"]')
        .first()
        .waitFor({ timeout: 30_000 });
      const error = app().getByTestId('load-error');
      if ((await error.count()) > 0) {
        await suite.page.screenshot({ path: path.join(resultsDir, 'dependencies-error.png') });
        throw new Error(`The Dependencies tab shows an error: ${await error.textContent()}`);
      }
    }

    it('names the seeded cross-team cycle with the Jira links behind each step', async () => {
      const { cycle } = suite.site.program;
      expect(cycle.length).toBeGreaterThan(2);
      await openDependencies();

      const cycles = app().locator('[data-testid^="dependency-cycle-"]');
      const texts = await cycles.allTextContents();
      const named = texts.find((text) => rotations(cycle).some((written) => text.includes(written)));
      expect(named).toBeDefined();
      // One line per step of the cycle, each with the link(s) it rests on.
      for (let i = 0; i + 1 < cycle.length; i++)
        expect(named).toMatch(new RegExp(`${cycle[i]} blocks ${cycle[i + 1]} \\(`));
      await expect(app().getByTestId('dependency-summary').textContent()).resolves.toMatch(/\d+ cycles? /);
    }, 90_000);

    it('draws the graph with every initiative of the cycle highlighted, and a table of the same edges', async () => {
      await openDependencies();
      const graph = app().getByTestId('dependency-graph');
      await graph.waitFor({ timeout: 30_000 });
      const nodes = app().locator('[data-testid^="dependency-node-"]');
      expect(await nodes.count()).toBeGreaterThan(10);
      for (const key of new Set(suite.site.program.cycle))
        await expect(app().getByTestId(`dependency-node-${key}`).getAttribute('data-on-cycle')).resolves.toBe(
          'true',
        );
      const cycle = suite.site.program.cycle;
      for (let i = 0; i + 1 < cycle.length; i++)
        await expect(
          app()
            .getByTestId(`dependency-edge-${cycle[i]}->${cycle[i + 1]}`)
            .getAttribute('data-on-cycle'),
        ).resolves.toBe('true');
      const edges = app().locator(
        '[data-testid^="dependency-edge-"]:not([data-testid^="dependency-edge-row-"])',
      );
      expect(await edges.count()).toBeGreaterThan(0);
      expect(await app().locator('[data-testid^="dependency-edge-row-"]').count()).toBeGreaterThan(0);
      await suite.page.screenshot({ path: path.join(resultsDir, 'dependencies-tab.png'), fullPage: true });
      expect(problems).toEqual([]);
    }, 90_000);

    it('opens an initiative’s issue in Jira when its node is clicked', async () => {
      const [key] = suite.site.program.cycle;
      if (!key) throw new Error('The demo program has no cycle.');
      await openDependencies();
      await app().getByTestId(`dependency-node-${key}`).click();
      // The toast appears after the bridge's postMessage round trip: wait for it rather than read at once.
      const toast = suite.page.locator('#host-toast', { hasText: `issue ${key}` });
      await toast.waitFor({ state: 'visible', timeout: 15_000 });
      await expect(toast.textContent()).resolves.toContain(`issue ${key}`);
    }, 90_000);
  },
);
