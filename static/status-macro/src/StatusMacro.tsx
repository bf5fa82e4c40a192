import { useCallback, useState } from 'react';
import { call, ResolverCallError } from './api';
import { programLink } from './card-model';
import { loadMacroContext, openInNewTab } from './host';
import { MacroError } from './MacroError';
import { StatusCardSkeleton } from './MacroSkeletons';
import { NoAccessCard, StatusCardView } from './StatusCardView';
import { useResource } from './use-resource';

export function StatusMacro() {
  const load = useCallback(async () => {
    const [context, status] = await Promise.all([loadMacroContext(), call('macro/status', {})]);
    return { context, status };
  }, []);
  const { resource, retry } = useResource(load);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<ResolverCallError | undefined>(undefined);

  if (resource.state === 'loading') return <StatusCardSkeleton />;
  if (resource.state === 'failed')
    return <MacroError error={resource.error} onRetry={retry} testId="macro-error" />;
  const { status, context } = resource.value;
  if (status.access === 'none') return <NoAccessCard message={status.message} />;
  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await call('macro/snapshot/refresh', { programId: status.card.program.id });
      retry();
    } catch (error) {
      setRefreshError(
        error instanceof ResolverCallError
          ? error
          : new ResolverCallError(
              'macro/snapshot/refresh',
              [{ errorType: 'INTERNAL', message: 'The status could not be refreshed.' }],
              { cause: error },
            ),
      );
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <>
      <StatusCardView
        card={status.card}
        onOpen={() => openInNewTab(programLink(context.localId, status.scopeJql))}
        {...(status.canRefresh ? { onRefresh: () => void refresh(), refreshing } : {})}
      />
      {refreshError && (
        <MacroError
          error={refreshError}
          title="The status could not be refreshed"
          onRetry={() => void refresh()}
          testId="refresh-error"
        />
      )}
    </>
  );
}
