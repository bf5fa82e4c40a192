/**
 * Contract of the storage seam: the REAL @forge/kvs 1.6.5 talks to the local KVS through `__forge_fetch__`.
 * These tests pin the request paths and bodies that client sends and the answers it understands.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Filter,
  FilterConditions,
  ForgeKvsAPIError,
  kvs,
  MetadataField,
  Sort,
  WhereConditions,
} from '@forge/kvs';
import { emulatorSite, installForgeRuntime, type LocalForgeRuntime } from './index';

const site = emulatorSite('http://127.0.0.1:9', [], 'unused');

async function allPages(prefix: string, limit?: number): Promise<{ keys: string[]; pageSizes: number[] }> {
  const keys: string[] = [];
  const pageSizes: number[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix));
    if (limit !== undefined) query = query.limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<number>();
    pageSizes.push(page.results.length);
    keys.push(...page.results.map((result) => result.key));
    cursor = page.nextCursor;
  } while (cursor);
  return { keys, pageSizes };
}

const keyOf = (i: number) => `risk:${String(i).padStart(2, '0')}`;

describe('@forge/kvs on the local KVS', () => {
  let runtime: LocalForgeRuntime;

  beforeEach(() => {
    runtime = installForgeRuntime({
      site,
      entities: {
        milestone: {
          attributes: { programId: { type: 'string' }, due: { type: 'string' }, done: { type: 'boolean' } },
          indexes: [{ name: 'by-program', partition: ['programId'], range: 'due' }, 'due'],
        },
      },
    });
  });

  afterEach(() => runtime.uninstall());

  describe('single keys', () => {
    it('sets, gets and deletes a value', async () => {
      await kvs.set('program:p1', { name: 'Payments 2027', owners: ['acc-1'] });

      expect(await kvs.get('program:p1')).toEqual({ name: 'Payments 2027', owners: ['acc-1'] });
      await kvs.delete('program:p1');
      expect(await kvs.get('program:p1')).toBeUndefined();
    });

    it('answers undefined for a key never written and deletes it without complaint', async () => {
      expect(await kvs.get('program:none')).toBeUndefined();
      await expect(kvs.delete('program:none')).resolves.toBeUndefined();
    });

    it('refuses to overwrite with keyPolicy FAIL_IF_EXISTS', async () => {
      await kvs.set('lock:publish', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });

      const second = kvs.set('lock:publish', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });

      await expect(second).rejects.toBeInstanceOf(ForgeKvsAPIError);
      await expect(second).rejects.toMatchObject({ code: 'KEY_CONFLICT', responseDetails: { status: 409 } });
      expect(await kvs.get('lock:publish')).toBe('first');
    });

    it('returns the previous value and metadata when asked', async () => {
      await kvs.set('counter', 1);

      const previous = await kvs.set('counter', 2, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'PREVIOUS',
        returnMetadataFields: [MetadataField.CREATED_AT],
      });

      expect(previous).toEqual({ key: 'counter', value: 1, createdAt: expect.any(Number) });
      expect(await kvs.get('counter', { metadataFields: [MetadataField.UPDATED_AT] })).toEqual({
        key: 'counter',
        value: 2,
        updatedAt: expect.any(Number),
      });
    });

    it('keeps secrets apart from plain keys', async () => {
      await kvs.setSecret('slack-webhook', 'https://hooks.example/abc');

      expect(await kvs.getSecret('slack-webhook')).toBe('https://hooks.example/abc');
      expect(await kvs.get('slack-webhook')).toBeUndefined();
      await kvs.deleteSecret('slack-webhook');
      expect(await kvs.getSecret('slack-webhook')).toBeUndefined();
    });
  });

  describe('limits', () => {
    it('rejects a value over 240 KiB with MAX_SIZE and stores nothing', async () => {
      const write = kvs.set('plan:big', 'x'.repeat(240 * 1024));

      await expect(write).rejects.toBeInstanceOf(ForgeKvsAPIError);
      await expect(write).rejects.toMatchObject({ code: 'MAX_SIZE', responseDetails: { status: 400 } });
      expect(await kvs.get('plan:big')).toBeUndefined();
    });

    it('accepts a value of exactly 240 KiB once serialized', async () => {
      const value = 'x'.repeat(240 * 1024 - 2); // the JSON quotes make it exactly 240 KiB
      await kvs.set('plan:edge', value);
      expect(await kvs.get('plan:edge')).toBe(value);
    });

    it.each([
      ['a key over 500 characters', 'k'.repeat(501), 'KEY_TOO_LONG'],
      ['a key with a slash', 'program/p1', 'INVALID_KEY'],
      ['a key of only spaces', '   ', 'INVALID_KEY'],
      ['an empty key', '', 'KEY_TOO_SHORT'],
    ])('rejects %s', async (_case, key, code) => {
      await expect(kvs.set(key, 1)).rejects.toMatchObject({ code, responseDetails: { status: 400 } });
    });

    it('accepts every character Forge allows in a key', async () => {
      await kvs.set('Program:p-1_2.3 #4', true);
      expect(await kvs.get('Program:p-1_2.3 #4')).toBe(true);
    });

    it('rejects a value nested deeper than 32 levels with MAX_DEPTH', async () => {
      let deep: unknown = 'leaf';
      for (let i = 0; i < 33; i++) deep = { next: deep };
      await expect(kvs.set('deep', deep)).rejects.toMatchObject({ code: 'MAX_DEPTH' });
    });
  });

  describe('queries', () => {
    beforeEach(async () => {
      // written in reverse so the order of results comes from the store, not from insertion
      for (let i = 44; i >= 0; i--) await kvs.set(keyOf(i), i);
      await kvs.set('goal:01', 1);
    });

    it('pages through 45 keys by 20 with cursors, in key order, only under the prefix', async () => {
      const { keys, pageSizes } = await allPages('risk:');

      expect(pageSizes).toEqual([20, 20, 5]);
      expect(keys).toEqual(Array.from({ length: 45 }, (_, i) => keyOf(i)));
    });

    it('honours a smaller limit and caps a larger one at 20 per page', async () => {
      expect((await allPages('risk:', 15)).pageSizes).toEqual([15, 15, 15]);
      expect((await allPages('risk:', 50)).pageSizes).toEqual([20, 20, 5]);
    });

    it('rejects a limit over 100', async () => {
      await expect(kvs.query().limit(101).getMany()).rejects.toMatchObject({
        code: 'LIST_QUERY_LIMIT_EXCEEDED',
      });
    });

    it('returns the values with the keys, and getOne the first', async () => {
      const first = await kvs.query().where('key', WhereConditions.beginsWith('risk:')).getOne<number>();
      expect(first).toEqual({ key: 'risk:00', value: 0 });
    });

    it('lists every key without a where clause', async () => {
      const { results } = await kvs.query().limit(100).getMany();
      expect(results.map((result) => result.key)).toContain('goal:01');
    });

    it('rejects a cursor it did not issue', async () => {
      await expect(kvs.query().cursor('not-a-cursor').getMany()).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
    });
  });

  describe('batches', () => {
    it('sets, gets and deletes several keys, reporting each', async () => {
      const set = await kvs.batchSet<unknown>([
        { key: 'goal:1', value: { statement: 'Cut checkout time' } },
        { key: 'goal:2', value: { statement: 'Launch in EU' } },
        { key: 'bad/key', value: 1 },
      ]);

      expect(set.successfulKeys).toEqual([{ key: 'goal:1' }, { key: 'goal:2' }]);
      expect(set.failedKeys).toEqual([
        { key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) },
      ]);

      const got = await kvs.batchGet<{ statement: string }>([
        { key: 'goal:1' },
        { key: 'goal:2' },
        { key: 'goal:3' },
      ]);
      expect(got.successfulKeys.map((item) => item.value.statement)).toEqual([
        'Cut checkout time',
        'Launch in EU',
      ]);
      expect(got.failedKeys).toEqual([
        { key: 'goal:3', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) },
      ]);

      const deleted = await kvs.batchDelete([{ key: 'goal:1' }, { key: 'goal:2' }]);
      expect(deleted.successfulKeys).toHaveLength(2);
      expect(await kvs.get('goal:1')).toBeUndefined();
    });

    it('fails a batch entirely when it sets the same key twice', async () => {
      const batch = kvs.batchSet([
        { key: 'goal:1', value: 1 },
        { key: 'goal:1', value: 2 },
      ]);

      await expect(batch).rejects.toMatchObject({ responseDetails: { status: 400 } });
      expect(await kvs.get('goal:1')).toBeUndefined();
    });
  });

  describe('transactions', () => {
    it('commits every operation together', async () => {
      await kvs.set('plan:old', 'v1');

      await kvs.transact().set('plan:new', 'v2').delete('plan:old').execute();

      expect(await kvs.get('plan:new')).toBe('v2');
      expect(await kvs.get('plan:old')).toBeUndefined();
    });

    it('writes nothing when one condition fails', async () => {
      await kvs.entity('milestone').set('m1', { programId: 'p1', due: '2027-03-31', done: false });
      await kvs.set('audit:count', 1);

      const transaction = kvs
        .transact()
        .set('audit:count', 2)
        .set('m2', { programId: 'p1', due: '2027-06-30', done: false }, { entityName: 'milestone' })
        .check('m1', {
          entityName: 'milestone',
          conditions: new Filter<Milestone>().and('done', FilterConditions.equalTo(true)),
        })
        .execute();

      await expect(transaction).rejects.toBeInstanceOf(ForgeKvsAPIError);
      await expect(transaction).rejects.toMatchObject({
        code: 'CONDITIONAL_CHECK_FAILED',
        responseDetails: { status: 409 },
      });
      expect(await kvs.get('audit:count')).toBe(1);
      expect(await kvs.entity('milestone').get('m2')).toBeUndefined();
    });

    it('writes when the conditions hold, including "not exists" on a new entity', async () => {
      await kvs.entity('milestone').set('m1', { programId: 'p1', due: '2027-03-31', done: false });

      await kvs
        .transact()
        .set(
          'm1',
          { programId: 'p1', due: '2027-03-31', done: true },
          {
            entityName: 'milestone',
            conditions: new Filter<Milestone>().and('done', FilterConditions.equalTo(false)),
          },
        )
        .set(
          'm9',
          { programId: 'p1', due: '2027-09-30', done: false },
          {
            entityName: 'milestone',
            conditions: new Filter<Milestone>().and('programId', FilterConditions.notExists()),
          },
        )
        .execute();

      expect(await kvs.entity<Milestone>('milestone').get('m1')).toMatchObject({ done: true });
      expect(await kvs.entity<Milestone>('milestone').get('m9')).toMatchObject({ due: '2027-09-30' });
    });

    it('rejects more than 25 operations and a key used twice', async () => {
      const tooMany = kvs.transact();
      for (let i = 0; i < 26; i++) tooMany.set(`k:${i}`, i);
      await expect(tooMany.execute()).rejects.toMatchObject({ responseDetails: { status: 400 } });
      expect(await kvs.get('k:0')).toBeUndefined();

      const twice = kvs.transact().set('k:1', 1).delete('k:1').execute();
      await expect(twice).rejects.toMatchObject({ responseDetails: { status: 400 } });
    });
  });

  describe('custom entities', () => {
    beforeEach(async () => {
      const milestones = kvs.entity<Milestone>('milestone');
      await milestones.set('m1', { programId: 'p1', due: '2027-03-31', done: true });
      await milestones.set('m2', { programId: 'p1', due: '2027-06-30', done: false });
      await milestones.set('m3', { programId: 'p1', due: '2027-09-30', done: false });
      await milestones.set('m4', { programId: 'p2', due: '2027-01-31', done: false });
    });

    it('queries a declared index by partition, range, filters and sort', async () => {
      const { results } = await kvs
        .entity<Milestone>('milestone')
        .query()
        .index('by-program', { partition: ['p1'] })
        .where(WhereConditions.greaterThan('2027-04-01'))
        .filters(new Filter<Milestone>().and('done', FilterConditions.equalTo(false)))
        .sort(Sort.DESC)
        .getMany();

      expect(results.map((result) => result.key)).toEqual(['m3', 'm2']);
    });

    it('pages an index with cursors', async () => {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        let query = kvs.entity<Milestone>('milestone').query().index('due').limit(3);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        keys.push(...page.results.map((result) => result.key));
        cursor = page.nextCursor;
      } while (cursor);

      expect(keys).toEqual(['m4', 'm1', 'm2', 'm3']);
    });

    it('rejects a value of the wrong attribute type', async () => {
      const write = kvs.entity('milestone').set('m5', { programId: 'p1', due: 20270101 });
      await expect(write).rejects.toMatchObject({ code: 'INVALID_ENTITY_VALUE' });
    });

    it('rejects an index the entity does not declare', async () => {
      const query = kvs.entity('milestone').query().index('by-owner').getMany();
      await expect(query).rejects.toMatchObject({ code: 'INVALID_ENTITY_INDEX' });
    });

    it('ranges over the key for an entity it knows no declaration of', async () => {
      const notes = kvs.entity<{ text: string }>('program-note');
      await notes.set('p1:a', { text: 'a' });
      await notes.set('p2:b', { text: 'b' });

      const { results } = await notes
        .query()
        .index('by-key')
        .where(WhereConditions.beginsWith('p1:'))
        .getMany();

      expect(results).toEqual([{ key: 'p1:a', value: { text: 'a' } }]);
    });
  });
});

interface Milestone {
  programId: string;
  due: string;
  done: boolean;
}

describe('persistence to kvsFile', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'forge-kvs-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every namespace across a restart of the runtime', async () => {
    const file = join(dir, 'nested', 'kvs.json');
    const first = installForgeRuntime({ site, kvsFile: file });
    try {
      await kvs.set('program:p1', { name: 'Payments' });
      await kvs.setSecret('token', 's3cret');
      await kvs.entity('milestone').set('m1', { due: '2027-03-31' });
      await kvs.transact().set('program:p2', { name: 'Identity' }).execute();
    } finally {
      first.uninstall();
    }

    const second = installForgeRuntime({ site, kvsFile: file });
    try {
      expect(await kvs.get('program:p1')).toEqual({ name: 'Payments' });
      expect(await kvs.get('program:p2')).toEqual({ name: 'Identity' });
      expect(await kvs.getSecret('token')).toBe('s3cret');
      expect(await kvs.entity('milestone').get('m1')).toEqual({ due: '2027-03-31' });
    } finally {
      second.uninstall();
    }
  });

  it('leaves only the store file behind, never a half-written temporary', async () => {
    const file = join(dir, 'kvs.json');
    const runtime = installForgeRuntime({ site, kvsFile: file });
    try {
      await kvs.set('a', 1);
      await kvs.delete('a');
    } finally {
      runtime.uninstall();
    }

    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir)).toEqual(['kvs.json']);
  });
});

describe('uninstall()', () => {
  it('removes the globals, so storage calls fail as they do off Forge without a runtime', async () => {
    installForgeRuntime({ site }).uninstall();

    expect('__forge_fetch__' in globalThis).toBe(false);
    expect('__forge_runtime__' in globalThis).toBe(false);
    await expect(kvs.get('anything')).rejects.toThrow(TypeError);
  });
});
