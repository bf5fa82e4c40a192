import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { InitiativeRow, ProgramSummary } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { TableSkeleton } from '../../../shared/Skeletons';
import { useAfterPaint } from '../../../shared/use-after-paint';
import { Warnings } from '../components/Warnings';
import { summariseInitiatives, summaryLine } from '../initiatives-model';
import { take } from '../prefetch';
import { useResource } from '../use-resource';
import { snapshotNotice } from './scope-model';
import { ScopeTable } from './ScopeTable';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

const subtle = { margin: 0, color: token('color.text.subtle') } as const;

function SnapshotNotice({ builtAt, live }: { builtAt: string; live: 'loading' | 'failed' }) {
  return (
    <p
      role="status"
      data-testid="scope-snapshot-notice"
      title={`Read by the app at ${builtAt}`}
      style={{ ...subtle, display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}
    >
      {live === 'loading' && <Spinner size="small" label="Loading the latest initiatives" />}
      <span>{snapshotNotice(builtAt, live, new Date())}</span>
    </p>
  );
}

/**
 * The Scope tab: the program’s initiatives across teams, with estimates, child progress and dependency counts.
 * The app’s last snapshot (hourly) gives the first rows at once; the live load as the viewer replaces them.
 */
export function ScopeTab({ programId, siteUrl }: { programId: string; siteUrl: string | undefined }) {
  const loadSnapshot = useCallback(() => take('program/initiatives/snapshot', { programId }), [programId]);
  const { resource: saved } = useResource(loadSnapshot);
  // The live load (seconds of work on a big program) starts once the snapshot's rows are painted, so it
  // does not compete with drawing them; a failed snapshot read only means there is nothing to show first.
  const liveStarted = useAfterPaint(saved.state !== 'loading');
  const loadLive = useCallback(() => take('program/initiatives', { programId }), [programId]);
  const { resource: live, retry } = useResource(liveStarted ? loadLive : undefined);
  // The snapshot fills in only while the live rows are not there; an empty one would flash "no initiatives".
  const shownSnapshot =
    live.state !== 'ready' && saved.state === 'ready' && (saved.value.snapshot?.initiatives.length ?? 0) > 0
      ? saved.value
      : null;
  const snapshot = shownSnapshot?.snapshot ?? null;
  const rows: {
    source: 'live' | 'snapshot';
    initiatives: readonly InitiativeRow[];
    program: ProgramSummary;
  } | null =
    live.state === 'ready'
      ? { source: 'live', initiatives: live.value.initiatives, program: live.value.program }
      : shownSnapshot?.snapshot
        ? {
            source: 'snapshot',
            initiatives: shownSnapshot.snapshot.initiatives,
            program: shownSnapshot.program,
          }
        : null;
  return (
    <section aria-labelledby="initiatives-heading" style={stack('space.200', '16px')}>
      <Heading size="small" as="h3" id="initiatives-heading">
        Initiatives
      </Heading>
      {live.state === 'failed' && <LoadError error={live.error} onRetry={retry} />}
      {snapshot && live.state !== 'ready' && <SnapshotNotice builtAt={snapshot.builtAt} live={live.state} />}
      {live.state === 'ready' && <Warnings warnings={live.value.warnings} />}
      {!rows && live.state === 'loading' && <TableSkeleton label="Loading initiatives" columns={6} />}
      {rows && (
        <div data-scope-source={rows.source} style={stack('space.200', '16px')}>
          {rows.initiatives.length > 0 && (
            <p data-testid="initiatives-summary" style={subtle}>
              {summaryLine(summariseInitiatives(rows.initiatives))}
            </p>
          )}
          <ScopeTable program={rows.program} initiatives={rows.initiatives} siteUrl={siteUrl} />
        </div>
      )}
    </section>
  );
}
