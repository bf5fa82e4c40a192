import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { ProgramOverview, ProgramStage } from '../../../../src/contract';
import { Section, subtle } from './Section';
import type { OverviewState } from './use-overview';

const STAGES: { stage: ProgramStage; label: string }[] = [
  { stage: 'initiation', label: 'Initiation' },
  { stage: 'planning', label: 'Planning' },
  { stage: 'execution', label: 'Execution' },
  { stage: 'completion', label: 'Completion' },
  { stage: 'closed', label: 'Closed' },
];

/** The stage stepper with the gate: what is missing before the program may move on. */
export function StageSection({
  overview,
  mutate,
}: {
  overview: ProgramOverview;
  mutate: OverviewState['mutate'];
}) {
  const { program, gate, canEdit } = overview;
  const [reason, setReason] = useState('');
  const current = STAGES.findIndex((s) => s.stage === program.stage);
  const nextLabel = STAGES.find((s) => s.stage === gate.next)?.label;
  const move = () =>
    gate.next &&
    void mutate('program/stage/move', {
      programId: program.id,
      expectedVersion: program.version,
      to: gate.next,
      ...(reason.trim() ? { overrideReason: reason.trim() } : {}),
    }).then((done) => done && setReason(''));

  return (
    <Section title="Stage" testId="stage-section">
      <ol
        data-testid="stage-stepper"
        style={{ display: 'flex', gap: token('space.100', '8px'), listStyle: 'none', padding: 0, margin: 0 }}
      >
        {STAGES.map((s, i) => (
          <li
            key={s.stage}
            data-testid={`stage-step-${s.stage}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <Lozenge
              appearance={i < current ? 'success' : i === current ? 'inprogress' : 'default'}
              isBold={i === current}
            >
              {s.label}
            </Lozenge>
          </li>
        ))}
      </ol>
      {gate.next && gate.missing.length > 0 && (
        <SectionMessage
          appearance="warning"
          title={`Before ${nextLabel}, the program still needs`}
          testId="stage-gate-missing"
        >
          <ul style={{ margin: 0 }}>
            {gate.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      {gate.next && canEdit && (
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.100', '8px'),
            maxWidth: '640px',
          }}
        >
          {gate.missing.length > 0 && (
            <TextArea
              placeholder="Why move on anyway? (kept on record)"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              testId="stage-override-reason"
            />
          )}
          <div>
            <Button appearance="primary" onClick={move} testId="stage-move-next">
              {gate.missing.length > 0
                ? `Override the gate and move to ${nextLabel}`
                : `Move to ${nextLabel}`}
            </Button>
          </div>
        </div>
      )}
      <ul data-testid="stage-history" style={{ ...subtle, paddingLeft: token('space.200', '16px') }}>
        {program.stageHistory.map((h) => (
          <li key={`${h.at}-${h.to}`}>
            {h.at.slice(0, 10)}: {h.from ? `${h.from} → ` : ''}
            {h.to}
            {h.override
              ? ` (gate overridden: ${h.override.reason}; missing ${h.override.missing.join(', ')})`
              : ''}
          </li>
        ))}
      </ul>
    </Section>
  );
}
