import { useLayoutEffect } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import type { ProgramSummary } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { Bone, Busy, CardsSkeleton } from '../../../shared/Skeletons';
import { PROGRAM_TABS, type ProgramTab } from '../navigation/routes';
import { useOverview } from '../overview/use-overview';
import { prefetchTabData } from '../prefetch';
// Every tab loads as its own chunk on first use (code-split tabs).
import {
  CompletionTab,
  DependenciesTab,
  OverviewTab,
  PlanTab,
  PublishTab,
  RisksTab,
  ScopeTab,
  StatusTab,
  preloadTab,
} from './lazy-tabs';

/** One program: Overview (Initiation artifacts), Scope, Dependencies and the quarter Plan. */
export function ProgramPage({
  programId,
  tab,
  onTabChange,
  siteUrl,
  onBack,
}: {
  programId: string;
  /** The tab shown; the URL names it, so a link or the back button opens it. */
  tab: ProgramTab;
  onTabChange: (tab: ProgramTab) => void;
  siteUrl: string | undefined;
  onBack: () => void;
}) {
  const state = useOverview(programId);
  const { overview, loadError } = state;
  // A layout effect: it runs before any passive effect of this commit, so a tab whose code is already here
  // takes the prefetched answer instead of calling a second time, and the call goes out before the program's.
  useLayoutEffect(() => {
    // Data first: the tab's calls then go out ahead of its code's chunks on the host's few connections.
    prefetchTabData(tab, programId);
    preloadTab(tab);
  }, [tab, programId]);
  if (loadError)
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}>
        <div>
          <Button appearance="subtle" onClick={onBack} testId="back-to-programs">
            ← Programs
          </Button>
        </div>
        <LoadError error={loadError} onRetry={state.reload} />
      </div>
    );
  // The page's frame and tabs are drawn at once; each tab waits for the program, except Scope, whose own
  // answers carry what its table needs, so a deep link's rows need not wait for it.
  const summary: ProgramSummary | undefined = overview && {
    id: overview.program.id,
    name: overview.program.name,
    stage: overview.program.stage,
    scopeJql: overview.program.scopeJql,
  };
  const waiting = <CardsSkeleton label="Loading the program" cards={3} />;
  return (
    <div
      data-testid={overview ? 'program-page' : 'program-page-loading'}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
        <Button appearance="subtle" onClick={onBack} testId="back-to-programs">
          ← Programs
        </Button>
        {overview ? (
          <>
            <Heading size="large" as="h2" testId="program-title">
              {overview.program.name}
            </Heading>
            <Lozenge appearance="new" testId="program-page-stage">
              {overview.program.stage}
            </Lozenge>
          </>
        ) : (
          <Busy label="Loading the program" testId="program-title">
            <Bone width="320px" height="28px" shimmer />
          </Busy>
        )}
      </div>
      <Tabs
        id="program-tabs"
        testId="program-tabs"
        selected={Math.max(0, PROGRAM_TABS.indexOf(tab))}
        onChange={(index) => onTabChange(PROGRAM_TABS[index] ?? 'overview')}
      >
        <TabList>
          <Tab testId="tab-overview">Overview</Tab>
          <Tab testId="tab-scope">Scope</Tab>
          <Tab testId="tab-dependencies">Dependencies</Tab>
          <Tab testId="tab-plan">Plan</Tab>
          <Tab testId="tab-status">Status</Tab>
          <Tab testId="tab-risks">Risks</Tab>
          <Tab testId="tab-publishing">Publishing</Tab>
          <Tab testId="tab-completion">Completion</Tab>
        </TabList>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {overview ? <OverviewTab overview={overview} state={state} /> : waiting}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            <ScopeTab programId={programId} siteUrl={siteUrl} />
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {summary ? <DependenciesTab program={summary} siteUrl={siteUrl} /> : waiting}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {summary ? <PlanTab program={summary} siteUrl={siteUrl} /> : waiting}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {summary ? <StatusTab program={summary} siteUrl={siteUrl} /> : waiting}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {summary ? <RisksTab program={summary} siteUrl={siteUrl} /> : waiting}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {summary ? <PublishTab program={summary} /> : waiting}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {summary ? (
              <CompletionTab program={summary} siteUrl={siteUrl} onStageChanged={state.reload} />
            ) : (
              waiting
            )}
          </div>
        </TabPanel>
      </Tabs>
    </div>
  );
}
