/** The store on its own: behaviour @forge/kvs cannot drive directly (time, unknown paths, bad files). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKvsStore } from './kvs-store';

describe('LocalKvsStore', () => {
  it('forgets a value once its TTL has passed and reports its expiry until then', () => {
    let now = Date.parse('2027-01-04T09:00:00Z');
    const store = new LocalKvsStore({ now: () => now });
    store.handle('/api/v1/set', {
      key: 'lock',
      value: 'held',
      options: { ttl: { value: 5, unit: 'MINUTES' } },
    });

    expect(
      store.handle('/api/v1/get', { key: 'lock', options: { metadataFields: ['EXPIRE_TIME'] } }),
    ).toEqual({
      status: 200,
      body: { key: 'lock', value: 'held', expireTime: '2027-01-04T09:05:00.000Z' },
    });
    now += 5 * 60_000;
    expect(store.handle('/api/v1/get', { key: 'lock' })).toMatchObject({
      status: 404,
      body: { code: 'KEY_NOT_FOUND' },
    });
  });

  it('lets FAIL_IF_EXISTS take a key whose TTL has passed', () => {
    let now = 0;
    const store = new LocalKvsStore({ now: () => now });
    const claim = {
      key: 'lock',
      value: 'a',
      options: { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 1, unit: 'SECONDS' } },
    };

    expect(store.handle('/api/v1/set', claim).status).toBe(204);
    expect(store.handle('/api/v1/set', claim).status).toBe(409);
    now += 1_000;
    expect(store.handle('/api/v1/set', claim).status).toBe(204);
  });

  it('keeps createdAt and moves updatedAt when a value is overwritten', () => {
    let now = Date.parse('2027-01-04T09:00:00Z');
    const store = new LocalKvsStore({ now: () => now });
    store.handle('/api/v1/set', { key: 'k', value: 1 });
    now += 60_000;
    store.handle('/api/v1/set', { key: 'k', value: 2 });

    const { body } = store.handle('/api/v1/get', {
      key: 'k',
      options: { metadataFields: ['CREATED_AT', 'UPDATED_AT'] },
    });
    expect(body).toEqual({ key: 'k', value: 2, createdAt: now / 1000 - 60, updatedAt: now / 1000 });
  });

  it('answers 501 naming a path it does not model', () => {
    expect(new LocalKvsStore().handle('/api/v1/entity/batch/vacuum', {})).toEqual({
      status: 501,
      body: {
        code: 'NOT_IMPLEMENTED',
        message: 'The local KVS does not model POST /api/v1/entity/batch/vacuum',
      },
    });
  });

  it('answers BAD_REQUEST for a body that is not an object', () => {
    expect(new LocalKvsStore().handle('/api/v1/set', 'key=value')).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses to start on a file that is not its own rather than wiping it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forge-kvs-'));
    try {
      const file = join(dir, 'kvs.json');
      writeFileSync(file, '{"programs": []}');
      expect(() => new LocalKvsStore({ file })).toThrow(/not a forge-kvs-local\/1 file/);
      writeFileSync(file, '{not json');
      expect(() => new LocalKvsStore({ file })).toThrow(/not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('clears every namespace', () => {
    const store = new LocalKvsStore();
    store.handle('/api/v1/set', { key: 'a', value: 1 });
    store.handle('/api/v1/secret/set', { key: 'b', value: 2 });
    store.handle('/api/v1/entity/set', { entityName: 'milestone', key: 'c', value: { due: 'x' } });

    store.clear();

    expect(store.snapshot()).toEqual({ kvs: {}, secrets: {}, entities: {} });
  });
});
