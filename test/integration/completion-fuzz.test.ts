// Fuzzing every mutating Completion resolver: a bad payload gets a typed error, never a crash, and the stored
// data stays byte-for-byte the same.
import fc from 'fast-check';
import type { CompletionRecords, Envelope, RequestOf, ResolverKey } from '../../src/contract';
import { DEMO_PROGRAM } from '../../dev/seed';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';
import { breakOne, hostileValue } from '../support/fuzz';

const RUNS = 200;
const programId = DEMO_PROGRAM.id;
let stack: AppStack;
let records: CompletionRecords;

async function ok<K extends ResolverKey>(key: K, payload: RequestOf<K>) {
  const envelope = (await stack.invoke(key, payload)) as Envelope<CompletionRecords>;
  if (!envelope.success) throw new Error(`setup ${key}: ${JSON.stringify(envelope.errors)}`);
  return envelope.data;
}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack();
  await ok('completion/lesson/save', {
    programId,
    fields: { category: 'to-improve', whatHappened: 'a', learned: 'b' },
  });
  await ok('completion/action/save', {
    programId,
    fields: {
      action: 'x',
      ownerAccountId: accountIdOf('lead.payments@example.com'),
      dueDate: '2027-06-30',
      status: 'open',
      lessonId: null,
    },
  });
  records = await ok('completion/handover/save', {
    programId,
    fields: {
      receivingTeam: 'SRE',
      contactAccountId: null,
      items: ['PLAT-1'],
      links: [],
      handoverDate: null,
      waiverReason: null,
    },
  });
}, 60_000);
afterAll(async () => {
  await stack.close();
  jest.restoreAllMocks();
});

/** A valid payload per key; the fuzzer breaks one field of it at a time, or sends anything at all. */
function validPayloads(): Record<string, Record<string, unknown>> {
  const lesson = records.lessons[0]!;
  const action = records.actions[0]!;
  const handover = records.handover!;
  return {
    'completion/assessment/save': {
      programId,
      subject: { kind: 'goal', goalId: 'goal-conversion' },
      fields: { verdict: 'met', measuredValue: '2.7', evidence: ['PAY-1', 'https://x.example/d'], note: '' },
    },
    'completion/lesson/save': {
      programId,
      id: lesson.id,
      expectedVersion: lesson.version,
      fields: { category: 'went-well', whatHappened: 'c', learned: 'd' },
    },
    'completion/lesson/delete': { programId, id: lesson.id, expectedVersion: lesson.version + 5 },
    'completion/action/save': {
      programId,
      id: action.id,
      expectedVersion: action.version,
      fields: {
        action: 'y',
        ownerAccountId: accountIdOf('tpm@example.com'),
        dueDate: '2027-07-01',
        status: 'done',
        lessonId: lesson.id,
      },
    },
    'completion/action/delete': { programId, id: action.id, expectedVersion: action.version + 5 },
    'completion/handover/save': {
      programId,
      expectedVersion: handover.version,
      fields: {
        receivingTeam: 'Ops',
        contactAccountId: accountIdOf('lead.platform@example.com'),
        items: ['PLAT-2', 'Dashboards'],
        links: [{ kind: 'runbook', label: 'Runbook', url: 'https://wiki.example.com/r' }],
        handoverDate: '2027-04-01',
        waiverReason: null,
      },
    },
    'completion/handover/accept': {
      programId,
      expectedVersion: handover.version,
      decision: 'rejected',
      note: 'Not yet',
    },
    'program/close': { programId, expectedVersion: 1, overrideReason: 'why' },
    'program/reopen': { programId, expectedVersion: 1 },
  };
}

const badValue = hostileValue('javascript:alert(1)', 'PAY-0', 'ftp://x.example', '2027-13-01');
const extraKey = (payload: Record<string, unknown>) => ({ ...payload, unexpected: 'field' });

const MUTATING_KEYS = [
  'completion/assessment/save',
  'completion/lesson/save',
  'completion/lesson/delete',
  'completion/action/save',
  'completion/action/delete',
  'completion/handover/save',
  'completion/handover/accept',
  'program/close',
  'program/reopen',
];

describe.each(MUTATING_KEYS)('%s with a bad payload', (key) => {
  it(`answers a typed error and changes nothing (${RUNS} runs)`, async () => {
    const valid = validPayloads()[key]!;
    let refused = 0;
    const payloads = fc.oneof(
      fc.anything(),
      fc.tuple(fc.nat(), badValue).map(([i, v]) => breakOne(valid, i, v, { intoArrays: false })),
      fc.tuple(fc.nat(), badValue).map(([i, v]) => breakOne(valid, i, v)),
      fc.constant(extraKey(valid)),
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const before = JSON.stringify(stack.runtime.kvs.snapshot());
        const envelope = await stack.invokeRaw(key, payload);
        // A broken field can still be a valid value (any string is a valid note): such a payload may be
        // accepted. Every refused one must be refused cleanly and leave no trace.
        if (envelope.success) return;
        refused += 1;
        expect(envelope.errors.length).toBeGreaterThan(0);
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT']).toContain(envelope.errors[0]?.errorType);
        expect(JSON.stringify(stack.runtime.kvs.snapshot())).toBe(before);
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS * 0.7);
  }, 120_000);
});
