import type { Envelope, ProgramOverview } from '../../src/contract';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
beforeAll(async () => {
  stack = await startAppStack();
}, 30_000);
afterAll(async () => stack.close());

const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const SPONSOR = 'sponsor@example.com';
const CONTRACTOR = 'contractor@example.com';

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(`expected success, got ${JSON.stringify(envelope.errors)}`);
  return envelope.data;
}
const errorTypeOf = (envelope: Envelope<unknown>) =>
  envelope.success ? 'SUCCESS' : envelope.errors[0]?.errorType;

let counter = 0;
async function aProgram(overrides: { name?: string } = {}): Promise<ProgramOverview> {
  counter += 1;
  return ok(
    await stack.invoke('program/create', {
      id: `prog-test-${counter}`,
      name: overrides.name ?? `Test program ${counter}`,
      scopeJql: 'labels = "program-atlas" AND issuetype = Epic',
    }),
  );
}

async function withParties(overview: ProgramOverview): Promise<ProgramOverview> {
  return ok(
    await stack.invoke('program/parties/update', {
      programId: overview.program.id,
      expectedVersion: overview.program.version,
      parties: {
        owners: [accountIdOf(TPM)],
        sponsor: accountIdOf(SPONSOR),
        stakeholders: [accountIdOf(STAKEHOLDER)],
        people: [{ accountId: accountIdOf(SPONSOR), displayName: 'Dana Whitfield' }],
      },
    }),
  );
}

const aGoal = {
  statement: 'Checkout conversion up in every market',
  metric: 'conversion %',
  baseline: '2.1',
  target: '2.6',
  dueDate: '2027-06-30',
};

describe('creating a program', () => {
  it('makes the creator its owner, in initiation, with a dated history', async () => {
    const overview = await aProgram();
    expect(overview.program.stage).toBe('initiation');
    expect(overview.program.owners).toEqual([accountIdOf(TPM)]);
    expect(overview.roles).toEqual(['owner']);
    expect(overview.canEdit).toBe(true);
    expect(overview.program.stageHistory[0]).toMatchObject({ to: 'initiation', by: accountIdOf(TPM) });
    expect(overview.program.dependencyLinkTypes).toEqual(['Blocks']);
  });

  it('refuses an id that is taken with CONFLICT', async () => {
    const first = await aProgram();
    const again = await stack.invoke('program/create', {
      id: first.program.id,
      name: 'Another',
      scopeJql: 'project = PAY',
    });
    expect(errorTypeOf(again)).toBe('CONFLICT');
  });
});

describe('who sees a program', () => {
  it('lists it to its parties and leaves it out for everyone else', async () => {
    const overview = await withParties(await aProgram({ name: 'Visible to parties' }));
    const names = async (email: string) =>
      ok(await stack.invoke('program/list', {}, email)).programs.map((p) => p.name);
    expect(await names(STAKEHOLDER)).toContain('Visible to parties');
    expect(await names(SPONSOR)).toContain('Visible to parties');
    expect(await names(CONTRACTOR)).not.toContain('Visible to parties');
    expect(
      errorTypeOf(await stack.invoke('program/get', { programId: overview.program.id }, CONTRACTOR)),
    ).toBe('FORBIDDEN');
  });

  it('lets a stakeholder read the overview but refuses their writes and changes nothing', async () => {
    const overview = await withParties(await aProgram());
    const programId = overview.program.id;
    const read = ok(await stack.invoke('program/get', { programId }, STAKEHOLDER));
    expect(read.roles).toEqual(['stakeholder']);
    expect(read.canEdit).toBe(false);
    const before = stack.runtime.kvs.snapshot();
    const attempts = [
      stack.invoke('program/goals/save', { programId, fields: aGoal }, STAKEHOLDER),
      stack.invoke(
        'program/update',
        { programId, expectedVersion: read.program.version, changes: { description: 'mine now' } },
        STAKEHOLDER,
      ),
      stack.invoke(
        'program/stage/move',
        { programId, expectedVersion: read.program.version, to: 'planning', overrideReason: 'x' },
        STAKEHOLDER,
      ),
    ];
    for (const attempt of await Promise.all(attempts)) expect(errorTypeOf(attempt)).toBe('FORBIDDEN');
    expect(stack.runtime.kvs.snapshot()).toEqual(before);
  });
});

describe('editing at the same time', () => {
  it('gives the second of two editors of the same version a CONFLICT and keeps the first edit', async () => {
    const overview = await aProgram();
    const programId = overview.program.id;
    const base = { programId, expectedVersion: overview.program.version };
    const first = await stack.invoke('program/update', { ...base, changes: { description: 'First TPM' } });
    const second = await stack.invoke('program/update', { ...base, changes: { description: 'Second TPM' } });
    expect(errorTypeOf(first)).toBe('SUCCESS');
    expect(errorTypeOf(second)).toBe('CONFLICT');
    expect(ok(await stack.invoke('program/get', { programId })).program.description).toBe('First TPM');
  });

  it('lets exactly one of two concurrent goal edits win', async () => {
    const overview = await aProgram();
    const programId = overview.program.id;
    const goal = ok(await stack.invoke('program/goals/save', { programId, fields: aGoal })).goals[0]!;
    const edit = (target: string) =>
      stack.invoke('program/goals/save', {
        programId,
        id: goal.id,
        expectedVersion: goal.version,
        fields: { ...aGoal, target },
      });
    const results = await Promise.all([edit('3.0'), edit('3.5')]);
    expect(results.map(errorTypeOf).sort()).toEqual(['CONFLICT', 'SUCCESS']);
  });
});
