import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

/**
 * Nothing to show yet, and what to do about it. Built on Atlaskit's heading and tokens rather than
 * @atlaskit/empty-state, whose current release pulls second copies of @atlaskit/tokens and heading into each bundle.
 */
export function EmptyState({
  header,
  description,
  action,
  testId,
  headingLevel = 'h3',
}: {
  header: string;
  description: ReactNode;
  action?: ReactNode;
  testId: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  return (
    <section
      data-testid={testId}
      aria-label={header}
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        textAlign: 'center',
        gap: token('space.150', '12px'),
        padding: `${token('space.600', '48px')} ${token('space.300', '24px')}`,
        maxWidth: '560px',
        margin: '0 auto',
      }}
    >
      <Heading size="medium" as={headingLevel}>
        {header}
      </Heading>
      <div style={{ color: token('color.text.subtle') }}>{description}</div>
      {action && <div>{action}</div>}
    </section>
  );
}
