// Scope snapshots on @forge/kvs plain keys: the head `scope-snapshot:<programId>` and the rows in parts of at
// most SCOPE_PART_CHARS characters (a 1,000-initiative program takes about five), split by PartedKvsStore.
import { z } from 'zod';
import type { ScopeSnapshot, ScopeSnapshotRow } from '../../domain/snapshot/scope-snapshot';
import { PartedKvsStore, splitBySize } from './parted-kvs';

/** Well under KVS's 240 KiB a value, even with every character taking three bytes. */
export const SCOPE_PART_CHARS = 60_000;

const StatusCategorySchema = z.enum(['new', 'indeterminate', 'done']);

const RowSchema = z.object({
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  summary: z.string(),
  team: z.string(),
  status: z.object({ name: z.string(), category: StatusCategorySchema }),
  children: z.object({
    total: z.number(),
    done: z.number(),
    inProgress: z.number(),
    toDo: z.number(),
  }),
  estimate: z.number().nullable(),
  upstream: z.number(),
  downstream: z.number(),
});

const HeadSchema = z.object({
  schemaVersion: z.number(),
  programId: z.string(),
  builtAt: z.string(),
  projectIds: z.record(z.string(), z.string()),
  restricted: z.number().int().nonnegative(),
});

export interface ScopeSnapshotStore {
  get(programId: string): Promise<ScopeSnapshot | undefined>;
  put(snapshot: ScopeSnapshot): Promise<{ partsWritten: number }>;
}

const store = new PartedKvsStore<Omit<ScopeSnapshot, 'rows'>, ScopeSnapshotRow>({
  prefix: 'scope-snapshot:',
  headSchema: HeadSchema,
  itemSchema: RowSchema,
  split: splitBySize(SCOPE_PART_CHARS),
});

export class KvsScopeSnapshotStore implements ScopeSnapshotStore {
  async get(programId: string): Promise<ScopeSnapshot | undefined> {
    const stored = await store.get(programId);
    return stored && { ...stored.head, rows: stored.items };
  }

  async put(snapshot: ScopeSnapshot): Promise<{ partsWritten: number }> {
    const { rows, ...head } = snapshot;
    return store.put(snapshot.programId, head, rows);
  }
}
