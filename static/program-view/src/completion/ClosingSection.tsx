import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import type { CompletionView } from '../../../../src/contract';
import { PlanSection, field, row, stack, subtle } from '../plan/plan-ui';
import { day } from './completion-model';
import type { CompletionState } from './use-completion';

function CloseDialog({
  view,
  state,
  onClose,
}: {
  view: CompletionView;
  state: CompletionState;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { missing } = view.readiness;
  const close = () => {
    setBusy(true);
    void state
      .mutate(
        'program/close',
        {
          expectedVersion: view.programVersion,
          ...(missing.length > 0 ? { overrideReason: reason.trim() } : {}),
        },
        `${view.programName} is closed.`,
      )
      .then((done) => done && onClose())
      .finally(() => setBusy(false));
  };
  return (
    <>
      <ModalHeader>
        <ModalTitle>Close “{view.programName}”?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <div style={stack}>
          <p>
            A closed program is read-only: nobody can change its records, plans, scope or pages until an owner
            reopens it. Closing publishes its pages one last time, the completion report with them, when the
            program publishes to Confluence; after that, scheduled publishing stops.
          </p>
          {missing.length > 0 && (
            <>
              <p>Closing now leaves out:</p>
              <ul>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <label style={field}>
                <span>Why close anyway? (kept in the stage history)</span>
                <TextArea
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  isRequired
                  testId="close-program-reason"
                />
              </label>
            </>
          )}
          {state.writeError && (
            <SectionMessage
              appearance="error"
              title="The program was not closed"
              testId="close-program-error"
            >
              <p>{state.writeError.message}</p>
            </SectionMessage>
          )}
        </div>
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          appearance="warning"
          isDisabled={busy || (missing.length > 0 && !reason.trim())}
          onClick={close}
          testId="close-program-confirm"
        >
          {missing.length > 0 ? 'Override the gate and close' : 'Close the program'}
        </Button>
      </ModalFooter>
    </>
  );
}

function ReopenDialog({
  view,
  state,
  onClose,
}: {
  view: CompletionView;
  state: CompletionState;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const reopen = () => {
    setBusy(true);
    void state
      .mutate(
        'program/reopen',
        { expectedVersion: view.programVersion },
        `${view.programName} is open again.`,
      )
      .then((done) => done && onClose())
      .finally(() => setBusy(false));
  };
  return (
    <>
      <ModalHeader>
        <ModalTitle>Reopen “{view.programName}”?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <p>
          It goes back to Completion, and its owners and teams can change it again. The reopening is dated in
          the stage history.
        </p>
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button appearance="primary" isDisabled={busy} onClick={reopen} testId="reopen-program-confirm">
          Reopen the program
        </Button>
      </ModalFooter>
    </>
  );
}

/** What closing needs, and the Close (or, once closed, Reopen) action for owners. */
export function ClosingSection({ view, state }: { view: CompletionView; state: CompletionState }) {
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const { readiness } = view;
  const hide = () => {
    setDialog(null);
    state.clearWriteError();
  };
  return (
    <PlanSection title="Closing" testId="completion-closing">
      {view.closed ? (
        <SectionMessage
          appearance="information"
          title={`Closed on ${day(view.closedAt)}`}
          testId="completion-closed"
        >
          <p>The program is read-only: its records stay here and on its Confluence pages.</p>
          {view.closingReport && (
            <p data-testid="closing-report" data-state={view.closingReport.state}>
              {view.closingReport.message}
            </p>
          )}
          {view.canReopen && (
            <Button onClick={() => setDialog('reopen')} testId="reopen-program">
              Reopen the program
            </Button>
          )}
        </SectionMessage>
      ) : (
        <>
          {readiness.missing.length > 0 ? (
            <SectionMessage
              appearance="warning"
              title="Before closing, the program still needs"
              testId="closing-missing"
            >
              <ul style={{ margin: 0 }}>
                {readiness.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </SectionMessage>
          ) : (
            <SectionMessage
              appearance="success"
              title="Everything closing needs is here"
              testId="closing-ready"
            >
              <p>Every goal is assessed, lessons are recorded and the handover is settled.</p>
            </SectionMessage>
          )}
          {readiness.warnings.length > 0 && (
            <ul style={{ ...subtle, margin: 0 }} data-testid="closing-warnings">
              {readiness.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {view.canEdit && view.stage === 'completion' && (
            <div style={row}>
              <Button appearance="warning" onClick={() => setDialog('close')} testId="close-program">
                Close the program
              </Button>
            </div>
          )}
          {!view.canEdit && (
            <p style={subtle} data-testid="completion-read-only-note">
              You are {view.roles.join(', ') || 'a reader'} on this program:{' '}
              {view.canAddLessons
                ? 'you add lessons learned; its owners assess, keep the improvement plan, hand over and close.'
                : 'you can read its completion; its owners and team leads write it.'}
            </p>
          )}
        </>
      )}
      <ModalTransition>
        {dialog !== null && (
          <Modal onClose={hide} testId={`${dialog === 'close' ? 'close' : 'reopen'}-program-dialog`}>
            {dialog === 'close' ? (
              <CloseDialog view={view} state={state} onClose={hide} />
            ) : (
              <ReopenDialog view={view} state={state} onClose={hide} />
            )}
          </Modal>
        )}
      </ModalTransition>
    </PlanSection>
  );
}
