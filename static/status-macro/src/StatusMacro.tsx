import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useCallback, useState } from 'react';
import { call } from './api';
import { loadMacroContext, openInNewTab } from './host';
import { programLink } from './card-model';
import { NoAccessCard, StatusCardView } from './StatusCardView';
import { useResource } from './use-resource';

export function StatusMacro() {
  const load = useCallback(async () => {
    const [context, status] = await Promise.all([loadMacroContext(), call('macro/status', {})]);
    return { context, status };
  }, []);
  const { resource, retry } = useResource(load);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | undefined>(undefined);

  if (resource.state === 'loading')
    return (
      <div style={{ padding: 16 }} aria-busy="true">
        <Spinner size="medium" label="Loading the program status" />
      </div>
    );
  if (resource.state === 'failed') {
    const unconfigured = resource.error.errorType === 'VALIDATION';
    return (
      <div data-testid="macro-error">
        <SectionMessage
          appearance={unconfigured ? 'information' : 'error'}
          title={unconfigured ? 'Pick a program' : 'The program status could not be loaded'}
          actions={
            unconfigured
              ? []
              : [
                  <SectionMessageAction key="retry" onClick={retry}>
                    Try again
                  </SectionMessageAction>,
                ]
          }
        >
          <p>{resource.error.message}</p>
        </SectionMessage>
      </div>
    );
  }
  const { status, context } = resource.value;
  if (status.access === 'none') return <NoAccessCard message={status.message} />;
  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await call('macro/snapshot/refresh', { programId: status.card.program.id });
      retry();
    } catch (error) {
      setRefreshError(error instanceof Error ? error.message : 'The status could not be refreshed.');
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
      {refreshError && <p role="alert">{refreshError}</p>}
    </>
  );
}
