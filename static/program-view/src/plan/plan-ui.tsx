import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { Person } from '../../../../src/contract';

export const subtle = { margin: 0, color: token('color.text.subtle') } as const;
export const row = {
  display: 'flex',
  alignItems: 'center',
  gap: token('space.100', '8px'),
  flexWrap: 'wrap',
} as const;
export const stack = { display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') } as const;
export const field = { display: 'flex', flexDirection: 'column', gap: '4px', fontSize: '12px' } as const;
export const nativeControl = { padding: '6px', minHeight: '36px' } as const;

export const table = { borderCollapse: 'collapse', width: '100%', fontSize: '13px' } as const;
export const cell = {
  borderBottom: `1px solid ${token('color.border')}`,
  padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`,
  textAlign: 'left',
  verticalAlign: 'top',
} as const;
export const headCell = { ...cell, fontWeight: 600, color: token('color.text.subtle') } as const;

/** A titled part of the Plan tab. */
export function PlanSection({
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
  const id = `${testId}-heading`;
  return (
    <section
      data-testid={testId}
      aria-labelledby={id}
      style={{
        ...stack,
        paddingBottom: token('space.200', '16px'),
        borderBottom: `1px solid ${token('color.border')}`,
      }}
    >
      <div style={{ ...row, justifyContent: 'space-between' }}>
        <Heading size="small" as="h3" id={id}>
          {title}
        </Heading>
        <div style={row}>{actions}</div>
      </div>
      {children}
    </section>
  );
}

/** A display name for an account id; the id itself when nobody in the program has it. */
export function personName(people: readonly Person[], accountId: string | null | undefined): string {
  if (!accountId) return '—';
  return people.find((p) => p.accountId === accountId)?.displayName ?? accountId;
}

/** `2026-11-25T19:52:06.000Z` → `2026-11-25 19:52 UTC`. */
export function when(at: string | null | undefined): string {
  if (!at) return '—';
  return at.length >= 16 ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at;
}
