// Risks tab: the risk & problem register — manual risks and those the app detects from the plan and Jira,
// each with its reason and history — the heat map, what detection finds now, and the problems.
import { useCallback, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ProgramSummary, RegisterRisk, RiskRegisterView } from '../../../../src/contract';
import { call, ResolverCallError } from '../api';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { HiddenIssuesNote } from '../components/HiddenIssuesNote';
import { TableSkeleton } from '../../../shared/Skeletons';
import { Warnings } from '../components/Warnings';
import { RiskHeatMap } from '../overview/RiskHeatMap';
import { useResource } from '../use-resource';
import { PendingRisks } from './PendingRisks';
import { ProblemsSection } from './ProblemsSection';
import { RecordProblemForm } from './RecordProblemForm';
import { RegisterTable } from './RegisterTable';
import {
  emptyRegister,
  filterCounts,
  filterRisks,
  FILTERS,
  syncSummary,
  type RegisterFilter,
} from './risks-model';
import { sectionHeading, subtle } from './styles';

type DetectOutcome = { ok: boolean; text: string };

function DetectNow({
  programId,
  outcome,
  onOutcome,
}: {
  programId: string;
  outcome: DetectOutcome | undefined;
  onOutcome: (outcome: DetectOutcome) => void;
}) {
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      onOutcome({ ok: true, text: syncSummary(await call('risks/detect', { programId })) });
    } catch (e) {
      onOutcome({ ok: false, text: e instanceof ResolverCallError ? e.message : 'Detection failed.' });
    } finally {
      setRunning(false);
    }
  };
  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <div>
        <Button
          appearance="primary"
          onClick={() => void run()}
          isDisabled={running}
          testId="risks-detect-now"
        >
          {running ? 'Detecting…' : 'Detect now'}
        </Button>
      </div>
      {outcome && (
        <SectionMessage appearance={outcome.ok ? 'success' : 'error'} testId="risks-detect-outcome">
          <p>{outcome.text}</p>
        </SectionMessage>
      )}
    </div>
  );
}

function Register({
  view,
  siteUrl,
  onRecordProblem,
}: {
  view: RiskRegisterView;
  siteUrl: string | undefined;
  onRecordProblem: (risk: RegisterRisk) => void;
}) {
  const [filter, setFilter] = useState<RegisterFilter>('live');
  const counts = filterCounts(view.risks);
  const risks = useMemo(() => filterRisks(view.risks, filter), [view.risks, filter]);
  const empty = emptyRegister(filter, view.canDetect);
  return (
    <section aria-labelledby="register-heading" style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <h3 id="register-heading" style={sectionHeading}>
        Register
      </h3>
      <div role="group" aria-label="Show risks" style={{ display: 'flex', gap: token('space.050', '4px') }}>
        {FILTERS.map((f) => (
          <Button
            key={f.value}
            isSelected={filter === f.value}
            aria-pressed={filter === f.value}
            onClick={() => setFilter(f.value)}
            testId={`risks-filter-${f.value}`}
          >
            {f.label} ({counts[f.value]})
          </Button>
        ))}
      </div>
      <RegisterTable
        risks={risks}
        people={view.people}
        siteUrl={siteUrl}
        onRecordProblem={onRecordProblem}
        emptyView={
          <EmptyState
            testId="risk-register-empty"
            headingLevel="h4"
            header={empty.header}
            description={empty.description}
          />
        }
      />
    </section>
  );
}

export function RisksTab({ program, siteUrl }: { program: ProgramSummary; siteUrl: string | undefined }) {
  const load = useCallback(() => call('risks/get', { programId: program.id }), [program.id]);
  const { resource, retry } = useResource(load);
  const [recording, setRecording] = useState<RegisterRisk | null>(null);
  const [outcome, setOutcome] = useState<DetectOutcome | undefined>();
  // While the register reloads after a change, the last one stays on screen (and with it what was typed).
  const [last, setLast] = useState<RiskRegisterView | undefined>();
  useEffect(() => {
    if (resource.state === 'ready') setLast(resource.value);
  }, [resource]);
  if (resource.state === 'failed') return <LoadError error={resource.error} onRetry={retry} />;
  const view = resource.state === 'ready' ? resource.value : last;
  if (!view) return <TableSkeleton label="Loading the risk register" columns={6} />;
  const refreshing = resource.state === 'loading';
  const live = filterRisks(view.risks, 'live');
  const detected = live.filter((r) => r.source === 'detected').length;
  const heat = {
    heatMap: view.heatMap,
    risks: [...view.risks, ...view.pending].map((r) => ({ id: r.id, title: r.title })),
  };
  return (
    <div
      data-testid="risks-tab"
      aria-busy={refreshing}
      style={{ display: 'grid', gap: token('space.300', '24px') }}
    >
      <HiddenIssuesNote count={view.hiddenKeys} editable={view.canDetect} />
      {refreshing && (
        <p role="status" style={{ ...subtle, margin: 0 }} data-testid="risks-refreshing">
          Refreshing the register…
        </p>
      )}
      <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
        <Heading size="medium" as="h3">
          Risk &amp; problem register
        </Heading>
        <p style={{ margin: 0 }} data-testid="risks-summary">
          {live.length} open risk{live.length === 1 ? '' : 's'}, {detected} detected by the app from the plan
          and Jira; {filterCounts(view.risks).problems} problem
          {filterCounts(view.risks).problems === 1 ? '' : 's'}. A detected risk closes by itself when its
          condition clears and reopens if it comes back.
        </p>
        {view.hidden > 0 && (
          <SectionMessage appearance="information" testId="risks-hidden">
            <p>
              {view.hidden} detected risk{view.hidden === 1 ? ' is' : 's are'} not shown: they name issues in
              projects you cannot browse.
            </p>
          </SectionMessage>
        )}
        {view.canDetect ? (
          <DetectNow
            programId={program.id}
            outcome={outcome}
            onOutcome={(next) => {
              setOutcome(next);
              if (next.ok) retry();
            }}
          />
        ) : (
          <p style={{ ...subtle, margin: 0 }} data-testid="risks-read-only">
            The app checks for risks every day; the program’s owners can also run it now.
          </p>
        )}
      </div>
      <section aria-labelledby="heat-map-heading" style={{ display: 'grid', gap: token('space.100', '8px') }}>
        <h3 id="heat-map-heading" style={sectionHeading}>
          Heat map
        </h3>
        <div style={{ justifySelf: 'start' }}>
          <RiskHeatMap overview={heat} />
        </div>
      </section>
      <PendingRisks pending={view.pending} canDetect={view.canDetect} siteUrl={siteUrl} />
      <Register view={view} siteUrl={siteUrl} onRecordProblem={setRecording} />
      {recording && (
        <RecordProblemForm
          key={recording.id}
          programId={program.id}
          risk={recording}
          people={view.people}
          onCancel={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            retry();
          }}
        />
      )}
      <ProblemsSection
        programId={program.id}
        risks={view.risks}
        people={view.people}
        siteUrl={siteUrl}
        onSaved={retry}
        onRecordProblem={setRecording}
      />
      <Warnings warnings={view.warnings} />
    </div>
  );
}
