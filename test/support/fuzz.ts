// Shared pieces of the resolver fuzz tests: hostile values and a payload with one field broken.
import fc from 'fast-check';

/** Values a resolver must refuse (or safely accept) wherever they appear; `extra` adds area-specific ones. */
export function hostileValue(...extra: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(-1),
    fc.constant(1.5),
    fc.constant(''),
    fc.constant('   '),
    fc.constant('x'.repeat(10_000)),
    fc.constant([]),
    fc.constant({}),
    fc.constant({ __proto__: { polluted: true } }),
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.constant('2027-02-30'),
    ...extra.map((value) => fc.constant(value)),
    fc.boolean(),
    fc.object(),
  );
}

/**
 * A copy of a valid payload with the field at `pathIndex` (over every nested path, wrapping) set to `value`.
 * `intoArrays: false` leaves array elements alone and breaks whole arrays only.
 */
export function breakOne(
  payload: Record<string, unknown>,
  pathIndex: number,
  value: unknown,
  { intoArrays = true }: { intoArrays?: boolean } = {},
): Record<string, unknown> {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node && typeof node === 'object' && (intoArrays || !Array.isArray(node)))
      for (const [k, v] of Object.entries(node)) {
        paths.push([...path, k]);
        walk(v, [...path, k]);
      }
  };
  walk(payload, []);
  const path = paths[pathIndex % paths.length]!;
  const copy = structuredClone(payload);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/**
 * Every resolver key the app registers, read off a recording Resolver while src/resolvers builds it, so a
 * key added there without coverage in a table keyed by this list fails that table.
 */
export function registeredResolverKeys(): string[] {
  // Required lazily: the spy must be in place before src/resolvers registers its keys.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const Resolver = (require('@forge/resolver') as { default: { prototype: { define: unknown } } }).default;
  const { buildResolver } = require('../../src/resolvers') as { buildResolver: () => unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const keys: string[] = [];
  const original = Resolver.prototype.define as (this: unknown, key: string, fn: unknown) => unknown;
  Resolver.prototype.define = function recording(this: unknown, key: string, fn: unknown) {
    keys.push(key);
    return original.call(this, key, fn);
  };
  try {
    buildResolver();
  } finally {
    Resolver.prototype.define = original;
  }
  return keys.sort();
}

interface KvsLike {
  snapshot(): {
    kvs: Record<string, unknown>;
    secrets: Record<string, unknown>;
    entities: Record<string, Record<string, unknown>>;
  };
  clear(): void;
  handle(path: string, body: unknown): { status: number };
}

/** Puts the local KVS back to a snapshot taken earlier (after a fuzz case that was validly accepted). */
export function restoreKvs(store: KvsLike, snapshot: ReturnType<KvsLike['snapshot']>): void {
  store.clear();
  const write = (path: string, body: Record<string, unknown>) => {
    const reply = store.handle(path, body);
    if (reply.status >= 300) throw new Error(`restoring ${path} ${String(body.key)}: ${reply.status}`);
  };
  for (const [key, value] of Object.entries(snapshot.kvs)) write('/api/v1/set', { key, value });
  for (const [key, value] of Object.entries(snapshot.secrets)) write('/api/v1/secret/set', { key, value });
  for (const [entityName, values] of Object.entries(snapshot.entities))
    for (const [key, value] of Object.entries(values))
      write('/api/v1/entity/set', { entityName, key, value });
}

/** Requests that change Jira or Confluence: any PUT/PATCH/DELETE, and POSTs other than searches and checks. */
export function writesIn(exchanges: readonly { method: string; path: string }[]): string[] {
  const readPost = /\/(search\/jql|search|bulkfetch|permissions\/check|jql\/parse|jql\/match|mypermissions)$/;
  return exchanges
    .filter(
      (x) => ['PUT', 'PATCH', 'DELETE'].includes(x.method) || (x.method === 'POST' && !readPost.test(x.path)),
    )
    .map((x) => `${x.method} ${x.path}`);
}
