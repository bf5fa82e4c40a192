import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import TextArea from '@atlaskit/textarea';
import type { QuarterPlanView } from '../../../../src/contract';
import { personName, row, subtle, when } from './plan-ui';
import type { PlanState } from './use-plan';

/** Who froze the latest baseline and when; owners freeze a new one after confirming. */
export function Baseline({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const latest = plan.plan.baselines.at(-1);
  const people = state.overview?.program.people ?? [];
  const freeze = async () => {
    setBusy(true);
    const done = await state.mutate(
      'plan/baseline/freeze',
      note.trim() ? { note: note.trim() } : {},
      'Baseline frozen.',
    );
    setBusy(false);
    if (done) {
      setOpen(false);
      setNote('');
    }
  };
  return (
    <div style={row}>
      {latest ? (
        <span data-testid="baseline-frozen" style={subtle}>
          Baseline frozen by {personName(people, latest.frozenBy)} on {when(latest.frozenAt)}
          {latest.note ? ` — “${latest.note}”` : ''}
          {plan.plan.baselines.length > 1 ? ` (${plan.plan.baselines.length} baselines)` : ''}
        </span>
      ) : (
        <span style={subtle} data-testid="baseline-none">
          No baseline yet.
        </span>
      )}
      {plan.canEdit && (
        <Button onClick={() => setOpen(true)} testId="baseline-freeze">
          Freeze baseline
        </Button>
      )}
      <ModalTransition>
        {open && (
          <Modal onClose={() => setOpen(false)} testId="baseline-freeze-dialog">
            <ModalHeader>
              <ModalTitle>Freeze the baseline of {plan.plan.quarter}?</ModalTitle>
            </ModalHeader>
            <ModalBody>
              <p>
                The current plan and schedule become the agreed baseline: it cannot be changed afterwards, and
                later plans show how far they moved from it.
              </p>
              <label style={{ display: 'flex', flexDirection: 'column', gap: '4px' }}>
                Note (optional)
                <TextArea
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  testId="baseline-freeze-note"
                />
              </label>
            </ModalBody>
            <ModalFooter>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button
                appearance="primary"
                isDisabled={busy}
                onClick={() => void freeze()}
                testId="baseline-freeze-confirm"
              >
                Freeze baseline
              </Button>
            </ModalFooter>
          </Modal>
        )}
      </ModalTransition>
    </div>
  );
}
