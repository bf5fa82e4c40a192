// Runs ≥ 1,000 fast-check cases against each resolver key of a shard: a valid payload with one field made
// hostile, a wholly random payload, or the valid one with an unknown field. A refused case must answer a typed
// error and leave the local KVS byte-for-byte unchanged and Jira and Confluence unwritten; an accepted one
// (a broken field can still be valid) has its KVS change undone so the next case starts from the same state.
import fc from 'fast-check';
import type { Envelope, ErrorType } from '../../src/contract';
import { handler } from '../../src/index';
import { startAppStack, accountIdOf, type AppStack } from '../support/app-stack';
import { breakOne, hostileValue, registeredResolverKeys, restoreKvs, writesIn } from '../support/fuzz';
import { prepareDemoFacts, validCalls, type KeyCall } from './fuzz-payloads';
import { recordFigures } from './security-figures';

export const RUNS_PER_KEY = 1_000;
/** Refusals a client can act on; INTERNAL and UPSTREAM (the app sent Jira a request it rejected) are bugs. */
const TYPED_REFUSALS: ErrorType[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'PROGRAM_CLOSED'];

const hostile = hostileValue(
  'javascript:alert(1)',
  '<ac:structured-macro ac:name="html"/>',
  '" OR project = SECRET OR "',
  '2027-Q5',
  'PAY-0',
  '\u202Egnp.exe',
  '\uD800',
  -0,
  2 ** 53,
);

/** Every site fingerprint that a refused call must leave alone: Confluence pages and Jira issue properties. */
function siteFingerprint(stack: AppStack): string {
  const site = stack.emulator.site();
  return JSON.stringify({ pages: site.pages, properties: site.issues.map((i) => i.properties) });
}

/** Declares the fuzz suite for the registered keys `inShard` selects. */
export function fuzzShard(shard: string, inShard: (key: string) => boolean): void {
  const keys = registeredResolverKeys().filter(inShard);
  let stack: AppStack;
  let calls: Record<string, KeyCall>;
  const figures: { key: string; runs: number; refused: number; accepted: number }[] = [];

  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    stack = await startAppStack({ demoPlan: true });
    calls = validCalls(await prepareDemoFacts(stack));
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    jest.restoreAllMocks();
    const runs = figures.reduce((n, f) => n + f.runs, 0);
    const fewest = Math.min(...figures.map((f) => f.runs));
    recordFigures([
      {
        name: `fuzz (${shard}): resolver keys fuzzed`,
        target: `${keys.length} (every registered key)`,
        measured: String(figures.length),
        pass: figures.length === keys.length,
      },
      {
        name: `fuzz (${shard}): fewest cases for one key`,
        target: `≥ ${RUNS_PER_KEY}`,
        measured: String(figures.length ? fewest : 0),
        pass: figures.length > 0 && fewest >= RUNS_PER_KEY,
      },
      {
        name: `fuzz (${shard}): cases, refused with a typed error and no state change`,
        target: 'every refused case',
        measured: `${figures.reduce((n, f) => n + f.refused, 0)} refused, ${figures.reduce((n, f) => n + f.accepted, 0)} valid and accepted, of ${runs}`,
        pass: figures.length === keys.length,
      },
    ]);
  });

  it('has a valid base payload for every key it fuzzes', () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !calls[key])).toEqual([]);
  });

  describe.each(keys)('%s', (key) => {
    it(`answers every bad payload with a typed error and changes nothing (${RUNS_PER_KEY} cases)`, async () => {
      const call = calls[key];
      if (!call) throw new Error(`no valid payload for ${key} in test/reliability/fuzz-payloads.ts`);
      const { payload: valid, context } = call;
      const breakable = Object.keys(valid).length > 0;
      const payloads = fc.oneof(
        { weight: 2, arbitrary: fc.anything() },
        {
          weight: breakable ? 4 : 0,
          arbitrary: fc
            .tuple(fc.nat(), hostile)
            .map(([i, v]) => breakOne(valid, i, v, { intoArrays: false })),
        },
        {
          weight: breakable ? 3 : 0,
          arbitrary: fc.tuple(fc.nat(), hostile).map(([i, v]) => breakOne(valid, i, v)),
        },
        { weight: 1, arbitrary: fc.constant({ ...valid, unexpected: 'field' }) },
        { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.jsonValue()) },
      );
      const baseline = stack.runtime.kvs.snapshot();
      const baselineText = JSON.stringify(baseline);
      const siteBefore = siteFingerprint(stack);
      let runs = 0;
      let refused = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          runs += 1;
          const from = stack.exchanges.length;
          const envelope = (await stack.runtime.invoke(handler, {
            key,
            payload,
            accountId: accountIdOf('tpm@example.com'),
            ...(context ? { context } : {}),
          })) as Envelope<unknown>;
          if (envelope.success) {
            // Still a valid payload: put the store back so the base payload's versions hold.
            accepted += 1;
            restoreKvs(stack.runtime.kvs, baseline);
            return;
          }
          refused += 1;
          expect(envelope.errors.length).toBeGreaterThan(0);
          const error = envelope.errors[0]!;
          if (!TYPED_REFUSALS.includes(error.errorType))
            throw new Error(
              `${key} answered ${error.errorType} (${error.message}) to ${JSON.stringify(payload)}`,
            );
          expect(JSON.stringify(stack.runtime.kvs.snapshot())).toBe(baselineText);
          expect(writesIn(stack.exchanges.slice(from))).toEqual([]);
        }),
        { numRuns: RUNS_PER_KEY },
      );
      if (accepted === 0) expect(siteFingerprint(stack)).toBe(siteBefore);
      expect(refused).toBeGreaterThan(runs / 2);
      figures.push({ key, runs, refused, accepted });
    }, 300_000);
  });
}
