import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { call } from './api';
import { LoadError } from './components/LoadError';
import { ProgramSkeleton, TableSkeleton } from '../../shared/Skeletons';
import { LIST_ROUTE } from './navigation/routes';
import { useAppRoute } from './navigation/use-app-route';
import { ProgramList } from './programs/ProgramList';
import { ProgramPage } from './programs/ProgramPage';
import { useResource } from './use-resource';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

/** The program list, read afresh each time the viewer comes back to it. */
function ProgramListScreen({ onOpen }: { onOpen: (programId: string) => void }) {
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

/**
 * The global page "Programs": the programs the viewer takes part in, and one program at a time on one tab.
 * Where the viewer is lives in the host's URL (`/programs/<id>/<tab>`), so links and the back button work.
 */
export function ProgramsPage({ siteUrl }: { siteUrl: string | undefined }) {
  const { route, navigate } = useAppRoute();
  return (
    <main style={{ ...stack('space.300', '24px'), padding: token('space.400', '32px'), maxWidth: '1440px' }}>
      {route === undefined && <ProgramSkeleton label="Opening Programs" />}
      {route?.view === 'list' && (
        <ProgramListScreen
          onOpen={(programId) => navigate({ view: 'program', programId, tab: 'overview' })}
        />
      )}
      {route?.view === 'program' && (
        <ProgramPage
          key={route.programId}
          programId={route.programId}
          tab={route.tab}
          onTabChange={(tab) => navigate({ ...route, tab })}
          siteUrl={siteUrl}
          onBack={() => navigate(LIST_ROUTE)}
        />
      )}
    </main>
  );
}
