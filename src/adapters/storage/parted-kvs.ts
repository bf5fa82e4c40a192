// A value too big for one @forge/kvs entry (240 KiB), kept as a head and parts on plain keys: the head
// `<prefix><id>` holds everything but the items and names its generation; the items sit in parts
// `<prefix><id>:<generation>:<n>`. The generation is a hash of the parts' content, so rewriting unchanged
// items writes no part, two concurrent writers write the same keys, and readers never see a head naming parts
// not yet written (parts are written first, the head last, the old generation's parts deleted after).
import { createHash } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';

const StoredHeadSchema = z
  .object({ generation: z.string(), parts: z.number().int().nonnegative() })
  .passthrough();

export interface PartedKvsOptions<Head, Item> {
  prefix: string;
  /** The head without its generation and part count. */
  headSchema: z.ZodType<Head>;
  itemSchema: z.ZodType<Item>;
  /** Splits the items into parts, each well under the KVS value limit. */
  split(items: readonly Item[]): Item[][];
}

/** Splits a list in parts of at most `size` items. */
export const splitByCount =
  <T>(size: number) =>
  (items: readonly T[]): T[][] => {
    const parts: T[][] = [];
    for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
    return parts;
  };

/** Splits a list in parts whose JSON stays under `maxChars` characters (one item alone may exceed it). */
export const splitBySize =
  <T>(maxChars: number) =>
  (items: readonly T[]): T[][] => {
    const parts: T[][] = [];
    let part: T[] = [];
    let chars = 2;
    for (const item of items) {
      const length = JSON.stringify(item).length + 1;
      if (part.length > 0 && chars + length > maxChars) {
        parts.push(part);
        part = [];
        chars = 2;
      }
      part.push(item);
      chars += length;
    }
    if (part.length > 0) parts.push(part);
    return parts;
  };

export class PartedKvsStore<Head extends object, Item> {
  constructor(private readonly options: PartedKvsOptions<Head, Item>) {}

  private headKey(id: string): string {
    return `${this.options.prefix}${id}`;
  }

  private partKey(id: string, generation: string, n: number): string {
    return `${this.options.prefix}${id}:${generation}:${n}`;
  }

  /** Undefined when nothing is stored or what is stored no longer reads (an older shape): callers rebuild. */
  async get(id: string): Promise<{ head: Head; items: Item[] } | undefined> {
    const stored = StoredHeadSchema.safeParse(await kvs.get<unknown>(this.headKey(id)));
    if (!stored.success) return undefined;
    const { generation, parts: count, ...rest } = stored.data;
    const head = this.options.headSchema.safeParse(rest);
    if (!head.success) return undefined;
    const parts = await Promise.all(
      Array.from({ length: count }, (_, n) => kvs.get<unknown>(this.partKey(id, generation, n))),
    );
    const items: Item[] = [];
    const list = z.array(this.options.itemSchema);
    for (const part of parts) {
      const parsed = list.safeParse(part);
      if (!parsed.success) return undefined;
      items.push(...parsed.data);
    }
    return { head: head.data, items };
  }

  /** Stores head and items; answers how many parts were written (0 when the items did not change). */
  async put(id: string, head: Head, items: readonly Item[]): Promise<{ partsWritten: number }> {
    // Stored as the schema reads them back (its key order), so the same items always hash the same.
    const parts = this.options.split(items.map((item) => this.options.itemSchema.parse(item)));
    const generation = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
    const previous = StoredHeadSchema.safeParse(await kvs.get<unknown>(this.headKey(id)));
    const same = previous.success && previous.data.generation === generation;
    if (!same) await Promise.all(parts.map((part, n) => kvs.set(this.partKey(id, generation, n), part)));
    await kvs.set(this.headKey(id), { ...head, generation, parts: parts.length });
    if (previous.success && !same) {
      const old = previous.data;
      await Promise.all(
        Array.from({ length: old.parts }, (_, n) => kvs.delete(this.partKey(id, old.generation, n))),
      );
    }
    return { partsWritten: same ? 0 : parts.length };
  }
}
