import { useCallback, useState } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ProgramSummary } from '../../../src/contract';
import { ScopeTab } from './scope/ScopeTab';
import { call } from './api';
import { LoadError } from './components/LoadError';
import { Loading } from './components/Loading';
import { NoPrograms } from './components/NoPrograms';
import { ProgramPicker } from './components/ProgramPicker';
import { useResource } from './use-resource';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

function ProgramChooser({
  programs,
  siteUrl,
}: {
  programs: readonly [ProgramSummary, ...ProgramSummary[]];
  siteUrl: string | undefined;
}) {
  const [selectedId, setSelectedId] = useState(programs[0].id);
  const program = programs.find((candidate) => candidate.id === selectedId) ?? programs[0];
  return (
    <>
      {programs.length > 1 && (
        <ProgramPicker programs={programs} selectedId={program.id} onSelect={setSelectedId} />
      )}
      <ScopeTab key={program.id} program={program} siteUrl={siteUrl} />
    </>
  );
}

/** The global page "Programs": pick a program, see its initiatives across teams. */
export function ProgramsPage({ siteUrl }: { siteUrl: string | undefined }) {
  const load = useCallback(() => call('program/list', {}), []);
  const { resource, retry } = useResource(load);
  const programs = resource.state === 'ready' ? resource.value.programs : [];
  const [first, ...rest] = programs;

  return (
    <main style={{ ...stack('space.300', '24px'), padding: token('space.400', '32px'), maxWidth: '1440px' }}>
      <header style={stack('space.050', '4px')}>
        <Heading size="large" as="h1">
          Programs
        </Heading>
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          The initiatives of a program across its teams: status and progress of their child issues, from Jira.
        </p>
      </header>
      {resource.state === 'loading' && <Loading label="Loading programs" />}
      {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
      {resource.state === 'ready' &&
        (first ? <ProgramChooser programs={[first, ...rest]} siteUrl={siteUrl} /> : <NoPrograms />)}
    </main>
  );
}
