import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverCallError } from './api';
import { explainMacroError } from './card-model';

/**
 * A failed macro call: the resolver's message, what to do about it, and Try again where that can help.
 * Try again is the new Button both bundles already hold: SectionMessageAction would add the legacy button and link.
 */
export function MacroError({
  error,
  title,
  onRetry,
  testId,
}: {
  error: ResolverCallError;
  /** Replaces the explanation's title, for failures other than loading the status. */
  title?: string;
  onRetry: () => void;
  testId: string;
}) {
  const explained = explainMacroError(error);
  return (
    <div data-testid={testId} data-error-type={error.errorType}>
      <SectionMessage
        appearance={explained.appearance}
        title={title ?? explained.title}
        actions={
          explained.canRetry
            ? [
                <Button key="retry" spacing="compact" onClick={onRetry} testId={`${testId}-retry`}>
                  Try again
                </Button>,
              ]
            : []
        }
      >
        <p>{error.message}</p>
        {explained.advice && <p>{explained.advice}</p>}
      </SectionMessage>
    </div>
  );
}
