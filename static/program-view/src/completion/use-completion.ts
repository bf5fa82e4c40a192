import { useCallback, useEffect, useState } from 'react';
import type {
  CompletionRecords,
  CompletionView,
  RequestOf,
  ResolverKey,
  ResponseOf,
} from '../../../../src/contract';
import { call, ResolverCallError } from '../api';

/** Keys that change the Completion records and answer with them (the tab keeps its analysis). */
export type CompletionMutationKey = Exclude<
  {
    [K in ResolverKey]: ResponseOf<K> extends CompletionRecords ? K : never;
  }[ResolverKey],
  'completion/get'
>;
/** The request without `programId`, kept apart per variant (a new record, or an edit at a version). */
export type CompletionChange<K extends CompletionMutationKey> =
  RequestOf<K> extends infer R ? (R extends unknown ? Omit<R, 'programId'> : never) : never;

export type CompletionLoad =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverCallError }
  | { state: 'ready'; view: CompletionView };

export interface CompletionState {
  load: CompletionLoad;
  /** The last refused write, in the backend's words; a CONFLICT also reloads. */
  writeError: ResolverCallError | undefined;
  /** A short confirmation of the last accepted write, for screen readers. */
  saved: string | undefined;
  clearWriteError: () => void;
  reload: () => void;
  mutate: <K extends CompletionMutationKey>(
    key: K,
    change: CompletionChange<K>,
    saved: string,
  ) => Promise<boolean>;
}

function asCallError(error: unknown): ResolverCallError {
  if (error instanceof ResolverCallError) return error;
  return new ResolverCallError(
    'completion/get',
    [{ errorType: 'INTERNAL', message: 'The page failed unexpectedly.' }],
    { cause: error },
  );
}

/** `onStageChanged` runs after closing or reopening, so the page around the tab shows the new stage. */
export function useCompletion(programId: string, onStageChanged: () => void): CompletionState {
  const [load, setLoad] = useState<CompletionLoad>({ state: 'loading' });
  const [writeError, setWriteError] = useState<ResolverCallError | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    call('completion/get', { programId }).then(
      (view) => current && setLoad({ state: 'ready', view }),
      (error: unknown) => current && setLoad({ state: 'failed', error: asCallError(error) }),
    );
    return () => {
      current = false;
    };
  }, [programId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const mutate = useCallback(
    async <K extends CompletionMutationKey>(key: K, change: CompletionChange<K>, message: string) => {
      try {
        // A change is its request without `programId`: adding it back gives the request.
        const records = (await call(key, {
          ...change,
          programId,
        } as unknown as RequestOf<K>)) as CompletionRecords;
        setLoad((l) => (l.state === 'ready' ? { state: 'ready', view: { ...l.view, ...records } } : l));
        setWriteError(undefined);
        setSaved(message);
        if (key === 'program/close' || key === 'program/reopen') onStageChanged();
        return true;
      } catch (error) {
        const failure = asCallError(error);
        setWriteError(failure);
        setSaved(undefined);
        if (failure.errorType === 'CONFLICT' || failure.errorType === 'PROGRAM_CLOSED') reload();
        return false;
      }
    },
    [programId, reload, onStageChanged],
  );

  return {
    load,
    writeError,
    saved,
    clearWriteError: () => setWriteError(undefined),
    reload,
    mutate,
  };
}
