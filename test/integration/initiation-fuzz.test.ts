// Fuzzing every mutating program resolver: a bad payload gets a typed error, never a crash, and the
// stored data stays byte-for-byte the same.
import fc from 'fast-check';
import type { Envelope, ProgramOverview } from '../../src/contract';
import { startAppStack, type AppStack } from '../support/app-stack';
import { breakOne, hostileValue } from '../support/fuzz';

let stack: AppStack;
let overview: ProgramOverview;
const RUNS = 500;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack();
  const created = (await stack.invoke('program/create', {
    id: 'prog-fuzz',
    name: 'Fuzzed',
    scopeJql: 'issuetype = Epic',
  })) as Envelope<ProgramOverview>;
  if (!created.success) throw new Error('setup failed');
  const withGoal = await stack.invoke('program/goals/save', {
    programId: 'prog-fuzz',
    fields: { statement: 'g', metric: 'm', baseline: '1', target: '2', dueDate: '2027-01-31' },
  });
  if (!withGoal.success) throw new Error('setup failed');
  overview = withGoal.data;
}, 30_000);
afterAll(async () => {
  await stack.close();
  jest.restoreAllMocks();
});

/** A valid payload per key; the fuzzer breaks one field of it at a time, or sends anything at all. */
function validPayloads(): Record<string, Record<string, unknown>> {
  const programId = overview.program.id;
  const expectedVersion = overview.program.version;
  const goal = overview.goals[0]!;
  const item = { programId, id: goal.id, expectedVersion: goal.version };
  return {
    'program/create': { id: 'prog-fuzz-new', name: 'New', scopeJql: 'project = PAY' },
    'program/update': { programId, expectedVersion, changes: { description: 'x' } },
    'program/parties/update': {
      programId,
      expectedVersion,
      parties: { owners: ['5d53f3cbc6b9320d9ea5bdc2'], sponsor: null, stakeholders: [], people: [] },
    },
    'program/teams/save': {
      programId,
      expectedVersion,
      team: { name: 'T', jiraTeam: 'PAY', leadAccountId: null, capacityPerSprint: 10 },
    },
    'program/teams/delete': { programId, expectedVersion, teamId: 'team-x' },
    'program/stage/move': { programId, expectedVersion, to: 'planning', overrideReason: 'why' },
    'program/strategies/save': {
      programId,
      fields: { level: 'company', name: 'S', objective: 'O', keyResults: [] },
    },
    'program/strategies/delete': item,
    'program/strategic-initiatives/save': {
      programId,
      fields: { name: 'I', description: '', strategyIds: [], epicKeys: ['PAY-1'] },
    },
    'program/strategic-initiatives/delete': item,
    'program/goals/save': {
      programId,
      fields: { statement: 's', metric: 'm', baseline: 'b', target: 't', dueDate: '2027-01-01' },
    },
    'program/goals/delete': item,
    'program/goals/agree': { ...item, agreedBy: ['5d53f3cbc6b9320d9ea5bdc2'], note: '' },
    'program/milestones/save': {
      programId,
      fields: { name: 'M', targetDate: '2027-01-01', initiativeKeys: [], status: 'planned' },
    },
    'program/milestones/delete': item,
    'program/milestones/agree': { ...item, agreedBy: ['5d53f3cbc6b9320d9ea5bdc2'], note: '' },
    'program/risks/save': {
      programId,
      fields: { title: 'R', probability: 3, impact: 3, ownerAccountId: null, mitigation: '', status: 'open' },
    },
    'program/risks/delete': item,
  };
}

/** Values that no schema above accepts in place of the one they replace. */
const badValue = hostileValue();

const extraKey = (payload: Record<string, unknown>) => ({ ...payload, unexpected: 'field' });

const MUTATING_KEYS = [
  'program/create',
  'program/update',
  'program/parties/update',
  'program/teams/save',
  'program/teams/delete',
  'program/stage/move',
  'program/strategies/save',
  'program/strategies/delete',
  'program/strategic-initiatives/save',
  'program/strategic-initiatives/delete',
  'program/goals/save',
  'program/goals/delete',
  'program/goals/agree',
  'program/milestones/save',
  'program/milestones/delete',
  'program/milestones/agree',
  'program/risks/save',
  'program/risks/delete',
];

describe.each(MUTATING_KEYS)('%s with a bad payload', (key) => {
  it(`answers a typed error and changes nothing (${RUNS} runs)`, async () => {
    const valid = validPayloads()[key]!;
    let refused = 0;
    const payloads = fc.oneof(
      fc.anything(),
      fc.tuple(fc.nat(), badValue).map(([i, v]) => breakOne(valid, i, v, { intoArrays: false })),
      fc.constant(extraKey(valid)),
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const before = JSON.stringify(stack.runtime.kvs.snapshot());
        const envelope = await stack.invokeRaw(key, payload);
        // A broken field can still be a valid value (any string is a valid description): such a
        // payload may be accepted. Every refused one must be refused cleanly and leave no trace.
        if (envelope.success) return;
        refused += 1;
        expect(envelope.errors.length).toBeGreaterThan(0);
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT']).toContain(envelope.errors[0]?.errorType);
        expect(JSON.stringify(stack.runtime.kvs.snapshot())).toBe(before);
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS * 0.8);
  }, 120_000);
});
