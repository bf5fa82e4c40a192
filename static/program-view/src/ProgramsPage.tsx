import { token } from '@atlaskit/tokens';
import { ProgramSkeleton } from '../../shared/Skeletons';
import { LIST_ROUTE, type AppRoute } from './navigation/routes';
import { useAppRoute } from './navigation/use-app-route';
import { prefetch, prefetchTabData } from './prefetch';
import { ProgramListScreen, preloadTab } from './programs/lazy-tabs';
import { ProgramPage } from './programs/ProgramPage';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

/**
 * Starts what a place needs the moment the page knows it is going there, before anything is drawn: the
 * program (when it is another one), the tab's data and the tab's code.
 */
function startPlace(next: AppRoute, previous: AppRoute | undefined): void {
  if (next.view !== 'program') return;
  if (previous?.view !== 'program' || previous.programId !== next.programId)
    prefetch('program/get', { programId: next.programId });
  prefetchTabData(next.tab, next.programId);
  preloadTab(next.tab);
}

/**
 * The global page "Programs": the programs the viewer takes part in, and one program at a time on one tab.
 * Where the viewer is lives in the host's URL (`/programs/<id>/<tab>`), so links and the back button work.
 */
export function ProgramsPage({ siteUrl }: { siteUrl: string | undefined }) {
  const { route, navigate } = useAppRoute(undefined, startPlace);
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
