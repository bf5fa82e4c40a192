import { useCallback, useEffect, useState } from 'react';
import { ResolverCallError } from './api';

export type Resource<T> =
  { state: 'loading' } | { state: 'failed'; error: ResolverCallError } | { state: 'ready'; value: T };

/** Loads a value whenever `load` changes (wrap it in useCallback) and offers a retry. */
export function useResource<T>(load: () => Promise<T>): { resource: Resource<T>; retry: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setResource({ state: 'loading' });
    load().then(
      (value) => current && setResource({ state: 'ready', value }),
      (error: unknown) =>
        current &&
        setResource({
          state: 'failed',
          error:
            error instanceof ResolverCallError
              ? error
              : new ResolverCallError(
                  { errorType: 'INTERNAL', message: 'The macro failed unexpectedly.' },
                  { cause: error },
                ),
        }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { resource, retry };
}
