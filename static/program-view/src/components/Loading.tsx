import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';

export function Loading({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="loading"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100', '8px'),
        padding: token('space.400', '32px'),
      }}
    >
      <Spinner size="medium" label={label} />
      <span style={{ color: token('color.text.subtle', '#44546F') }}>{label}…</span>
    </div>
  );
}
