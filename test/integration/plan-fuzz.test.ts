// Fuzzing every mutating plan resolver: a bad payload gets a typed error, never a crash, and the stored
// data stays byte-for-byte the same.
import fc from 'fast-check';
import type { QuarterPlanView } from '../../src/contract';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';
import { breakOne, hostileValue } from '../support/fuzz';

let stack: AppStack;
let view: QuarterPlanView;
const RUNS = 500;
const programId = 'prog-atlas';
const quarter = '2027-Q3';

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack();
  const created = await stack.invoke('plan/create', {
    programId,
    quarter,
    calendar: { source: 'generated' },
  });
  if (!created.success) throw new Error(JSON.stringify(created.errors));
  view = created.data;
}, 60_000);
afterAll(async () => {
  await stack.close();
  jest.restoreAllMocks();
});

/** The plan's version as stored now (read straight from the local KVS, no Jira round trip). */
function currentVersion(): number {
  const stored = stack.runtime.kvs.snapshot().entities['quarter-plan']?.[`${programId}:${quarter}`] as
    { version: number } | undefined;
  return stored?.version ?? 1;
}

/** A valid payload per key; the fuzzer breaks one field of it at a time, or sends anything at all. */
function validPayloads(): Record<string, Record<string, unknown>> {
  const ref = { programId, quarter, expectedVersion: currentVersion() };
  const key = view.plan.initiatives[0]?.key ?? view.candidates[0]!.key;
  return {
    'plan/create': { programId, quarter: '2031-Q1', calendar: { source: 'generated', lengthDays: 14 } },
    'plan/calendar/set': {
      ...ref,
      calendar: { source: 'generated', lengthDays: 10, firstStart: '2027-07-05' },
    },
    'plan/initiatives/set': { ...ref, initiatives: [{ key, priority: 1 }] },
    'plan/estimates/set': { ...ref, estimates: [{ initiativeKey: key, teamId: 'team-pay', sprints: 2 }] },
    'plan/pins/set': { ...ref, pins: [{ initiativeKey: key, startSprint: 1 }] },
    'plan/session/update': {
      ...ref,
      session: { date: '2027-06-10', attendees: [accountIdOf('tpm@example.com')], outcome: 'ok' },
    },
    'plan/commitments/set': { ...ref, commitments: [{ from: 'PAY-1', to: 'ID-1', status: 'committed' }] },
    'plan/success-criteria/save': {
      ...ref,
      fields: { statement: 's', metric: 'm', target: 't', goalIds: ['goal-conversion'] },
    },
    'plan/success-criteria/delete': { ...ref, id: 'crit-1' },
    'plan/communication/update': {
      ...ref,
      communication: {
        slackChannelUrl: 'https://acme.slack.com/archives/C1',
        confluenceSpaceKey: 'ATLAS',
        otherChannels: [],
        meetings: [{ name: 'Sync', cadence: 'weekly', audience: 'Leads', ownerAccountId: null }],
        reportCadence: 'weekly',
      },
    },
    'plan/team-okrs/link': { ...ref, teamId: 'team-pay', url: 'https://example.com/okrs/pay' },
    'plan/baseline/freeze': { ...ref, note: 'Agreed' },
  };
}

/** Values that no schema above accepts in place of the one they replace. */
const badValue = hostileValue('2027-Q5', 'javascript:alert(1)');

const MUTATING_KEYS = [
  'plan/create',
  'plan/calendar/set',
  'plan/initiatives/set',
  'plan/estimates/set',
  'plan/pins/set',
  'plan/session/update',
  'plan/commitments/set',
  'plan/success-criteria/save',
  'plan/success-criteria/delete',
  'plan/communication/update',
  'plan/team-okrs/link',
  'plan/baseline/freeze',
];

describe.each(MUTATING_KEYS)('%s with a bad payload', (key) => {
  it(`answers a typed error and changes nothing (${RUNS} runs)`, async () => {
    let refused = 0;
    const payloads = fc.oneof(
      fc.anything(),
      fc.tuple(fc.nat(), badValue).map(([i, v]) => ({ index: i, value: v })),
      fc.constant('extra' as const),
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (choice) => {
        const valid = validPayloads()[key]!;
        const payload =
          choice === 'extra'
            ? { ...valid, unexpected: 'field' }
            : typeof choice === 'object' && choice !== null && 'index' in choice && 'value' in choice
              ? breakOne(valid, choice.index as number, choice.value)
              : choice;
        const before = JSON.stringify(stack.runtime.kvs.snapshot());
        const envelope = await stack.invokeRaw(key, payload);
        // A broken field can still be a valid value (any text is a valid outcome): such a payload may
        // be accepted. Every refused one must be refused cleanly and leave no trace.
        if (envelope.success) return;
        refused += 1;
        expect(envelope.errors.length).toBeGreaterThan(0);
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT']).toContain(envelope.errors[0]?.errorType);
        expect(JSON.stringify(stack.runtime.kvs.snapshot())).toBe(before);
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS * 0.5);
  }, 300_000);
});
