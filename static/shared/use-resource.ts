import { useCallback, useEffect, useState } from 'react';
import { ResolverCallError } from './api';

export type Resource<T> =
  { state: 'loading' } | { state: 'failed'; error: ResolverCallError } | { state: 'ready'; value: T };

function asResolverCallError(error: unknown): ResolverCallError {
  if (error instanceof ResolverCallError) return error;
  return new ResolverCallError(
    'program/list',
    [{ errorType: 'INTERNAL', message: 'The page failed unexpectedly.' }],
    { cause: error },
  );
}

/**
 * Loads a value whenever `load` changes (wrap it in useCallback) and offers a retry.
 * A stale answer for an earlier `load` never overwrites a newer one.
 */
export function useResource<T>(load: (() => Promise<T>) | undefined): {
  resource: Resource<T>;
  retry: () => void;
} {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!load) return undefined;
    let current = true;
    setResource({ state: 'loading' });
    load().then(
      (value) => current && setResource({ state: 'ready', value }),
      (error: unknown) => current && setResource({ state: 'failed', error: asResolverCallError(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { resource, retry };
}
