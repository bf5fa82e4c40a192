// Publishing end to end: real resolvers, services and adapters against the emulator's Confluence.
import type { Exchange } from '../../dev/emulator/server';
import { manifestConsumers } from '../../dev/runtime';
import type { Page } from '../../dev/seed';
import type { PublishRun } from '../../src/contract';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import * as app from '../../src/index';
import { publishScheduled } from '../../src/triggers/publish-scheduled';
import { validateRequest, validateResponse } from '../contract/openapi';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());
afterEach(async () => stack.faults({}));

const PROGRAM = 'prog-atlas';
const TPM = 'tpm@example.com';

function progSpace() {
  const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG');
  if (!space) throw new Error('no PROG space');
  return space;
}

async function configure(programId = PROGRAM): Promise<void> {
  const space = progSpace();
  const saved = await stack.invoke('publish/target/save', {
    programId,
    spaceId: space.id,
    parentPageId: space.homepageId,
    reportCadence: 'weekly',
  });
  if (!saved.success) throw new Error(JSON.stringify(saved.errors));
}

async function publish(email = TPM): Promise<PublishRun> {
  const envelope = await stack.invoke('publish/now', { programId: PROGRAM }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

/** Changes the description (the charter) and adds a high risk by that name (every page shows it). */
async function editDescription(description: string): Promise<void> {
  await stack.runtime.runAsUser(accountIdOf(TPM), async () => {
    const store = new KvsProgramStore();
    const program = (await store.get(PROGRAM))!;
    await store.update({ ...program, description }, program.version);
    await store.createItem(PROGRAM, 'risk', {
      id: `risk-${stack.exchanges.length}`,
      title: description,
      probability: 5,
      impact: 5,
      ownerAccountId: null,
      mitigation: '',
      status: 'open',
      source: 'manual',
    });
  });
}

const CORE = ['charter', 'status', 'risk-report'];
/** The pages every program gets (quarter plan pages come with the plans). */
const core = (run: PublishRun) => run.pages.filter((p) => CORE.includes(p.artifact));
const outcomes = (run: PublishRun) => core(run).map((p) => p.outcome);

const isWrite = (x: Exchange) => x.method !== 'GET' && x.path.startsWith('/wiki/');
const writesSince = (mark: number) => stack.exchanges.slice(mark).filter(isWrite);
const pageById = (id: string) => stack.emulator.site().pages.find((p) => p.id === id)!;
const appPages = () =>
  stack.emulator
    .site()
    .pages.filter((p) => p.status === 'current' && p.properties.some((x) => x.key === 'programs-app'));

/** Pages of the program's tree, by title: each title exactly once. */
function expectNoDuplicates(): void {
  const titles = stack.emulator
    .site()
    .pages.filter((p) => p.status === 'current' && p.title.startsWith('Atlas'))
    .map((p) => p.title);
  expect(new Set(titles).size).toBe(titles.length);
}

/** A person saves the page in Confluence (not the app): their paragraph goes after everything. */
async function personEdits(pageId: string, paragraph: string, email = 'sponsor@example.com'): Promise<void> {
  const page = pageById(pageId);
  const response = await fetch(`${stack.emulator.url}/wiki/api/v2/pages/${pageId}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from(`${email}:demo`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      id: pageId,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: `<p>${paragraph} (top)</p>${page.body}<p>${paragraph}</p>` },
      version: { number: page.version.number + 1 },
    }),
  });
  if (!response.ok) throw new Error(`person edit: ${response.status}`);
}

/** Runs `edit` once, right after the app next reads the page (between its read and its write). */
function onNextRead(pageId: string, edit: (page: Page) => void): void {
  const push = stack.exchanges.push.bind(stack.exchanges);
  let done = false;
  stack.exchanges.push = (...items: Exchange[]) => {
    for (const x of items)
      if (!done && x.operationId === 'getPageById' && x.path.endsWith(`/pages/${pageId}`)) {
        done = true;
        edit(pageById(pageId));
      }
    return push(...items);
  };
}

describe('publishing a program to Confluence', () => {
  let first: PublishRun;

  beforeAll(async () => {
    await configure();
    first = await publish();
  });

  it('creates the charter under the chosen parent and the status and risk reports under the charter', () => {
    expect(core(first).map((p) => [p.artifact, p.outcome])).toEqual([
      ['charter', 'created'],
      ['status', 'created'],
      ['risk-report', 'created'],
    ]);
    const charter = pageById(first.pages[0]!.pageId);
    expect(charter.parentId).toBe(progSpace().homepageId);
    expect(charter.title).toMatch(/ — Program charter$/);
    for (const page of first.pages.slice(1)) expect(pageById(page.pageId).parentId).toBe(charter.id);
    expect(first.pages.every((p) => p.url.startsWith(stack.emulator.url))).toBe(true);
  });

  it('gives the status report the execution status: RAG reasons, what limits them, story points done', () => {
    const status = pageById(first.pages[1]!.pageId);
    expect(status.body).toContain('Story points done');
    // The demo here has no plan in force yet: the report says so rather than guessing.
    expect(status.body).toContain('No quarter plan is in force');
  });

  it('reads the program scope from Jira once per publish, however many pages need it', () => {
    const scopeSearches = stack.exchanges.filter((x) =>
      JSON.stringify([x.query, x.requestBody]).includes('programs.membership'),
    );
    expect(scopeSearches).toHaveLength(1);
  });

  it('uploads the charts as attachments the pages show', () => {
    const site = stack.emulator.site();
    const charter = pageById(first.pages[0]!.pageId);
    expect(charter.body).toContain('<ri:attachment ri:filename="risk-heat-map.svg" />');
    const files = site.attachments.filter((a) => a.pageId === charter.id).map((a) => a.title);
    expect(files).toEqual(['risk-heat-map.svg']);
  });

  it('marks each page as the app’s with a content property naming the program and artifact', () => {
    const owners = appPages().map((p) => p.properties.find((x) => x.key === 'programs-app')!.value);
    expect(owners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ programId: PROGRAM, artifact: 'charter', period: null }),
        expect.objectContaining({ programId: PROGRAM, artifact: 'status', period: first.period }),
        expect.objectContaining({ programId: PROGRAM, artifact: 'risk-report', period: null }),
      ]),
    );
  });

  it('writes nothing when nothing changed', async () => {
    const mark = stack.exchanges.length;
    const run = await publish();
    expect(run.pages.map((p) => p.outcome)).toEqual(run.pages.map(() => 'unchanged'));
    expect(writesSince(mark)).toEqual([]);
  });

  it('keeps what a person wrote outside the managed section and updates the section itself', async () => {
    const charterId = first.pages[0]!.pageId;
    await personEdits(charterId, 'Sponsor note: budget approved');
    await editDescription('Payments and identity, rebuilt for 2027.');
    const run = await publish();
    expect(run.pages[0]).toMatchObject({ pageId: charterId, outcome: 'updated' });
    const body = pageById(charterId).body;
    expect(body).toContain('<p>Sponsor note: budget approved (top)</p>');
    expect(body).toContain('<p>Sponsor note: budget approved</p>');
    expect(body).toContain('Payments and identity, rebuilt for 2027.');
    expect(body.match(/programs-app-managed/g)).toHaveLength(1);
  });

  it('re-reads and keeps a person’s save that lands between its read and its write (409)', async () => {
    const statusId = first.pages[1]!.pageId;
    onNextRead(statusId, (page) => {
      page.body = `${page.body}<p>Raced in by Sam</p>`;
      page.version = { ...page.version, number: page.version.number + 1 };
    });
    await editDescription('A new description, raced.');
    const mark = stack.exchanges.length;
    const run = await publish();
    expect(run.pages[1]).toMatchObject({ pageId: statusId, outcome: 'updated' });
    expect(stack.exchanges.slice(mark).some((x) => x.operationId === 'updatePage' && x.status === 409)).toBe(
      true,
    );
    const body = pageById(statusId).body;
    expect(body).toContain('<p>Raced in by Sam</p>');
    expect(body).toContain('A new description, raced.');
    expectNoDuplicates();
  });

  it('rides out 429 with Retry-After and 5xx on reads and updates, ending with every page once', async () => {
    await stack.faults({
      '*': { status: 429, rate: 0.3, retryAfterS: 0 },
      updatePage: { status: 503, rate: 0.5 },
    });
    await editDescription('Published through faults.');
    const run = await publish();
    expect(outcomes(run)).toEqual(['updated', 'updated', 'updated']);
    expect(pageById(run.pages[0]!.pageId).body).toContain('Published through faults.');
    expectNoDuplicates();
  });

  it('fails cleanly when creates keep failing and leaves no half page or duplicate on the next run', async () => {
    await editDescription('Another program state.');
    // A fresh period: a new status page must be created, and the create answers 500 every time.
    await stack.invoke('publish/target/save', {
      programId: PROGRAM,
      spaceId: progSpace().id,
      parentPageId: progSpace().homepageId,
      reportCadence: 'monthly',
    });
    await stack.faults({ createPage: { status: 500, rate: 1 } });
    const failed = await stack.invoke('publish/now', { programId: PROGRAM });
    expect(failed.success).toBe(false);
    if (!failed.success) expect(failed.errors[0]?.errorType).toBe('UPSTREAM');
    await stack.faults({});
    const run = await publish();
    expect(run.pages.find((p) => p.artifact === 'status')?.outcome).toBe('created');
    expectNoDuplicates();
  });

  it('finds its pages through the recorded page id while the title search is unavailable or lagging', async () => {
    await stack.faults({ getPages: { status: 503, rate: 1 } });
    const mark = stack.exchanges.length;
    const run = await publish();
    expect(run.pages.map((p) => p.outcome)).toEqual(run.pages.map(() => 'unchanged'));
    expect(stack.exchanges.slice(mark).some((x) => x.operationId === 'getPages')).toBe(false);
  });

  it('adopts its page by title and property when the recorded id is lost, instead of creating another', async () => {
    await stack.runtime.runAsUser(accountIdOf(TPM), async () => {
      const { kvs } = await import('@forge/kvs');
      await kvs.delete(`publish-page:${PROGRAM}:charter:single`);
    });
    const run = await publish();
    expect(run.pages[0]).toMatchObject({ pageId: first.pages[0]!.pageId, outcome: 'unchanged' });
    expectNoDuplicates();
  });

  it('never takes over a page with the same title that a person wrote', async () => {
    const space = progSpace();
    await stack.runtime.runAsUser(accountIdOf(TPM), async () => {
      const { kvs } = await import('@forge/kvs');
      await kvs.delete(`publish-page:${PROGRAM}:risk-report:single`);
    });
    const risk = pageById(first.pages[2]!.pageId);
    const ownedBody = risk.body;
    risk.properties = [];
    risk.body = '<p>Our own risk notes</p>';
    const envelope = await stack.invoke('publish/now', { programId: PROGRAM });
    expect(envelope.success ? undefined : envelope.errors[0]?.message).toMatch(/already exists/);
    expect(risk.body).toBe('<p>Our own risk notes</p>');
    risk.body = ownedBody;
    expect(space.id).toBeDefined();
  });

  it('two publishes at once end with every page once', async () => {
    const fresh = stack.emulator.site().pages.find((p) => p.id === first.pages[2]!.pageId)!;
    fresh.status = 'trashed';
    await Promise.all([publish(), publish()].map((p) => p.catch(() => undefined)));
    const run = await publish();
    expect(run.pages.map((p) => p.outcome)).toEqual(run.pages.map(() => 'unchanged'));
    expectNoDuplicates();
  });

  it('shows the publish history with who, when and the pages', async () => {
    const envelope = await stack.invoke('publish/get', { programId: PROGRAM }, 'stakeholder@example.com');
    if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
    expect(envelope.data.canPublish).toBe(false);
    expect(envelope.data.history[0]).toMatchObject({ trigger: 'manual', by: accountIdOf(TPM) });
    expect(envelope.data.history[0]?.pages.map((p) => p.artifact)).toEqual(
      expect.arrayContaining(['charter', 'status', 'risk-report']),
    );
  });

  it('refuses a stakeholder who tries to publish or move the pages, and writes nothing', async () => {
    const mark = stack.exchanges.length;
    const published = await stack.invoke('publish/now', { programId: PROGRAM }, 'stakeholder@example.com');
    expect(published.success ? undefined : published.errors[0]?.errorType).toBe('FORBIDDEN');
    const moved = await stack.invoke(
      'publish/target/save',
      {
        programId: PROGRAM,
        spaceId: progSpace().id,
        parentPageId: progSpace().homepageId,
        reportCadence: 'weekly',
      },
      'stakeholder@example.com',
    );
    expect(moved.success ? undefined : moved.errors[0]?.errorType).toBe('FORBIDDEN');
    expect(writesSince(mark)).toEqual([]);
  });

  it('offers the spaces the owner can see, each with its home page as the default parent', async () => {
    const envelope = await stack.invoke('publish/spaces', { programId: PROGRAM });
    if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
    expect(envelope.data.spaces).toContainEqual(
      expect.objectContaining({ key: 'PROG', id: progSpace().id, homepageId: progSpace().homepageId }),
    );
  });

  it('refuses a parent page from another space', async () => {
    const eng = stack.emulator.site().spaces.find((s) => s.key === 'ENG')!;
    const saved = await stack.invoke('publish/target/save', {
      programId: PROGRAM,
      spaceId: progSpace().id,
      parentPageId: eng.homepageId,
      reportCadence: 'weekly',
    });
    expect(saved.success ? undefined : saved.errors[0]).toMatchObject({
      errorType: 'VALIDATION',
      path: 'parentPageId',
    });
  });
});

describe('the quarter plan page', () => {
  it('publishes each quarter plan under the charter with its schedule, commitments and timeline chart', async () => {
    const quarter = '2027-Q1';
    // The demo program may already have this plan: either way there is one to publish.
    await stack.invoke('plan/create', { programId: PROGRAM, quarter, calendar: { source: 'generated' } });
    const run = await publish();
    const page = run.pages.find((p) => p.artifact === 'quarter-plan' && p.period === quarter);
    expect(page).toBeDefined();
    const stored = pageById(page!.pageId);
    expect(stored.title).toMatch(new RegExp(` — Quarter plan ${quarter}$`));
    expect(stored.parentId).toBe(run.pages.find((p) => p.artifact === 'charter')?.pageId);
    expect(stored.body).toContain('Dependencies and commitments');
    expect(stored.body).toContain(`<ri:attachment ri:filename="sprint-timeline-${quarter}.svg" />`);
    const again = await publish();
    expect(again.pages.find((p) => p.artifact === 'quarter-plan')?.outcome).toBe('unchanged');
  });
});

describe('the weekly scheduled trigger', () => {
  it('publishes one status page per period as the app through the publish queue, and a second firing writes nothing', async () => {
    await configure();
    for (const consumer of manifestConsumers(app)) stack.runtime.queues.subscribe(consumer);
    const before = appPages().filter((p) => p.title.includes('Status report')).length;
    const mark = stack.exchanges.length;
    const firstRun = await stack.runtime.runTrigger(publishScheduled);
    expect(firstRun.notQueued).toEqual([]);
    expect(firstRun.queued.map((r) => r.programId)).toContain(PROGRAM);
    expect((await stack.runtime.queues.drain()).failed).toBe(0);
    const afterFirst = stack.exchanges.length;
    const second = await stack.runtime.runTrigger(publishScheduled);
    expect(second.queued).toEqual([]);
    expect(second.skipped).toContain(PROGRAM);
    await stack.runtime.queues.drain();
    expect(writesSince(afterFirst)).toEqual([]);
    const statusPages = appPages().filter((p) => p.title.includes('Status report'));
    expect(statusPages.length - before).toBeLessThanOrEqual(1);
    expect(
      stack.exchanges.slice(mark).some((x) => x.requestHeaders.authorization?.startsWith('Bearer')),
    ).toBe(true);
    expectNoDuplicates();
  });
});

describe('the Confluence contract', () => {
  it('sends only requests the published specs allow and gets answers they describe', async () => {
    const problems: string[] = [];
    for (const x of stack.exchanges.filter((e) => e.path.startsWith('/wiki/'))) {
      const contentType = x.requestHeaders['content-type'];
      problems.push(
        ...validateRequest({
          method: x.method,
          path: x.path,
          query: x.query,
          body: x.requestBody,
          ...(contentType ? { contentType } : {}),
        }),
      );
      if (x.status < 500 && x.status !== 429)
        problems.push(
          ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
        );
    }
    expect(problems).toEqual([]);
    expect((await stack.stats()).unmodelled).toEqual({});
  });
});
