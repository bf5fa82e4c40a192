// Daily progress snapshots on a @forge/kvs custom entity (declared in manifest.yml `app.storage.entities`):
// entity `progress-snapshot`, key `<programId>:<yyyy-mm-dd>`, indexed by program and date so a program's
// history is one partition read in date order and old days are found by a range condition.
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { ProgressSnapshot } from '../../domain/execution/burnup';
import type { ProgressHistoryStore } from '../../ports/program-store';

export const PROGRESS_ENTITY = 'progress-snapshot';
/** Bumped when the stored shape changes; older values are skipped, not misread. */
export const PROGRESS_SCHEMA_VERSION = 1;

const TotalsSchema = z.object({
  issues: z.number(),
  issuesDone: z.number(),
  points: z.number(),
  pointsDone: z.number(),
  initiatives: z.number(),
  initiativesDone: z.number(),
});
const SnapshotSchema = z.object({
  programId: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  takenAt: z.string(),
  projects: z.record(z.string(), TotalsSchema),
});
const StoredSchema = z.object({
  programId: z.string(),
  date: z.string(),
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  snapshot: SnapshotSchema,
});
type Stored = z.infer<typeof StoredSchema>;

const keyOf = (programId: string, date: string) => `${programId}:${date}`;

export class KvsProgressHistoryStore implements ProgressHistoryStore {
  private entity = kvs.entity<Stored>(PROGRESS_ENTITY);

  async record(snapshot: ProgressSnapshot): Promise<'written' | 'exists'> {
    const stored: Stored = {
      programId: snapshot.programId,
      date: snapshot.date,
      schemaVersion: PROGRESS_SCHEMA_VERSION,
      snapshot: SnapshotSchema.parse(snapshot),
    };
    try {
      await this.entity.set(keyOf(snapshot.programId, snapshot.date), stored, {
        keyPolicy: 'FAIL_IF_EXISTS',
      });
      return 'written';
    } catch (cause) {
      // A trigger fired twice the same day: the first snapshot of the day stands.
      if (cause instanceof ForgeKvsAPIError && cause.code === 'KEY_CONFLICT') return 'exists';
      throw cause;
    }
  }

  async list(programId: string): Promise<ProgressSnapshot[]> {
    const snapshots: ProgressSnapshot[] = [];
    let cursor: string | undefined;
    do {
      let query = this.entity
        .query()
        .index('by-program', { partition: [programId] })
        .limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const { value } of page.results) {
        const parsed = StoredSchema.safeParse(value);
        if (parsed.success) snapshots.push(parsed.data.snapshot);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return snapshots.sort((a, b) => a.date.localeCompare(b.date));
  }

  async dropBefore(programId: string, date: string): Promise<number> {
    let dropped = 0;
    for (;;) {
      // Each pass deletes what it found, so the next query starts again at the oldest day left.
      const page = await this.entity
        .query()
        .index('by-program', { partition: [programId] })
        .where(WhereConditions.lessThan(date))
        .limit(100)
        .getMany();
      if (page.results.length === 0) return dropped;
      for (const { key } of page.results) await this.entity.delete(key);
      dropped += page.results.length;
    }
  }
}
