// The Confluence status macro on the emulator: snapshot built as the app, card filtered per viewer.
import { KvsSnapshotStore } from '../../src/adapters/storage/snapshot-store';
import type { MacroStatus, StatusCard } from '../../src/contract';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { startAppStack, type AppStack } from '../support/app-stack';
import { handler } from '../../src/index';
import { validateRequest, validateResponse } from '../contract/openapi';

let stack: AppStack;
const PROGRAM = 'prog-atlas';

const macroOn = (config: Record<string, unknown> = { programId: PROGRAM }) => ({
  moduleKey: 'status-macro',
  extension: { type: 'macro', config },
});

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());

async function statusAs(email: string): Promise<MacroStatus> {
  const envelope = await stack.invoke('macro/status', {}, email, macroOn());
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

async function cardAs(email: string): Promise<StatusCard> {
  const status = await statusAs(email);
  if (status.access !== 'granted') throw new Error(`no access for ${email}`);
  return status.card;
}

const programEpicKeys = () => stack.emulator.site().program.epicKeys;
const snapshotKeys = () =>
  Object.keys(stack.runtime.kvs.snapshot().kvs).filter((k) => k.startsWith(`macro-snapshot:${PROGRAM}`));

describe('status macro', () => {
  it('builds the snapshot as the app and shows the TPM every initiative of the program', async () => {
    const from = stack.exchanges.length;
    const card = await cardAs('tpm@example.com');
    expect(card.program).toMatchObject({ id: PROGRAM, name: expect.any(String), stage: 'initiation' });
    expect(card.initiatives.total).toBe(programEpicKeys().length);
    expect(card.hiddenInitiatives).toBe(0);
    expect(card.projects.map((p) => p.projectKey)).toEqual(
      expect.arrayContaining(['PAY', 'ID', 'MOB', 'DATA', 'PLAT']),
    );
    expect(['green', 'amber', 'red']).toContain(card.rag.status);
    expect(card.rag.reasons.length).toBeGreaterThan(0);
    expect(card.topRisks.length).toBeGreaterThan(0);
    // The scope was searched as the app (Bearer), not as the TPM (Basic).
    const searches = stack.exchanges
      .slice(from)
      .filter((x) => x.operationId === 'searchAndReconsileIssuesUsingJqlPost');
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((x) => x.requestHeaders.authorization?.startsWith('Bearer'))).toBe(true);
    expect(snapshotKeys().length).toBeGreaterThanOrEqual(2);
  });

  it('serves later views from the snapshot without searching Jira again', async () => {
    await cardAs('tpm@example.com');
    const before = (await stack.stats()).requests.searchAndReconsileIssuesUsingJqlPost ?? 0;
    await cardAs('sponsor@example.com');
    await cardAs('tpm@example.com');
    const after = (await stack.stats()).requests.searchAndReconsileIssuesUsingJqlPost ?? 0;
    expect(after).toBe(before);
  });

  it('shows the contractor only MOB initiatives and counts the others without naming them', async () => {
    const status = await statusAs('contractor@example.com');
    if (status.access !== 'granted') throw new Error('contractor is a stakeholder');
    const card = status.card;
    const mob = programEpicKeys().filter((k) => k.startsWith('MOB-')).length;
    expect(mob).toBeGreaterThan(0);
    expect(card.projects.map((p) => p.projectKey)).toEqual(['MOB']);
    expect(card.initiatives.total).toBe(mob);
    expect(card.hiddenInitiatives).toBe(programEpicKeys().length - mob);
    const text = JSON.stringify(status);
    for (const key of programEpicKeys().filter((k) => !k.startsWith('MOB-'))) expect(text).not.toContain(key);
    for (const project of ['PAY', 'ID', 'DATA', 'PLAT']) expect(text).not.toContain(`"${project}"`);
  });

  it('checks the viewer’s browse rights as the viewer, once per view at most', async () => {
    const start = stack.exchanges.length;
    await cardAs('lead.mobile@example.com');
    const checks = stack.exchanges.slice(start).filter((x) => x.operationId === 'getBulkPermissions');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.requestHeaders.authorization?.startsWith('Basic')).toBe(true);
    expect(JSON.stringify(checks[0]?.requestBody)).toContain('BROWSE_PROJECTS');
  });

  it('gives a viewer with no role in the program the no-access card and nothing of the program', async () => {
    const outsider = stack.emulator.site().users.find((u) => !u.email?.endsWith('@example.com'));
    const accountId = outsider?.accountId ?? 'no-such-account-in-program';
    const envelope = (await stack.runtime.invoke(handler, {
      key: 'macro/status',
      payload: {},
      accountId,
      context: macroOn(),
    })) as { success: boolean; data?: MacroStatus };
    expect(envelope.success).toBe(true);
    expect(envelope.data?.access).toBe('none');
    expect(JSON.stringify(envelope.data)).not.toContain('Atlas');
    expect(envelope.data && 'card' in envelope.data).toBe(false);
  });

  it('rebuilds a stale snapshot before showing it', async () => {
    const store = new KvsSnapshotStore();
    const current = await store.get(PROGRAM);
    if (!current) throw new Error('no snapshot');
    await store.put({ ...current, builtAt: '2020-01-01T00:00:00.000Z' });
    const card = await cardAs('tpm@example.com');
    expect(card.asOf > '2020-01-02').toBe(true);
    expect((await store.get(PROGRAM))?.builtAt).toBe(card.asOf);
  });

  it('refreshes every program from the scheduled trigger, idempotently when it fires twice', async () => {
    const first = await stack.runtime.runTrigger(refreshSnapshots);
    const keysAfterFirst = snapshotKeys().sort();
    const cardAfterFirst = await cardAs('tpm@example.com');
    const second = await stack.runtime.runTrigger(refreshSnapshots);
    expect(first.refreshed).toContain(PROGRAM);
    expect(second.refreshed).toEqual(first.refreshed);
    expect(second.failed).toEqual([]);
    expect(snapshotKeys().sort()).toEqual(keysAfterFirst);
    const cardAfterSecond = await cardAs('tpm@example.com');
    expect(cardAfterSecond.initiatives).toEqual(cardAfterFirst.initiatives);
    expect(cardAfterSecond.percentDone).toBe(cardAfterFirst.percentDone);
  });

  it('offers the refresh to the program’s owners only', async () => {
    const asTpm = await statusAs('tpm@example.com');
    const asStakeholder = await statusAs('stakeholder@example.com');
    expect(asTpm.access === 'granted' && asTpm.canRefresh).toBe(true);
    expect(asStakeholder.access === 'granted' && asStakeholder.canRefresh).toBe(false);
  });

  it('lets an owner refresh the snapshot and refuses a stakeholder', async () => {
    const ok = await stack.invoke('macro/snapshot/refresh', { programId: PROGRAM }, 'tpm@example.com');
    expect(ok.success && ok.data.initiatives).toBe(programEpicKeys().length);
    const refused = await stack.invoke(
      'macro/snapshot/refresh',
      { programId: PROGRAM },
      'stakeholder@example.com',
    );
    expect(refused.success ? undefined : refused.errors[0]?.errorType).toBe('FORBIDDEN');
  });

  it('offers only the programs the configuring user may read', async () => {
    const asTpm = await stack.invoke('macro/programs', {}, 'tpm@example.com');
    expect(asTpm.success && asTpm.data.programs.map((p) => p.id)).toContain(PROGRAM);
    const envelope = (await stack.runtime.invoke(handler, {
      key: 'macro/programs',
      payload: {},
      accountId: 'someone-outside',
    })) as { success: boolean; data?: { programs: unknown[] } };
    expect(envelope.data?.programs).toEqual([]);
  });

  it.each([
    ['no config', undefined],
    ['a config without a program', {}],
    ['a program id that is not a slug', { programId: 'Not A Slug!' }],
  ])('answers VALIDATION for %s and changes nothing', async (_name, config) => {
    const before = snapshotKeys().length;
    const context =
      config === undefined ? { moduleKey: 'status-macro', extension: { type: 'macro' } } : macroOn(config);
    const envelope = await stack.invokeRaw('macro/status', {}, 'tpm@example.com', context);
    expect(envelope.success ? undefined : envelope.errors[0]).toMatchObject({
      errorType: 'VALIDATION',
      path: 'config.programId',
    });
    expect(snapshotKeys().length).toBe(before);
  });

  it('answers NOT_FOUND for a configured program that does not exist', async () => {
    const envelope = await stack.invoke(
      'macro/status',
      {},
      'tpm@example.com',
      macroOn({ programId: 'gone' }),
    );
    expect(envelope.success ? undefined : envelope.errors[0]?.errorType).toBe('NOT_FOUND');
  });

  it('refuses a payload the macro does not take', async () => {
    const envelope = await stack.invokeRaw(
      'macro/status',
      { programId: PROGRAM },
      'tpm@example.com',
      macroOn(),
    );
    expect(envelope.success ? undefined : envelope.errors[0]?.errorType).toBe('VALIDATION');
  });

  it('sends Jira only requests the official OpenAPI spec allows, and reads answers of its shape', async () => {
    await stack.invoke('macro/snapshot/refresh', { programId: PROGRAM }, 'tpm@example.com');
    const from = stack.exchanges.length;
    await stack.invoke('macro/snapshot/refresh', { programId: PROGRAM }, 'tpm@example.com');
    await cardAs('lead.platform@example.com');
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const x of stack.exchanges.slice(from)) {
      if (x.path.startsWith('/__emulator')) continue;
      seen.add(x.operationId);
      const contentType = x.requestHeaders['content-type'];
      problems.push(
        ...validateRequest({
          method: x.method,
          path: x.path,
          query: x.query,
          body: x.requestBody,
          ...(contentType ? { contentType } : {}),
        }),
        ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
      );
    }
    expect(problems).toEqual([]);
    expect([...seen]).toEqual(expect.arrayContaining(['searchProjects', 'getBulkPermissions']));
  });

  it('never asked the emulator for an operation it does not model', async () => {
    expect((await stack.stats()).unmodelled).toEqual({});
  });
});
