import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ProgramSummary } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { HiddenIssuesNote } from '../components/HiddenIssuesNote';
import { CardsSkeleton } from '../../../shared/Skeletons';
import { stack, subtle } from '../plan/plan-ui';
import { AnalysisSection } from './AnalysisSection';
import { AssessmentSection } from './AssessmentSection';
import { ClosingSection } from './ClosingSection';
import { visuallyHidden } from './completion-ui';
import { HandoverSection } from './HandoverSection';
import { LessonsSection } from './LessonsSection';
import { useCompletion } from './use-completion';

/**
 * Completion: the success assessment of every goal and criterion, the analysis of how the program went,
 * lessons learned with the improvement plan, the transition to support, and closing the program.
 */
export function CompletionTab({
  program,
  siteUrl,
  onStageChanged,
}: {
  program: ProgramSummary;
  siteUrl: string | undefined;
  onStageChanged: () => void;
}) {
  const state = useCompletion(program.id, onStageChanged);
  const { load } = state;
  if (load.state === 'loading') return <CardsSkeleton label="Loading the completion of the program" />;
  if (load.state === 'failed') return <LoadError error={load.error} onRetry={state.reload} />;
  const { view } = load;
  return (
    <div data-testid="completion-tab" style={{ ...stack, gap: '16px' }}>
      <HiddenIssuesNote count={view.hiddenKeys} editable={view.canEdit || view.canAddLessons} />
      <p role="status" aria-live="polite" style={visuallyHidden} data-testid="completion-saved">
        {state.saved ?? ''}
      </p>
      {state.writeError && (
        <SectionMessage
          appearance={state.writeError.errorType === 'PROGRAM_CLOSED' ? 'information' : 'error'}
          title="Not saved"
          testId="completion-write-error"
          actions={[
            <SectionMessageAction key="dismiss" onClick={state.clearWriteError}>
              Dismiss
            </SectionMessageAction>,
          ]}
        >
          <p>{state.writeError.message}</p>
        </SectionMessage>
      )}
      {view.warnings.length > 0 && (
        <ul style={{ ...subtle, margin: 0 }} data-testid="completion-warnings">
          {view.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <ClosingSection view={view} state={state} />
      <AssessmentSection view={view} state={state} siteUrl={siteUrl} />
      <AnalysisSection analysis={view.analysis} siteUrl={siteUrl} />
      <LessonsSection view={view} state={state} />
      <HandoverSection view={view} state={state} siteUrl={siteUrl} />
    </div>
  );
}
