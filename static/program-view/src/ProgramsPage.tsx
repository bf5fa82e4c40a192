import { token } from '@atlaskit/tokens';
import { ProgramSkeleton } from '../../shared/Skeletons';
import { LIST_ROUTE } from './navigation/routes';
import { useAppRoute } from './navigation/use-app-route';
import { ProgramListScreen } from './programs/lazy-tabs';
import { ProgramPage } from './programs/ProgramPage';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

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
