import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ProgramStage, ProgramSummary } from '../../../../src/contract';
import { call } from '../api';
import { LoadError } from '../components/LoadError';
import { TableSkeleton } from '../../../shared/Skeletons';
import { Warnings } from '../components/Warnings';
import { summariseInitiatives, summaryLine } from '../initiatives-model';
import { useResource } from '../use-resource';
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

/** The Scope tab: the program’s initiatives across teams, with estimates, child progress and dependency counts. */
export function ScopeTab({ program, siteUrl }: { program: ProgramSummary; siteUrl: string | undefined }) {
  const load = useCallback(() => call('program/initiatives', { programId: program.id }), [program.id]);
  const { resource, retry } = useResource(load);

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
      {resource.state === 'loading' && <TableSkeleton label="Loading initiatives" columns={6} />}
      {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
      {resource.state === 'ready' && (
        <>
          <Warnings warnings={resource.value.warnings} />
          {resource.value.initiatives.length > 0 && (
            <p data-testid="initiatives-summary" style={{ margin: 0, color: token('color.text.subtle') }}>
              {summaryLine(summariseInitiatives(resource.value.initiatives))}
            </p>
          )}
          <ScopeTable
            program={resource.value.program}
            initiatives={resource.value.initiatives}
            siteUrl={siteUrl}
          />
        </>
      )}
    </section>
  );
}
