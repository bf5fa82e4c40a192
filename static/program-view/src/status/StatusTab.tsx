// Status tab: where the program stands during execution — RAG with its reasons, progress by count and by
// story points, the burn-up, every initiative with its windows and flags (each opens its implementation
// report), and the RAG thresholds.
import { useCallback, useState } from 'react';
import { ModalTransition } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import type { ProgramSummary } from '../../../../src/contract';
import { take } from '../prefetch';
import { LoadError } from '../components/LoadError';
import { HiddenIssuesNote } from '../components/HiddenIssuesNote';
import { CardsSkeleton } from '../../../shared/Skeletons';
import { Warnings } from '../components/Warnings';
import { useResource } from '../use-resource';
import { BurnUpChart } from './BurnUpChart';
import { ImplementationReport } from './ImplementationReport';
import { ProgressBars } from './ProgressBars';
import { RagSummary } from './RagSummary';
import { StatusTable } from './StatusTable';
import { ThresholdsEditor } from './ThresholdsEditor';

export function StatusTab({ program, siteUrl }: { program: ProgramSummary; siteUrl: string | undefined }) {
  const load = useCallback(() => take('status/get', { programId: program.id }), [program.id]);
  const { resource, retry } = useResource(load);
  const [open, setOpen] = useState<string | null>(null);
  if (resource.state === 'loading') return <CardsSkeleton label="Loading the program status" />;
  if (resource.state === 'failed') return <LoadError error={resource.error} onRetry={retry} />;
  const view = resource.value;
  return (
    <div data-testid="status-tab" style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <HiddenIssuesNote count={view.hiddenKeys} editable={false} />
      <RagSummary view={view} />
      <ProgressBars view={view} />
      <BurnUpChart burnUp={view.burnUp} />
      <StatusTable rows={view.initiatives} siteUrl={siteUrl} onOpen={setOpen} />
      <Warnings warnings={view.warnings} />
      <ThresholdsEditor key={view.programVersion} view={view} onSaved={retry} />
      <ModalTransition>
        {open && (
          <ImplementationReport programId={program.id} issueKey={open} onClose={() => setOpen(null)} />
        )}
      </ModalTransition>
    </div>
  );
}
