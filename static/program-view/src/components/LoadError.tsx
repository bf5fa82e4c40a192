import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ResolverCallError } from '../api';
import { explainError } from '../initiatives-model';

/** A failed call, explained in the TPM's terms, with the backend's own message and a way to try again. */
export function LoadError({ error, onRetry }: { error: ResolverCallError; onRetry: () => void }) {
  const { title, advice } = explainError(error.errorType);
  return (
    <SectionMessage
      appearance={error.errorType === 'RATE_LIMITED' ? 'warning' : 'error'}
      title={title}
      testId="load-error"
      actions={[
        <SectionMessageAction key="retry" onClick={onRetry} testId="load-error-retry">
          Retry
        </SectionMessageAction>,
      ]}
    >
      <p>{error.message}</p>
      <p>{advice}</p>
    </SectionMessage>
  );
}
