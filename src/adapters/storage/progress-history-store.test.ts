// The progress history store on the local Forge KVS (the real @forge/kvs, the manifest's entities).
import { kvs } from '@forge/kvs';
import { addDays, format, parseISO } from 'date-fns';
import { emulatorSite, installForgeRuntime, type LocalForgeRuntime } from '../../../dev/runtime';
import { manifestEntities } from '../../../dev/runtime/manifest-entities';
import type { ProgressSnapshot } from '../../domain/execution/burnup';
import { historyCutoff } from '../../services/execution/progress-history';
import { KvsProgressHistoryStore, PROGRESS_ENTITY } from './progress-history-store';

let runtime: LocalForgeRuntime;
beforeEach(() => {
  runtime = installForgeRuntime({
    site: emulatorSite('http://127.0.0.1:9', [], 'unused'),
    entities: manifestEntities(),
  });
});
afterEach(() => runtime.uninstall());

const snapshotOf = (programId: string, date: string, issuesDone = 1): ProgressSnapshot => ({
  programId,
  date,
  takenAt: `${date}T02:00:00.000Z`,
  projects: {
    PAY: {
      issues: 10,
      issuesDone,
      points: 30,
      pointsDone: 3 * issuesDone,
      initiatives: 2,
      initiativesDone: 0,
    },
  },
});

const stored = (programId: string) =>
  Object.keys(runtime.kvs.snapshot().entities[PROGRESS_ENTITY] ?? {}).filter((k) =>
    k.startsWith(`${programId}:`),
  );

const day = (start: string, n: number) => format(addDays(parseISO(start), n), 'yyyy-MM-dd');

describe('the progress history store', () => {
  it('keeps one snapshot per program and day: the first of the day stands', async () => {
    const store = new KvsProgressHistoryStore();
    expect(await store.record(snapshotOf('atlas', '2027-02-10', 1))).toBe('written');
    expect(await store.record(snapshotOf('atlas', '2027-02-10', 5))).toBe('exists');
    expect(stored('atlas')).toEqual(['atlas:2027-02-10']);
    expect((await store.list('atlas'))[0]?.projects.PAY?.issuesDone).toBe(1);
  });

  it('lists a program’s history oldest first across pages, and no other program’s', async () => {
    const store = new KvsProgressHistoryStore();
    const dates = Array.from({ length: 130 }, (_, n) => day('2026-10-01', n));
    for (const date of [...dates].reverse()) await store.record(snapshotOf('atlas', date));
    await store.record(snapshotOf('other', '2026-10-05'));
    const history = await store.list('atlas');
    expect(history.map((s) => s.date)).toEqual(dates);
    expect(history.every((s) => s.programId === 'atlas')).toBe(true);
  });

  it('drops the days before the cutoff, so at most 400 days are kept', async () => {
    const store = new KvsProgressHistoryStore();
    const today = '2027-02-10';
    for (let n = 0; n < 405; n++) await store.record(snapshotOf('atlas', day(today, -n)));
    await store.record(snapshotOf('other', day(today, -420)));
    expect(await store.dropBefore('atlas', historyCutoff(today))).toBe(5);
    const kept = await store.list('atlas');
    expect(kept).toHaveLength(400);
    expect(kept[0]?.date).toBe(historyCutoff(today));
    expect(stored('other')).toHaveLength(1);
    expect(await store.dropBefore('atlas', historyCutoff(today))).toBe(0);
  });

  it('skips a stored value of another shape instead of misreading it', async () => {
    const store = new KvsProgressHistoryStore();
    await store.record(snapshotOf('atlas', '2027-02-10'));
    await kvs
      .entity<Record<string, unknown>>(PROGRESS_ENTITY)
      .set('atlas:2027-02-11', { programId: 'atlas', date: '2027-02-11', schemaVersion: 99, snapshot: {} });
    expect((await store.list('atlas')).map((s) => s.date)).toEqual(['2027-02-10']);
  });
});
