import { useSyncExternalStore, type ComponentProps, type ReactNode } from 'react';
import { Stack } from '@atlaskit/primitives/compiled';
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

export const TEXT_HEIGHT = '16px';
const widths = ['72%', '48%', '60%', '36%', '84%', '54%'];
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

let reducedMotion: MediaQueryList | undefined;
/** The one query every skeleton reads: a table of skeletons would otherwise ask the browser once per bone. */
function motionQuery(): MediaQueryList | undefined {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
  return (reducedMotion ??= window.matchMedia(REDUCED_MOTION));
}

function subscribeToMotionPreference(onChange: () => void): () => void {
  const query = motionQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True while the viewer's system asks for less motion; follows the setting if it changes. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeToMotionPreference,
    () => motionQuery()?.matches ?? false,
    () => false,
  );
}

/** One grey shape; it shimmers only when asked to and when the viewer has not asked for less motion. */
export function Bone({
  width,
  height,
  radius,
  shimmer = false,
}: {
  width: string;
  height: string;
  /** The skeleton's own default, radius.small, when left out. */
  radius?: ComponentProps<typeof Skeleton>['borderRadius'];
  shimmer?: boolean;
}) {
  const still = usePrefersReducedMotion();
  return (
    <Skeleton
      width={width}
      height={height}
      isShimmering={shimmer && !still}
      {...(radius ? { borderRadius: radius } : {})}
    />
  );
}

/** What is loading, said to screen readers once; the grey shapes are for the eye only. */
export function Busy({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="loading" data-skeleton={testId}>
      <span style={hidden}>{label}…</span>
      {/* Stack's spacing is a static token class: the settings bundle need not carry token()'s name map. */}
      <div aria-hidden="true">
        <Stack space="space.150">{children}</Stack>
      </div>
    </div>
  );
}

/** A table's header row and a few rows of cells, column for column; for skeletons that hold a table. */
export function TableShape({ columns, rows }: { columns: number; rows: number }) {
  const grid = {
    display: 'grid',
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gap: token('space.200', '16px'),
    alignItems: 'center',
  } as const;
  return (
    <>
      <div style={{ ...grid, paddingBottom: token('space.100', '8px') }}>
        {Array.from({ length: columns }, (_, column) => (
          <Bone key={column} width="40%" height="12px" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} style={grid}>
          {Array.from({ length: columns }, (_, column) => (
            <Bone
              key={column}
              width={widths[(row + column) % widths.length] ?? '50%'}
              height={TEXT_HEIGHT}
              shimmer
            />
          ))}
        </div>
      ))}
    </>
  );
}

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
  return (
    <Busy label={label} testId="table">
      <TableShape columns={columns} rows={rows} />
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
          <Bone width="28%" height="20px" shimmer />
          <Bone width="90%" height={TEXT_HEIGHT} shimmer />
          <Bone width={widths[card % widths.length] ?? '50%'} height={TEXT_HEIGHT} />
        </div>
      ))}
    </Busy>
  );
}

/** A chart or graph about to appear: one block the size it will take. */
export function BlockSkeleton({ label, height }: { label: string; height: number }) {
  return (
    <Busy label={label} testId="block">
      <Bone width="30%" height="20px" />
      <Bone width="100%" height={`${height}px`} radius={token('radius.medium')} shimmer />
    </Busy>
  );
}

/** A program about to open: its title row, its tabs and the first tab's content. */
export function ProgramSkeleton({ label }: { label: string }) {
  return (
    <Busy label={label} testId="program">
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <Bone width="96px" height="32px" />
        <Bone width="320px" height="28px" shimmer />
      </div>
      <div style={{ display: 'flex', gap: token('space.200', '16px') }}>
        {Array.from({ length: 8 }, (_, tab) => (
          <Bone key={tab} width="84px" height="20px" />
        ))}
      </div>
      <Bone width="100%" height="240px" radius={token('radius.medium')} shimmer />
    </Busy>
  );
}
