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
