import { EMULATOR_APP_TOKEN } from '../../dev/emulator/server';
import type { EpicMembershipChange, EpicPrograms } from '../../src/contract';
import { validateRequest, validateResponse } from '../contract/openapi';
import { startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
const PROGRAM = 'prog-atlas';

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());
afterEach(async () => stack.faults({}));

interface EpicRef {
  id: string;
  key: string;
}

const taken = new Set<string>();
/** Read, never changed: stays outside every program. */
let firstOutsideEpic: EpicRef;

/** An epic outside the demo program that no other test has used (the demo site has a few). */
function outsideEpic(): EpicRef {
  const site = stack.emulator.site();
  const epicType = site.issueTypes.find((t) => t.name === 'Epic');
  const inProgram = new Set(site.program.epicKeys);
  const epic = site.issues.find(
    (i) => i.issueTypeId === epicType?.id && !inProgram.has(i.key) && !taken.has(i.key),
  );
  if (!epic) throw new Error('No epic outside the program is left');
  taken.add(epic.key);
  return { id: epic.id, key: epic.key };
}

/** An epic of the demo program, in the given project: for tests that must change nothing. */
function programEpic(projectKey = 'MOB'): EpicRef {
  const site = stack.emulator.site();
  const key = site.program.epicKeys.find((k) => k.startsWith(`${projectKey}-`));
  const epic = site.issues.find((i) => i.key === key);
  if (!epic) throw new Error(`The demo program has no ${projectKey} epic`);
  return { id: epic.id, key: epic.key };
}

const panelOn = (epic: EpicRef, type = 'Epic') => ({
  moduleKey: 'epic-panel',
  extension: { type: 'jira:issuePanel', issue: { key: epic.key, id: epic.id, type } },
});

async function programsOf(epic: EpicRef, email = 'lead.mobile@example.com'): Promise<EpicPrograms> {
  const envelope = await stack.invoke('epic/programs', { issueKey: epic.key }, email, panelOn(epic));
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

async function change(
  key: 'epic/membership/add' | 'epic/membership/remove',
  epic: EpicRef,
  email = 'lead.mobile@example.com',
): Promise<EpicMembershipChange> {
  const envelope = await stack.invoke(key, { issueKey: epic.key, programId: PROGRAM }, email, panelOn(epic));
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

async function initiativeKeys(): Promise<string[]> {
  const envelope = await stack.invoke('program/initiatives', { programId: PROGRAM });
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data.initiatives.map((i) => i.key);
}

async function writes(): Promise<number> {
  return (await stack.stats()).requests.setIssueProperty ?? 0;
}

/** The property as Jira holds it, read as the app. */
async function storedMembership(epic: EpicRef): Promise<unknown> {
  const response = await fetch(
    `${stack.emulator.url}/rest/api/3/issue/${epic.key}/properties/programs.membership`,
    { headers: { authorization: `Bearer ${EMULATOR_APP_TOKEN}` } },
  );
  if (response.status === 404) return undefined;
  return ((await response.json()) as { value: unknown }).value;
}

async function storeMembership(epic: EpicRef, value: unknown): Promise<void> {
  const response = await fetch(
    `${stack.emulator.url}/rest/api/3/issue/${epic.key}/properties/programs.membership`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${EMULATOR_APP_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(value),
    },
  );
  if (!response.ok) throw new Error(`storing membership: ${response.status}`);
}

describe('the epic panel shows the programs an epic belongs to', () => {
  it('shows a program epic as in the program by its scope filter', async () => {
    const site = stack.emulator.site();
    const key = site.program.epicKeys[0]!;
    const epic = { key, id: site.issues.find((i) => i.key === key)!.id };
    const data = await programsOf(epic, 'tpm@example.com');
    expect(data.issue).toEqual(epic);
    expect(data.canEdit).toBe(true);
    expect(data.programs).toEqual([
      expect.objectContaining({ program: expect.objectContaining({ id: PROGRAM }), via: ['filter'] }),
    ]);
  });

  it('shows an epic outside every program as in none, with the programs it could join', async () => {
    firstOutsideEpic = outsideEpic();
    const data = await programsOf(firstOutsideEpic);
    expect(data.programs.map((p) => [p.program.id, p.via])).toEqual([[PROGRAM, []]]);
  });
});

describe('adding and removing an epic', () => {
  it('adds an epic to the program, which then lists it, and removes it again', async () => {
    const epic = outsideEpic();
    expect(await initiativeKeys()).not.toContain(epic.key);

    const added = await change('epic/membership/add', epic);
    expect(added).toEqual({ issueKey: epic.key, programId: PROGRAM, programIds: [PROGRAM], changed: true });
    expect((await programsOf(epic)).programs[0]?.via).toEqual(['explicit']);
    expect(await initiativeKeys()).toContain(epic.key);

    const removed = await change('epic/membership/remove', epic);
    expect(removed).toMatchObject({ programIds: [], changed: true });
    expect((await programsOf(epic)).programs[0]?.via).toEqual([]);
    expect(await initiativeKeys()).not.toContain(epic.key);
  });

  it('adding twice writes once and leaves one membership', async () => {
    const epic = outsideEpic();
    await change('epic/membership/add', epic);
    const before = await writes();
    const again = await change('epic/membership/add', epic);
    expect(again).toMatchObject({ programIds: [PROGRAM], changed: false });
    expect(await writes()).toBe(before);
    expect(await storedMembership(epic)).toEqual({ programIds: [PROGRAM] });
  });

  it('removing an epic that is not an explicit member writes nothing', async () => {
    const epic = programEpic();
    const before = await writes();
    expect(await change('epic/membership/remove', epic)).toMatchObject({ programIds: [], changed: false });
    expect(await writes()).toBe(before);
  });

  it('keeps the other programs and fields of the property when adding and removing', async () => {
    const epic = outsideEpic();
    await storeMembership(epic, { programIds: ['prog-other'], note: 'set by another tool' });
    await change('epic/membership/add', epic);
    expect(await storedMembership(epic)).toEqual({
      programIds: ['prog-other', PROGRAM],
      note: 'set by another tool',
    });
    await change('epic/membership/remove', epic);
    expect(await storedMembership(epic)).toEqual({ programIds: ['prog-other'], note: 'set by another tool' });
  });

  it('refuses a user who may see but not edit the epic, and changes nothing', async () => {
    const epic = programEpic('MOB');
    const data = await programsOf(epic, 'contractor@example.com');
    expect(data.canEdit).toBe(false);
    const before = await writes();
    for (const key of ['epic/membership/add', 'epic/membership/remove'] as const) {
      const envelope = await stack.invoke(
        key,
        { issueKey: epic.key, programId: PROGRAM },
        'contractor@example.com',
        panelOn(epic),
      );
      expect(envelope.success).toBe(false);
      if (!envelope.success) expect(envelope.errors[0]?.errorType).toBe('FORBIDDEN');
    }
    expect(await writes()).toBe(before);
    expect(await storedMembership(epic)).toBeUndefined();
  });

  it('answers NOT_FOUND for a program that does not exist and writes nothing', async () => {
    const epic = programEpic();
    const before = await writes();
    const envelope = await stack.invoke(
      'epic/membership/add',
      { issueKey: epic.key, programId: 'no-such-program' },
      'lead.mobile@example.com',
      panelOn(epic),
    );
    expect(envelope.success === false && envelope.errors[0]?.errorType).toBe('NOT_FOUND');
    expect(await writes()).toBe(before);
  });
});

describe('bad payloads change nothing', () => {
  it.each([
    ['a missing issue key', { programId: PROGRAM }, 'issueKey'],
    ['a numeric issue key', { issueKey: 42, programId: PROGRAM }, 'issueKey'],
    ['a malformed issue key', { issueKey: 'not a key', programId: PROGRAM }, 'issueKey'],
    ['a program id of the wrong type', { issueKey: '@epic', programId: ['prog-atlas'] }, 'programId'],
    ['a program id that is not a slug', { issueKey: '@epic', programId: 'Prog Atlas"' }, 'programId'],
    ['another issue than the panel is on', { issueKey: 'PAY-1', programId: PROGRAM }, 'issueKey'],
    ['an unknown field', { issueKey: '@epic', programId: PROGRAM, force: true }, ''],
  ] as Array<[string, Record<string, unknown>, string]>)(
    'answers VALIDATION for %s',
    async (_name, raw, path) => {
      const epic = programEpic();
      const payload = { ...raw, ...(raw.issueKey === '@epic' ? { issueKey: epic.key } : {}) };
      const before = await writes();
      for (const key of ['epic/membership/add', 'epic/membership/remove']) {
        const envelope = await stack.invokeRaw(key, payload, 'lead.mobile@example.com', panelOn(epic));
        expect(envelope.success).toBe(false);
        if (!envelope.success) {
          expect(envelope.errors[0]?.errorType).toBe('VALIDATION');
          if (path) expect(envelope.errors[0]?.path).toBe(path);
        }
      }
      expect(await writes()).toBe(before);
      expect(await storedMembership(epic)).toBeUndefined();
    },
  );

  it('answers VALIDATION outside an issue panel and on an issue that is not an epic', async () => {
    const epic = programEpic();
    const before = await writes();
    const payload = { issueKey: epic.key, programId: PROGRAM };
    const noPanel = await stack.invokeRaw('epic/membership/add', payload, 'lead.mobile@example.com');
    expect(noPanel.success === false && noPanel.errors[0]?.errorType).toBe('VALIDATION');
    const story = await stack.invokeRaw(
      'epic/membership/add',
      payload,
      'lead.mobile@example.com',
      panelOn(epic, 'Story'),
    );
    expect(story.success === false && story.errors[0]?.errorType).toBe('VALIDATION');
    expect(await writes()).toBe(before);
  });
});

describe('the epic’s dependencies', () => {
  it('lists what a cycle epic waits for and what waits for it, with status and team, and names the cycle', async () => {
    const site = stack.emulator.site();
    const cycle = site.program.cycle; // each blocks the next: ['PAY-1', 'ID-8', 'MOB-15', 'PAY-1']
    const key = cycle[1]!;
    const epic = { key, id: site.issues.find((i) => i.key === key)!.id };
    const envelope = await stack.invoke(
      'epic/dependencies',
      { issueKey: key },
      'tpm@example.com',
      panelOn(epic),
    );
    if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
    const [inProgram] = envelope.data.programs;
    expect(inProgram?.program.id).toBe(PROGRAM);
    const upstream = inProgram!.upstream.find((d) => d.key === cycle[0]);
    const downstream = inProgram!.downstream.find((d) => d.key === cycle[2]);
    expect(upstream).toMatchObject({ direction: 'upstream', external: false });
    expect(upstream?.status?.name).toEqual(expect.any(String));
    expect(upstream?.team).toEqual(expect.any(String));
    expect(upstream?.evidence.length).toBeGreaterThan(0);
    expect(downstream).toMatchObject({ direction: 'downstream' });
    expect(envelope.data.warnings.join(' ')).toMatch(/cycle/);
  });

  it('shows no programs for an epic that is in none', async () => {
    const epic = firstOutsideEpic;
    expect((await programsOf(epic)).programs.every((p) => p.via.length === 0)).toBe(true);
    const envelope = await stack.invoke(
      'epic/dependencies',
      { issueKey: epic.key },
      'tpm@example.com',
      panelOn(epic),
    );
    expect(envelope.success && envelope.data.programs).toEqual([]);
  });
});

describe('what the epic panel sends to Jira', () => {
  it('every request and answer matches the official OpenAPI spec, and nothing is unmodelled', async () => {
    const epic = programEpic('PAY');
    const from = stack.exchanges.length;
    await programsOf(epic);
    await change('epic/membership/add', epic);
    await change('epic/membership/remove', epic);
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
      );
      if (x.status < 500 && x.status !== 429)
        problems.push(
          ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
        );
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([
      'getBulkPermissions',
      'getIssueProperty',
      'searchAndReconsileIssuesUsingJqlPost',
      'setIssueProperty',
    ]);
    expect((await stack.stats()).unmodelled).toEqual({});
  });
});
