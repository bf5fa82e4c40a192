import { useCallback, useEffect, useState } from 'react';
import type { ProgramOverview, RequestOf, ResolverKey, ResponseOf } from '../../../../src/contract';
import { call, ResolverCallError } from '../api';

type MutationKey = {
  [K in ResolverKey]: ResponseOf<K> extends ProgramOverview ? K : never;
}[ResolverKey];

export interface OverviewState {
  overview: ProgramOverview | undefined;
  loadError: ResolverCallError | undefined;
  /** The last refused write, in the backend's words; a CONFLICT also reloads the overview. */
  writeError: ResolverCallError | undefined;
  reload: () => void;
  /** Sends a write; answers true when it was accepted. */
  mutate: <K extends MutationKey>(key: K, payload: RequestOf<K>) => Promise<boolean>;
  clearWriteError: () => void;
}

export function useOverview(programId: string): OverviewState {
  const [overview, setOverview] = useState<ProgramOverview | undefined>(undefined);
  const [loadError, setLoadError] = useState<ResolverCallError | undefined>(undefined);
  const [writeError, setWriteError] = useState<ResolverCallError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoadError(undefined);
    call('program/get', { programId }).then(
      (value) => current && setOverview(value),
      (error: unknown) => current && error instanceof ResolverCallError && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [programId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const mutate = useCallback(
    async <K extends MutationKey>(key: K, payload: RequestOf<K>): Promise<boolean> => {
      try {
        const next = (await call(key, payload)) as ProgramOverview;
        setOverview(next);
        setWriteError(undefined);
        return true;
      } catch (error) {
        if (error instanceof ResolverCallError) {
          setWriteError(error);
          if (error.errorType === 'CONFLICT') reload();
        }
        return false;
      }
    },
    [reload],
  );
  return { overview, loadError, writeError, reload, mutate, clearWriteError: () => setWriteError(undefined) };
}

/** A display name for an account id, from the people the program knows. */
export function nameOf(overview: ProgramOverview, accountId: string | null | undefined): string {
  if (!accountId) return '—';
  return overview.program.people.find((p) => p.accountId === accountId)?.displayName ?? accountId;
}
