import type { RequestOf, ResolverKey, ResponseOf } from '../../../src/contract';
import { makePrefetcher, PREFETCH_TTL_MS } from './prefetch-model';

function recordingCall(answer: (key: string) => Promise<unknown> = async (key) => ({ key })) {
  const calls: string[] = [];
  const callFn = <K extends ResolverKey>(key: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    calls.push(`${key} ${JSON.stringify(payload)}`);
    return answer(key) as Promise<ResponseOf<K>>;
  };
  return { calls, callFn };
}

describe('prefetching a tab’s data', () => {
  it('hands the component the call started before it mounted, without calling again', async () => {
    const { calls, callFn } = recordingCall();
    const { prefetch, take } = makePrefetcher(callFn);
    prefetch('program/initiatives', { programId: 'p-1' });
    prefetch('program/initiatives', { programId: 'p-1' });
    await expect(take('program/initiatives', { programId: 'p-1' })).resolves.toEqual({
      key: 'program/initiatives',
    });
    expect(calls).toEqual(['program/initiatives {"programId":"p-1"}']);
  });

  it('gives a prefetched answer once: the next take (a retry) asks afresh', async () => {
    const { calls, callFn } = recordingCall();
    const { prefetch, take } = makePrefetcher(callFn);
    prefetch('status/get', { programId: 'p-1' });
    await take('status/get', { programId: 'p-1' });
    await take('status/get', { programId: 'p-1' });
    expect(calls).toHaveLength(2);
  });

  it('never hands one program’s answer to another', async () => {
    const { calls, callFn } = recordingCall();
    const { prefetch, take } = makePrefetcher(callFn);
    prefetch('status/get', { programId: 'p-1' });
    await take('status/get', { programId: 'p-2' });
    expect(calls).toEqual(['status/get {"programId":"p-1"}', 'status/get {"programId":"p-2"}']);
  });

  it('drops an answer nobody took in time', async () => {
    let now = 0;
    const { calls, callFn } = recordingCall();
    const { prefetch, take } = makePrefetcher(callFn, () => now);
    prefetch('program/dependencies', { programId: 'p-1' });
    now = PREFETCH_TTL_MS;
    await take('program/dependencies', { programId: 'p-1' });
    expect(calls).toHaveLength(2);
  });

  it('keeps a failure for the component to show, not as an unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { callFn } = recordingCall(() => Promise.reject(new Error('Jira is down')));
      const { prefetch, take } = makePrefetcher(callFn);
      prefetch('program/initiatives', { programId: 'p-1' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(take('program/initiatives', { programId: 'p-1' })).rejects.toThrow('Jira is down');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
