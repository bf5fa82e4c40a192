import { useCallback, useEffect, useState } from 'react';
import type {
  CalendarRequest,
  PlanListRow,
  ProgramOverview,
  QuarterPlanView,
  RequestOf,
  ResolverKey,
  ResponseOf,
  TeamOkrs,
} from '../../../../src/contract';
import { call, ResolverCallError } from '../api';

/** Resolver keys that change a quarter plan at a version and answer with the whole plan view. */
export type PlanMutationKey = {
  [K in ResolverKey]: RequestOf<K> extends { quarter: string; expectedVersion: number }
    ? ResponseOf<K> extends QuarterPlanView
      ? K
      : never
    : never;
}[ResolverKey];

/** What a mutation needs beyond the plan it applies to. */
export type PlanChange<K extends PlanMutationKey> = Omit<
  RequestOf<K>,
  'programId' | 'quarter' | 'expectedVersion'
>;

export type PlanLoad =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverCallError }
  | { state: 'missing' }
  | { state: 'ready'; view: QuarterPlanView };

export interface PlanState {
  plans: PlanListRow[] | undefined;
  listError: ResolverCallError | undefined;
  quarter: string | undefined;
  selectQuarter: (quarter: string) => void;
  load: PlanLoad;
  /** People and goals of the program, for names and the success criteria's goal links. */
  overview: ProgramOverview | undefined;
  okrs: TeamOkrs[] | undefined;
  /** The last refused write, in the backend's words; a CONFLICT also reloads the plan. */
  writeError: ResolverCallError | undefined;
  /** A short confirmation of the last accepted write, for screen readers. */
  saved: string | undefined;
  clearWriteError: () => void;
  reload: () => void;
  create: (calendar: CalendarRequest) => Promise<boolean>;
  /** Sends a write at the plan's current version; answers true when it was accepted. */
  mutate: <K extends PlanMutationKey>(key: K, change: PlanChange<K>, saved?: string) => Promise<boolean>;
}

function asCallError(error: unknown): ResolverCallError {
  if (error instanceof ResolverCallError) return error;
  return new ResolverCallError(
    'plan/get',
    [{ errorType: 'INTERNAL', message: 'The page failed unexpectedly.' }],
    { cause: error },
  );
}

export function usePlan(programId: string, defaultQuarter: (planned: string[]) => string): PlanState {
  const [plans, setPlans] = useState<PlanListRow[] | undefined>();
  const [listError, setListError] = useState<ResolverCallError | undefined>();
  const [quarter, setQuarter] = useState<string | undefined>();
  const [load, setLoad] = useState<PlanLoad>({ state: 'loading' });
  const [overview, setOverview] = useState<ProgramOverview | undefined>();
  const [okrs, setOkrs] = useState<TeamOkrs[] | undefined>();
  const [writeError, setWriteError] = useState<ResolverCallError | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    call('plan/list', { programId }).then(
      ({ plans: rows }) => {
        if (!current) return;
        setPlans(rows);
        setListError(undefined);
        setQuarter((q) => q ?? defaultQuarter(rows.map((r) => r.quarter)));
      },
      (error: unknown) => current && setListError(asCallError(error)),
    );
    call('program/get', { programId }).then(
      (value) => current && setOverview(value),
      (error: unknown) => console.warn('Could not read the program’s people and goals.', error),
    );
    return () => {
      current = false;
    };
    // defaultQuarter is only asked once, when no quarter is chosen yet: it is not a dependency.
  }, [programId, attempt]);

  useEffect(() => {
    if (!quarter) return undefined;
    let current = true;
    setLoad({ state: 'loading' });
    call('plan/get', { programId, quarter }).then(
      (view) => current && setLoad({ state: 'ready', view }),
      (error: unknown) => {
        if (!current) return;
        const failure = asCallError(error);
        setLoad(
          failure.errorType === 'NOT_FOUND' ? { state: 'missing' } : { state: 'failed', error: failure },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [programId, quarter, attempt]);

  const version = load.state === 'ready' ? load.view.plan.version : undefined;
  useEffect(() => {
    if (!quarter || version === undefined) return undefined;
    let current = true;
    call('plan/team-okrs', { programId, quarter }).then(
      ({ teams }) => current && setOkrs(teams),
      (error: unknown) => {
        console.warn('Could not read the team OKRs.', error);
        if (current) setOkrs(undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [programId, quarter, version]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const create = useCallback(
    async (calendar: CalendarRequest): Promise<boolean> => {
      if (!quarter) return false;
      try {
        const view = await call('plan/create', { programId, quarter, calendar });
        setLoad({ state: 'ready', view });
        setWriteError(undefined);
        setSaved(`Created the plan for ${quarter}.`);
        call('plan/list', { programId }).then(
          ({ plans: rows }) => setPlans(rows),
          () => undefined,
        );
        return true;
      } catch (error) {
        const failure = asCallError(error);
        setWriteError(failure);
        if (failure.errorType === 'CONFLICT') reload();
        return false;
      }
    },
    [programId, quarter, reload],
  );

  const mutate = useCallback(
    async <K extends PlanMutationKey>(key: K, change: PlanChange<K>, message?: string): Promise<boolean> => {
      if (!quarter || version === undefined) return false;
      try {
        const payload = { ...change, programId, quarter, expectedVersion: version } as RequestOf<K>;
        const view = (await call(key, payload)) as QuarterPlanView;
        setLoad({ state: 'ready', view });
        setWriteError(undefined);
        setSaved(message ?? 'Saved.');
        return true;
      } catch (error) {
        const failure = asCallError(error);
        setWriteError(failure);
        if (failure.errorType === 'CONFLICT') reload();
        return false;
      }
    },
    [programId, quarter, version, reload],
  );

  return {
    plans,
    listError,
    quarter,
    selectQuarter: setQuarter,
    load,
    overview,
    okrs,
    writeError,
    saved,
    clearWriteError: () => setWriteError(undefined),
    reload,
    create,
    mutate,
  };
}
