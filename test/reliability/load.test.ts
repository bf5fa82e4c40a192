// Load: the 1,000-epic program (20,000 children, 1,500 links) loaded by 20 viewers at once against the emulator
// (no injected latency), held to Forge's limits: every load succeeds, no response above 5 MB, resolver work
// within 25 s, big results paged (search/jql followed to its last page, bulk fetches of at most 100 issues).
import { performance } from 'node:perf_hooks';
import type { Exchange } from '../../dev/emulator/server';
import type { Envelope } from '../../src/contract';
import { startAppStack, type AppStack } from '../support/app-stack';
import { SuiteFigures } from './figures';

const PROGRAM = 'prog-atlas';
const GENERATOR = { seed: 7, teams: 25, epics: 1000, childrenPerEpic: 20, links: 1500 };
const CONCURRENT = 20;
/** Forge's limits on a resolver (DESIGN §4). */
const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
const RESOLVER_LIMIT_MS = 25_000;
const LOADS = ['program/initiatives', 'status/get', 'program/dependencies'] as const;
type LoadKey = (typeof LOADS)[number];

const figures = new SuiteFigures('load');
const ALL_OK = `${CONCURRENT} concurrent loads of the 1,000-epic program: succeeded`;
const LARGEST = 'largest resolver response';
const WORK = 'resolver work of one load, most of the three keys';
const CONCURRENT_WALL = `slowest of ${CONCURRENT} concurrent loads sharing one process (informational)`;
const LONGEST_LIST = 'longest list in any response (20,000 children in scope)';
const UNFOLLOWED = 'search/jql pages not followed to isLast';
const BULK = 'largest bulkfetch (issues per call)';
for (const [name, target] of [
  [ALL_OK, `${CONCURRENT} of ${CONCURRENT}`],
  [LARGEST, '≤ 5 MB'],
  [WORK, '≤ 25 s'],
  [CONCURRENT_WALL, 'Forge runs each alone'],
  [LONGEST_LIST, '< 20,000 (no per-child list)'],
  [UNFOLLOWED, '0'],
  [BULK, '≤ 100'],
] as const)
  figures.expect(name, target);

/** What the paging checks need of an exchange; whole bodies of 20 scope loads would not fit in memory. */
interface SearchPage {
  jql: string;
  token: string | undefined;
  nextPageToken: string | undefined;
  isLast: boolean;
}
const searches: SearchPage[] = [];
let largestBulkFetch = 0;

let stack: AppStack;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack({ generator: GENERATOR });
  stack.exchanges.push = (...items: Exchange[]) => {
    for (const x of items) {
      const request = (x.requestBody ?? {}) as {
        jql?: string;
        nextPageToken?: string;
        issueIdsOrKeys?: unknown[];
      };
      const response = (x.responseBody ?? {}) as {
        nextPageToken?: string;
        isLast?: boolean;
        issues?: unknown[];
      };
      if (x.operationId === 'searchAndReconsileIssuesUsingJqlPost' && x.status === 200)
        searches.push({
          jql: String(request.jql),
          token: request.nextPageToken,
          nextPageToken: response.nextPageToken,
          isLast: response.isLast === true,
        });
      if (x.operationId === 'bulkFetchIssues')
        largestBulkFetch = Math.max(largestBulkFetch, request.issueIdsOrKeys?.length ?? 0);
    }
    return stack.exchanges.length;
  };
}, 120_000);

afterAll(async () => {
  figures.write();
  await stack?.close();
  jest.restoreAllMocks();
});

const bytesOf = (envelope: unknown) => Buffer.byteLength(JSON.stringify(envelope), 'utf8');

function longestList(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestList));
  if (typeof value === 'object' && value !== null)
    return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

async function load(
  key: LoadKey,
): Promise<{ key: LoadKey; ms: number; bytes: number; envelope: Envelope<unknown> }> {
  const started = performance.now();
  const envelope = (await stack.invoke(key, { programId: PROGRAM })) as Envelope<unknown>;
  return { key, ms: performance.now() - started, bytes: bytesOf(envelope), envelope };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let largest = { bytes: 0, key: '' };
let longest = 0;

function note(result: Awaited<ReturnType<typeof load>>): void {
  if (result.bytes > largest.bytes) largest = { bytes: result.bytes, key: result.key };
  longest = Math.max(longest, longestList(result.envelope));
}

describe('the 1,000-epic program', () => {
  it('loads each of scope, dependencies and status alone within Forge’s 25 s', async () => {
    const results = [];
    for (const key of LOADS) results.push(await load(key));
    for (const r of results) note(r);
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    figures.measure(WORK, `${seconds(slowest.ms)} (${slowest.key})`, slowest.ms <= RESOLVER_LIMIT_MS);
    expect(results.map((r) => (r.envelope.success ? 'ok' : r.envelope.errors))).toEqual(
      LOADS.map(() => 'ok'),
    );
    expect(slowest.ms).toBeLessThanOrEqual(RESOLVER_LIMIT_MS);
  }, 120_000);

  it(`answers ${CONCURRENT} viewers loading it at once, every response within 5 MB`, async () => {
    const keys = Array.from({ length: CONCURRENT }, (_, i) =>
      i % 2 === 0 ? 'program/initiatives' : 'status/get',
    );
    const results = await Promise.all(keys.map((key) => load(key as LoadKey)));
    for (const r of results) note(r);
    const succeeded = results.filter((r) => r.envelope.success).length;
    const slowest = Math.max(...results.map((r) => r.ms));
    figures.measure(ALL_OK, `${succeeded} of ${CONCURRENT}`, succeeded === CONCURRENT);
    figures.measure(LARGEST, `${mb(largest.bytes)} (${largest.key})`, largest.bytes <= RESPONSE_LIMIT_BYTES);
    figures.measure(CONCURRENT_WALL, seconds(slowest), true);
    figures.measure(
      LONGEST_LIST,
      longest.toLocaleString('en-US'),
      longest < GENERATOR.epics * GENERATOR.childrenPerEpic,
    );
    expect(succeeded).toBe(CONCURRENT);
    expect(largest.bytes).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES);
    expect(longest).toBeLessThan(GENERATOR.epics * GENERATOR.childrenPerEpic);
  }, 300_000);

  it('follows every search/jql page to its last and fetches at most 100 issues a call', () => {
    const requestedTokens = new Set(searches.map((s) => s.token).filter((t) => t !== undefined));
    const unfollowed = searches.filter(
      (s) => !s.isLast && (s.nextPageToken === undefined || !requestedTokens.has(s.nextPageToken)),
    );
    // Children are searched 100 epics at a time (≤ 2,000 ids, one id page of 5,000): next pages are rare here.
    const pagedSearches = searches.filter((s) => s.token !== undefined).length;
    figures.measure(
      UNFOLLOWED,
      `${unfollowed.length} of ${searches.length} pages (${pagedSearches} next pages read)`,
      unfollowed.length === 0,
    );
    figures.measure(BULK, largestBulkFetch, largestBulkFetch > 0 && largestBulkFetch <= 100);
    expect(unfollowed).toEqual([]);
    expect(searches.length).toBeGreaterThan(0);
    expect(largestBulkFetch).toBeGreaterThan(0);
    expect(largestBulkFetch).toBeLessThanOrEqual(100);
  });
});
