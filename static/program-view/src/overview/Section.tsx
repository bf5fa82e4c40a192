import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

export function Section({
  title,
  testId,
  actions,
  children,
}: {
  title: string;
  testId: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={testId}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100', '8px'),
        paddingBottom: token('space.200', '16px'),
        borderBottom: `1px solid ${token('color.border')}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Heading size="small" as="h3">
          {title}
        </Heading>
        <div style={{ display: 'flex', gap: token('space.100', '8px') }}>{actions}</div>
      </div>
      {children}
    </section>
  );
}

export const subtle = { margin: 0, color: token('color.text.subtle') } as const;

export const lines = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
