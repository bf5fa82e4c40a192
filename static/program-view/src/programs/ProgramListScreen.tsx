import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { call } from '../api';
import { LoadError } from '../components/LoadError';
import { TableSkeleton } from '../../../shared/Skeletons';
import { useResource } from '../use-resource';
import { ProgramList } from './ProgramList';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

/** The program list, read afresh each time the viewer comes back to it. */
export function ProgramListScreen({ onOpen }: { onOpen: (programId: string) => void }) {
  const load = useCallback(() => call('program/list', {}), []);
  const { resource, retry } = useResource(load);
  return (
    <>
      <header style={stack('space.050', '4px')}>
        <Heading size="large" as="h1">
          Programs
        </Heading>
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          Programs you take part in: their OKRs, goals, parties, plan and risks, and their initiatives across
          teams.
        </p>
      </header>
      {resource.state === 'loading' && <TableSkeleton label="Loading programs" columns={4} />}
      {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
      {resource.state === 'ready' && (
        <ProgramList programs={resource.value.programs} onOpen={onOpen} onCreated={onOpen} />
      )}
    </>
  );
}
