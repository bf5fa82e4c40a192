import type { ReactNode } from 'react';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';

const hidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** What is loading, said to screen readers once; the grey shapes are for the eye only. */
function Busy({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="loading" data-skeleton={testId}>
      <span style={hidden}>{label}…</span>
      <div
        aria-hidden="true"
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}
      >
        {children}
      </div>
    </div>
  );
}

const TEXT_HEIGHT = '16px';
const SMALL = token('radius.small');
const MEDIUM = token('radius.medium');
const widths = ['72%', '48%', '60%', '36%', '84%', '54%'];

/** A table about to appear: its header row and a few rows of cells, column for column. */
export function TableSkeleton({
  label,
  columns,
  rows = 5,
}: {
  label: string;
  columns: number;
  rows?: number;
}) {
  const grid = {
    display: 'grid',
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gap: token('space.200', '16px'),
    alignItems: 'center',
  } as const;
  return (
    <Busy label={label} testId="table">
      <div style={{ ...grid, paddingBottom: token('space.100', '8px') }}>
        {Array.from({ length: columns }, (_, column) => (
          <Skeleton key={column} width="40%" height="12px" borderRadius={SMALL} />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} style={grid}>
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton
              key={column}
              width={widths[(row + column) % widths.length] ?? '50%'}
              height={TEXT_HEIGHT}
              borderRadius={SMALL}
              isShimmering
            />
          ))}
        </div>
      ))}
    </Busy>
  );
}

/** Cards or sections about to appear: a heading and a few lines each. */
export function CardsSkeleton({ label, cards = 3 }: { label: string; cards?: number }) {
  return (
    <Busy label={label} testId="cards">
      {Array.from({ length: cards }, (_, card) => (
        <div
          key={card}
          style={{
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.100', '8px'),
            padding: token('space.200', '16px'),
            borderRadius: token('radius.medium', '6px'),
            border: `${token('border.width', '1px')} solid ${token('color.border')}`,
          }}
        >
          <Skeleton width="28%" height="20px" borderRadius={SMALL} isShimmering />
          <Skeleton width="90%" height={TEXT_HEIGHT} borderRadius={SMALL} isShimmering />
          <Skeleton width={widths[card % widths.length] ?? '50%'} height={TEXT_HEIGHT} borderRadius={SMALL} />
        </div>
      ))}
    </Busy>
  );
}

/** A chart or graph about to appear: one block the size it will take. */
export function BlockSkeleton({ label, height }: { label: string; height: number }) {
  return (
    <Busy label={label} testId="block">
      <Skeleton width="30%" height="20px" borderRadius={SMALL} />
      <Skeleton width="100%" height={`${height}px`} borderRadius={MEDIUM} isShimmering />
    </Busy>
  );
}

/** A program about to open: its title row, its tabs and the first tab's content. */
export function ProgramSkeleton({ label }: { label: string }) {
  return (
    <Busy label={label} testId="program">
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <Skeleton width="96px" height="32px" borderRadius={SMALL} />
        <Skeleton width="320px" height="28px" borderRadius={SMALL} isShimmering />
      </div>
      <div style={{ display: 'flex', gap: token('space.200', '16px') }}>
        {Array.from({ length: 8 }, (_, tab) => (
          <Skeleton key={tab} width="84px" height="20px" borderRadius={SMALL} />
        ))}
      </div>
      <Skeleton width="100%" height="240px" borderRadius={MEDIUM} isShimmering />
    </Busy>
  );
}
