import type { ProgramInitiatives } from '../../src/contract';
import { validateRequest, validateResponse } from '../contract/openapi';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());
afterEach(async () => stack.faults({}));

async function initiatives(email = 'tpm@example.com'): Promise<ProgramInitiatives> {
  const envelope = await stack.invoke('program/initiatives', { programId: 'prog-atlas' }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

describe('program/initiatives on the emulator', () => {
  it('lists every epic of the demo program with its team, status and child progress', async () => {
    const site = stack.emulator.site();
    const data = await initiatives();
    expect(data.program.name).toMatch(/Atlas/);
    expect(data.initiatives.map((i) => i.key).sort()).toEqual([...site.program.epicKeys].sort());
    for (const row of data.initiatives) {
      expect(row.team).not.toBe('');
      expect(row.children.total).toBe(row.children.done + row.children.inProgress + row.children.toDo);
    }
    expect(data.initiatives.reduce((n, i) => n + i.children.total, 0)).toBeGreaterThan(
      data.initiatives.length,
    );
  });

  it('counts children linked only through the legacy Epic Link field', async () => {
    const site = stack.emulator.site();
    const legacy = site.issues.filter((i) => i.epicLinkKey && !i.parentKey);
    expect(legacy.length).toBeGreaterThan(0);
    const data = await initiatives();
    const epic = data.initiatives.find((i) => i.key === legacy[0]!.epicLinkKey);
    const expected = site.issues.filter(
      (i) => i.parentKey === epic!.key || (i.epicLinkKey === epic!.key && !i.parentKey),
    ).length;
    expect(epic!.children.total).toBe(expected);
  });

  it('shows a viewer only the initiatives they can browse, without an error', async () => {
    const all = await initiatives('tpm@example.com');
    const limited = await initiatives('contractor@example.com');
    expect(limited.initiatives.length).toBeGreaterThan(0);
    expect(limited.initiatives.length).toBeLessThan(all.initiatives.length);
    expect(limited.initiatives.every((i) => i.key.startsWith('MOB-'))).toBe(true);
  });

  it('rides out rate limiting with Retry-After and still answers', async () => {
    await stack.faults({ bulkFetchIssues: { status: 429, rate: 0.5, retryAfterS: 0 } });
    const data = await initiatives();
    expect(data.initiatives.length).toBe(stack.emulator.site().program.epicKeys.length);
  });

  it('answers UPSTREAM, not a crash, when Jira keeps failing', async () => {
    await stack.faults({ searchAndReconsileIssuesUsingJqlPost: { status: 503, rate: 1, retryAfterS: 0 } });
    const envelope = await stack.invoke('program/initiatives', { programId: 'prog-atlas' });
    expect(envelope.success).toBe(false);
    if (!envelope.success) expect(envelope.errors[0]?.errorType).toBe('UPSTREAM');
  });

  it.each([
    [{}, 'programId'],
    [{ programId: '' }, 'programId'],
    [{ programId: 'Robert"); DROP' }, 'programId'],
    [{ programId: 'prog-atlas', extra: 1 }, ''],
  ])('rejects the payload %j with a VALIDATION error', async (payload, path) => {
    const envelope = await stack.invokeRaw('program/initiatives', payload);
    expect(envelope.success).toBe(false);
    if (!envelope.success) {
      expect(envelope.errors[0]?.errorType).toBe('VALIDATION');
      if (path) expect(envelope.errors[0]?.path).toBe(path);
    }
  });

  it('answers NOT_FOUND for a program that does not exist', async () => {
    const envelope = await stack.invoke('program/initiatives', { programId: 'no-such-program' });
    expect(envelope.success).toBe(false);
    if (!envelope.success) expect(envelope.errors[0]?.errorType).toBe('NOT_FOUND');
  });

  it('lists the demo program', async () => {
    const envelope = await stack.invoke('program/list', {});
    expect(envelope.success && envelope.data.programs.map((p) => p.id)).toEqual(['prog-atlas']);
  });

  it('never calls an endpoint the emulator does not model', async () => {
    await initiatives();
    expect((await stack.stats()).unmodelled).toEqual({});
  });
});

describe('what the app sends to Jira', () => {
  it('every request our adapters sent, and every answer, matches the official OpenAPI spec', async () => {
    await initiatives();
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const x of stack.exchanges) {
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
      );
      if (x.status < 500 && x.status !== 429)
        problems.push(
          ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
        );
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([
      'bulkFetchIssues',
      'getFields',
      'getIssueLinkTypes',
      'searchAndReconsileIssuesUsingJqlPost',
    ]);
  });
});

describe('a scope JQL Jira refuses', () => {
  it('is reported as a VALIDATION error on scopeJql with Jira’s reason', async () => {
    await stack.runtime.runAsUser('5d53f3cbc6b9320d9ea5bdc2', async () => {
      const { KvsProgramStore } = await import('../../src/adapters/storage/kvs-program-store');
      await new KvsProgramStore().create({
        id: 'prog-bad-jql',
        name: 'Broken filter',
        stage: 'initiation',
        scopeJql: 'labels ~~ nonsense',
        owners: [accountIdOf('tpm@example.com')],
        createdAt: '2026-11-25T00:00:00.000Z',
      });
    });
    const envelope = await stack.invoke('program/initiatives', { programId: 'prog-bad-jql' });
    expect(envelope.success).toBe(false);
    if (!envelope.success) {
      expect(envelope.errors[0]).toMatchObject({ errorType: 'VALIDATION', path: 'scopeJql' });
      expect(envelope.errors[0]?.message).toMatch(/scope JQL is not valid/);
    }
  });
});
