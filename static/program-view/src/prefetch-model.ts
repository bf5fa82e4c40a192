// Calls a page starts before the component that needs them has mounted: a deep link names the program and
// tab at once, so the tab's data loads alongside the program instead of after it. Each prefetched answer is
// taken once; one nobody took within PREFETCH_TTL_MS is dropped and the component calls afresh.
import type { RequestOf, ResolverKey, ResponseOf } from '../../../src/contract';

export const PREFETCH_TTL_MS = 15_000;

interface Pending {
  at: number;
  answer: Promise<unknown>;
}

export interface Prefetcher {
  /** Starts the call now unless the same call is already waiting to be taken. */
  prefetch<K extends ResolverKey>(key: K, payload: RequestOf<K>): void;
  /** The prefetched answer when there is a fresh one (then forgotten), else a new call. */
  take<K extends ResolverKey>(key: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
}

export function makePrefetcher(
  callFn: <K extends ResolverKey>(key: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>,
  now: () => number = Date.now,
): Prefetcher {
  const pending = new Map<string, Pending>();
  const id = (key: string, payload: unknown) => `${key} ${JSON.stringify(payload)}`;
  const fresh = (entry: Pending | undefined): entry is Pending =>
    entry !== undefined && now() - entry.at < PREFETCH_TTL_MS;
  return {
    prefetch(key, payload) {
      const name = id(key, payload);
      if (fresh(pending.get(name))) return;
      const answer = callFn(key, payload);
      // A failure is the taker's to show; until someone takes it, it must not be an unhandled rejection.
      answer.catch(() => undefined);
      pending.set(name, { at: now(), answer });
    },
    take<K extends ResolverKey>(key: K, payload: RequestOf<K>) {
      const name = id(key, payload);
      const entry = pending.get(name);
      pending.delete(name);
      return fresh(entry) ? (entry.answer as Promise<ResponseOf<K>>) : callFn(key, payload);
    },
  };
}
