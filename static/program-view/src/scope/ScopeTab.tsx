import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { InitiativeRow, ProgramStage, ProgramSummary } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { TableSkeleton } from '../../../shared/Skeletons';
import { Warnings } from '../components/Warnings';
import { summariseInitiatives, summaryLine } from '../initiatives-model';
import { take } from '../prefetch';
import { useResource } from '../use-resource';
import { snapshotNotice } from './scope-model';
import { ScopeTable } from './ScopeTable';

const stageLabel: Record<ProgramStage, string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  completion: 'Completion',
  closed: 'Closed',
};

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
export function ScopeTab({ program, siteUrl }: { program: ProgramSummary; siteUrl: string | undefined }) {
  const loadSnapshot = useCallback(
    () => take('program/initiatives/snapshot', { programId: program.id }),
    [program.id],
  );
  const { resource: saved } = useResource(loadSnapshot);
  // The live load (seconds on a big program) starts once the snapshot has answered, so it does not hold up
  // the snapshot's rows; a failed snapshot read only means there is nothing to show before it.
  const snapshotSettled = saved.state !== 'loading';
  const loadLive = useCallback(() => take('program/initiatives', { programId: program.id }), [program.id]);
  const { resource: live, retry } = useResource(snapshotSettled ? loadLive : undefined);
  // The snapshot fills in only while the live rows are not there; an empty one would flash "no initiatives".
  const snapshot =
    live.state !== 'ready' && saved.state === 'ready' && (saved.value.snapshot?.initiatives.length ?? 0) > 0
      ? saved.value.snapshot
      : null;
  const rows: { source: 'live' | 'snapshot'; initiatives: readonly InitiativeRow[] } | null =
    live.state === 'ready'
      ? { source: 'live', initiatives: live.value.initiatives }
      : snapshot && { source: 'snapshot', initiatives: snapshot.initiatives };

  return (
    <section aria-labelledby="program-heading" style={stack('space.200', '16px')}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
        <Heading size="medium" as="h2" id="program-heading" testId="program-name">
          {program.name}
        </Heading>
        <Lozenge appearance="new" testId="program-stage">
          {stageLabel[program.stage]}
        </Lozenge>
      </div>
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
          <ScopeTable
            program={live.state === 'ready' ? live.value.program : program}
            initiatives={rows.initiatives}
            siteUrl={siteUrl}
          />
        </div>
      )}
    </section>
  );
}
