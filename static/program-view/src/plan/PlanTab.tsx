import { useCallback, useMemo } from 'react';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ProgramSummary, QuarterPlanView } from '../../../../src/contract';
import { HiddenIssuesNote } from '../components/HiddenIssuesNote';
import { LoadError } from '../components/LoadError';
import { CardsSkeleton } from '../../../shared/Skeletons';
import { AdjustedPlan } from './AdjustedPlan';
import { AlignmentSession } from './AlignmentSession';
import { Baseline } from './Baseline';
import { CalendarForm, CalendarLine } from './Calendar';
import { CommunicationPlan } from './CommunicationPlan';
import { EstimatesGrid, useEstimateDrafts, type EstimateDraftsState } from './EstimatesGrid';
import { defaultQuarter, quarterOptions } from './plan-model';
import { field, nativeControl, row, subtle } from './plan-ui';
import { QuarterScope } from './QuarterScope';
import { ScheduleSection } from './ScheduleSection';
import { SuccessCriteria } from './SuccessCriteria';
import { TeamOkrs } from './TeamOkrs';
import { usePlan, type PlanState } from './use-plan';

function QuarterPicker({ state }: { state: PlanState }) {
  const planned = useMemo(() => (state.plans ?? []).map((p) => p.quarter), [state.plans]);
  const options = useMemo(() => quarterOptions(new Date(), planned), [planned]);
  return (
    <label style={{ ...field, fontSize: '14px' }}>
      <span>Quarter</span>
      <select
        value={state.quarter ?? ''}
        onChange={(e) => state.selectQuarter(e.currentTarget.value)}
        data-testid="plan-quarter"
        style={nativeControl}
      >
        {options.map((q) => (
          <option key={q} value={q}>
            {q}
            {planned.includes(q) ? '' : ' (no plan yet)'}
          </option>
        ))}
      </select>
    </label>
  );
}

function Plan({
  plan,
  state,
  drafts,
}: {
  plan: QuarterPlanView;
  state: PlanState;
  drafts: EstimateDraftsState;
}) {
  return (
    <>
      {!plan.canEdit && (
        <p style={subtle} data-testid="plan-read-only-note">
          {plan.editableTeamIds.length > 0
            ? `You lead ${plan.teams
                .filter((t) => plan.editableTeamIds.includes(t.id))
                .map((t) => t.name)
                .join(
                  ', ',
                )}: you give your team’s estimates and answer for its dependencies; the program’s owners edit the rest.`
            : `You are ${plan.roles.join(', ') || 'a reader'} on this program: you can read its plan; its owners edit it.`}
        </p>
      )}
      {plan.warnings.length > 0 && (
        <SectionMessage
          appearance="warning"
          title="Check before you commit to this plan"
          testId="plan-warnings"
        >
          <ul>
            {plan.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      <CalendarLine plan={plan} state={state} />
      <QuarterScope plan={plan} state={state} />
      <ScheduleSection plan={plan} state={state} />
      <EstimatesGrid plan={plan} state={state} drafts={drafts} />
      <AlignmentSession plan={plan} state={state} />
      <TeamOkrs okrs={state.okrs} quarter={plan.plan.quarter} state={state} />
      <SuccessCriteria plan={plan} state={state} />
      <CommunicationPlan plan={plan} state={state} />
    </>
  );
}

/** The Plan tab: a program's quarter plan — schedule, estimates, alignment, OKRs, criteria, communication. */
export function PlanTab({ program }: { program: ProgramSummary; siteUrl: string | undefined }) {
  const pickDefault = useCallback((planned: string[]) => defaultQuarter(new Date(), planned), []);
  const state = usePlan(program.id, pickDefault);
  const { load } = state;
  // Held here, not in the grid: a conflict reloads the plan, and what was typed must outlive that.
  const drafts = useEstimateDrafts(program.id, state.quarter, load.state === 'ready' ? load.view : undefined);
  return (
    <section
      data-testid="plan-tab"
      aria-label={`Quarter plan of ${program.name}`}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}
    >
      {state.listError && <LoadError error={state.listError} onRetry={state.reload} />}
      {load.state === 'ready' && (
        <HiddenIssuesNote count={load.view.hiddenKeys} editable={load.view.canEdit} />
      )}
      <div style={{ ...row, justifyContent: 'space-between', alignItems: 'flex-end' }}>
        <QuarterPicker state={state} />
        {load.state === 'ready' && <Baseline plan={load.view} state={state} />}
      </div>
      <AdjustedPlan
        program={program}
        people={state.overview?.program.people ?? []}
        onAccepted={state.reload}
      />
      <div role="status" aria-live="polite" style={{ position: 'absolute', left: '-9999px' }}>
        {state.saved}
      </div>
      {state.writeError && (
        <SectionMessage
          appearance={state.writeError.errorType === 'CONFLICT' ? 'warning' : 'error'}
          title={
            state.writeError.errorType === 'CONFLICT' ? 'Someone else changed this plan first' : 'Not saved'
          }
          testId="plan-write-error"
          actions={[
            <SectionMessageAction key="dismiss" onClick={state.clearWriteError}>
              Dismiss
            </SectionMessageAction>,
          ]}
        >
          <p>{state.writeError.message}</p>
          {state.writeError.errorType === 'CONFLICT' && <p>The plan was reloaded: check it and try again.</p>}
        </SectionMessage>
      )}
      {load.state === 'loading' && state.quarter && (
        <CardsSkeleton label={`Loading the plan of ${state.quarter}`} />
      )}
      {load.state === 'failed' && <LoadError error={load.error} onRetry={state.reload} />}
      {load.state === 'missing' && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: '8px' }} data-testid="plan-missing">
          <p style={{ margin: 0 }}>
            {program.name} has no plan for {state.quarter} yet.
          </p>
          {state.overview?.canEdit !== false && (
            <CalendarForm
              submitLabel={`Plan ${state.quarter ?? ''}`}
              testId="plan-create"
              onSubmit={state.create}
            />
          )}
        </div>
      )}
      {load.state === 'ready' && <Plan plan={load.view} state={state} drafts={drafts} />}
    </section>
  );
}
