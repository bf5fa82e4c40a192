// Every tab is its own chunk, fetched the first time the tab opens (the open tab's while the program itself
// loads): the program list paints without any tab's code, and a big tab (the graph, the plan, completion)
// costs nothing until someone looks at it. Each waits behind a skeleton shaped like the tab it stands for.
import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { BlockSkeleton, CardsSkeleton, TableSkeleton } from '../../../shared/Skeletons';
import type { ProgramTab } from '../navigation/routes';
import type { OverviewTab as OverviewTabType } from '../overview/OverviewTab';
import type { ScopeTab as ScopeTabType } from '../scope/ScopeTab';
import type { DependenciesTab as DependenciesTabType } from '../dependencies/DependenciesTab';
import type { PlanTab as PlanTabType } from '../plan/PlanTab';
import type { StatusTab as StatusTabType } from '../status/StatusTab';
import type { RisksTab as RisksTabType } from '../risks/RisksTab';
import type { PublishTab as PublishTabType } from '../publish/PublishTab';
import type { CompletionTab as CompletionTabType } from '../completion/CompletionTab';
import type { ProgramListScreen as ProgramListScreenType } from './ProgramListScreen';

/** A tab's code that did not arrive (offline, a deploy replaced the chunk): say so and offer to try again. */
class TabLoadBoundary extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`The ${this.props.name} tab could not be loaded.`, error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <SectionMessage
        appearance="error"
        title={`The ${this.props.name} tab could not be loaded`}
        testId="tab-load-error"
        actions={[
          <SectionMessageAction key="reload" onClick={() => window.location.reload()}>
            Reload the page
          </SectionMessageAction>,
        ]}
      >
        <p>Its code did not arrive: check your connection, or the app may just have been updated.</p>
      </SectionMessage>
    );
  }
}

type LazyTab<C extends ComponentType<never>> = C & { preload: () => Promise<unknown> };

/** A tab component loaded on first render behind `fallback`, with the same props as the real one. */
function lazyTab<C extends ComponentType<never>>(
  name: string,
  load: () => Promise<C>,
  fallback: ReactNode,
): LazyTab<C> {
  let loading: Promise<C> | undefined;
  const preload = () => (loading ??= load());
  const Lazy = lazy(() => preload().then((component) => ({ default: component as ComponentType<object> })));
  const Tab = (props: object) => (
    <TabLoadBoundary name={name}>
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    </TabLoadBoundary>
  );
  Tab.displayName = `Lazy(${name})`;
  return Object.assign(Tab as unknown as C, { preload });
}

export const OverviewTab = lazyTab<typeof OverviewTabType>(
  'Overview',
  () => import('../overview/OverviewTab').then((m) => m.OverviewTab),
  <CardsSkeleton label="Loading the Overview tab" cards={4} />,
);

export const ScopeTab = lazyTab<typeof ScopeTabType>(
  'Scope',
  () => import('../scope/ScopeTab').then((m) => m.ScopeTab),
  <TableSkeleton label="Loading the Scope tab" columns={8} rows={10} />,
);

export const DependenciesTab = lazyTab<typeof DependenciesTabType>(
  'Dependencies',
  () => import('../dependencies/DependenciesTab').then((m) => m.DependenciesTab),
  <BlockSkeleton label="Loading the Dependencies tab" height={420} />,
);

export const PlanTab = lazyTab<typeof PlanTabType>(
  'Plan',
  () => import('../plan/PlanTab').then((m) => m.PlanTab),
  <CardsSkeleton label="Loading the Plan tab" cards={4} />,
);

export const StatusTab = lazyTab<typeof StatusTabType>(
  'Status',
  () => import('../status/StatusTab').then((m) => m.StatusTab),
  <CardsSkeleton label="Loading the Status tab" cards={3} />,
);

export const RisksTab = lazyTab<typeof RisksTabType>(
  'Risks',
  () => import('../risks/RisksTab').then((m) => m.RisksTab),
  <TableSkeleton label="Loading the Risks tab" columns={7} rows={8} />,
);

export const PublishTab = lazyTab<typeof PublishTabType>(
  'Publishing',
  () => import('../publish/PublishTab').then((m) => m.PublishTab),
  <CardsSkeleton label="Loading the Publishing tab" cards={3} />,
);

export const CompletionTab = lazyTab<typeof CompletionTabType>(
  'Completion',
  () => import('../completion/CompletionTab').then((m) => m.CompletionTab),
  <CardsSkeleton label="Loading the Completion tab" cards={4} />,
);

// The program list and its create form (modal, text fields) are not needed by a deep link into a program.
export const ProgramListScreen = lazyTab<typeof ProgramListScreenType>(
  'Programs',
  () => import('./ProgramListScreen').then((m) => m.ProgramListScreen),
  <TableSkeleton label="Loading programs" columns={4} />,
);

const byRoute: Record<ProgramTab, { preload: () => Promise<unknown> }> = {
  overview: OverviewTab,
  scope: ScopeTab,
  dependencies: DependenciesTab,
  plan: PlanTab,
  status: StatusTab,
  risks: RisksTab,
  publishing: PublishTab,
  completion: CompletionTab,
};

/** Starts fetching a tab's code while the program itself loads, so a deep link does not wait twice. */
export function preloadTab(tab: ProgramTab): void {
  byRoute[tab].preload().catch(() => {
    // The tab's own boundary reports the failure when it renders.
  });
}
