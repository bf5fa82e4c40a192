import { useCallback, useMemo } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ProgramDependencies, ProgramSummary } from '../../../../src/contract';
import { take } from '../prefetch';
import { LoadError } from '../components/LoadError';
import { BlockSkeleton } from '../../../shared/Skeletons';
import { Warnings } from '../components/Warnings';
import { useResource } from '../use-resource';
import { dependencyGraphView, dependencySummary, edgeRows } from './dependencies-model';
import { IncrementalGraph } from './IncrementalGraph';
import { CycleList, EdgeTable, ExternalTable } from './DependencyTables';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;
const subtle = token('color.text.subtle');

function Dependencies({ value, siteUrl }: { value: ProgramDependencies; siteUrl: string | undefined }) {
  const view = useMemo(() => dependencyGraphView(value), [value]);
  const rows = useMemo(() => edgeRows(value), [value]);
  return (
    <>
      <Warnings warnings={value.warnings} />
      <p data-testid="dependency-summary" style={{ margin: 0, color: subtle }}>
        {dependencySummary(value)}
        {value.linkTypes.length > 0 && ` · link types: ${value.linkTypes.join(', ')}`}
      </p>

      <section aria-labelledby="dependency-cycles-heading" style={stack('space.100', '8px')}>
        <Heading size="small" as="h3" id="dependency-cycles-heading">
          Cycles
        </Heading>
        <CycleList cycles={value.cycles} edges={value.edges} siteUrl={siteUrl} />
      </section>

      <section aria-labelledby="dependency-graph-heading" style={stack('space.100', '8px')}>
        <Heading size="small" as="h3" id="dependency-graph-heading">
          Graph
        </Heading>
        {value.nodes.length === 0 ? (
          <p style={{ margin: 0, color: subtle }}>This program has no initiatives you can see yet.</p>
        ) : (
          <>
            <p style={{ margin: 0, color: subtle }}>
              Arrows point from the initiative that must finish first to the one that waits for it. Select an
              initiative to open it in Jira.
              {value.criticalPath.length > 0 && ` ★ marks the critical path by estimate.`}
            </p>
            {/* A big program's graph opens on a part of it (incremental graph). */}
            <IncrementalGraph view={view} />
          </>
        )}
      </section>

      <section aria-labelledby="dependency-table-heading" style={stack('space.100', '8px')}>
        <Heading size="small" as="h3" id="dependency-table-heading">
          Dependencies
        </Heading>
        <EdgeTable rows={rows} siteUrl={siteUrl} />
      </section>

      <section aria-labelledby="dependency-external-heading" style={stack('space.100', '8px')}>
        <Heading size="small" as="h3" id="dependency-external-heading">
          Outside the program
        </Heading>
        <ExternalTable external={value.external} siteUrl={siteUrl} />
      </section>
    </>
  );
}

/** The Dependencies tab: which initiative waits for which, across teams, with cycles named. */
export function DependenciesTab({
  program,
  siteUrl,
}: {
  program: ProgramSummary;
  siteUrl: string | undefined;
}) {
  const load = useCallback(() => take('program/dependencies', { programId: program.id }), [program.id]);
  const { resource, retry } = useResource(load);
  return (
    <section aria-label={`Dependencies of ${program.name}`} style={stack('space.300', '24px')}>
      {resource.state === 'loading' && <BlockSkeleton label="Loading dependencies" height={360} />}
      {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
      {resource.state === 'ready' && <Dependencies value={resource.value} siteUrl={siteUrl} />}
    </section>
  );
}
