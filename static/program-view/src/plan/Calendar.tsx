import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import type { CalendarRequest, QuarterPlanView } from '../../../../src/contract';
import { field, nativeControl, row, subtle } from './plan-ui';
import type { PlanState } from './use-plan';

/** Where the quarter's sprints come from: the teams' Jira board, or generated from a length and first day. */
export function CalendarForm({
  submitLabel,
  testId,
  onSubmit,
  onCancel,
}: {
  submitLabel: string;
  testId: string;
  onSubmit: (calendar: CalendarRequest) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [source, setSource] = useState<CalendarRequest['source']>('board');
  const [lengthDays, setLengthDays] = useState('14');
  const [firstStart, setFirstStart] = useState('');
  const [busy, setBusy] = useState(false);
  const length = Number(lengthDays);
  const valid = source === 'board' || (Number.isInteger(length) && length >= 5 && length <= 42);
  return (
    <form
      data-testid={testId}
      style={{ ...row, alignItems: 'flex-end' }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        setBusy(true);
        const calendar: CalendarRequest =
          source === 'board'
            ? { source }
            : { source, lengthDays: length, ...(firstStart ? { firstStart } : {}) };
        void onSubmit(calendar).then(() => setBusy(false));
      }}
    >
      <label style={field}>
        <span>Sprints</span>
        <select
          value={source}
          onChange={(e) => setSource(e.currentTarget.value as CalendarRequest['source'])}
          data-testid={`${testId}-source`}
          style={nativeControl}
        >
          <option value="board">From the teams’ Jira board</option>
          <option value="generated">Generated</option>
        </select>
      </label>
      {source === 'generated' && (
        <>
          <label style={field}>
            <span>Length (days)</span>
            <Textfield
              isCompact
              inputMode="numeric"
              value={lengthDays}
              onChange={(e) => setLengthDays(e.currentTarget.value)}
              isInvalid={!valid}
              testId={`${testId}-length`}
            />
          </label>
          <label style={field}>
            <span>First sprint starts (default: the quarter’s first Monday)</span>
            <Textfield
              isCompact
              type="date"
              value={firstStart}
              onChange={(e) => setFirstStart(e.currentTarget.value)}
              testId={`${testId}-first-start`}
            />
          </label>
        </>
      )}
      <Button type="submit" appearance="primary" isDisabled={busy || !valid} testId={`${testId}-submit`}>
        {submitLabel}
      </Button>
      {onCancel && <Button onClick={onCancel}>Cancel</Button>}
    </form>
  );
}

/** The quarter's sprint calendar in one line; owners can switch where the sprints come from. */
export function CalendarLine({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [editing, setEditing] = useState(false);
  const c = plan.plan.calendar;
  const first = c.sprints[0];
  const last = c.sprints.at(-1);
  return (
    <div data-testid="plan-calendar" style={{ display: 'flex', flexDirection: 'column', gap: '8px' }}>
      <p style={{ ...subtle, ...row }}>
        <span>
          {c.sprints.length} sprints
          {first && last ? ` (${first.start} – ${last.end})` : ''},{' '}
          {c.source === 'board'
            ? `from ${c.boardName ?? 'a Jira board'}`
            : `generated, ${c.lengthDays} days each`}
          .
        </span>
        {plan.canEdit && !editing && (
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => setEditing(true)}
            testId="plan-calendar-edit"
          >
            Change sprints
          </Button>
        )}
      </p>
      {editing && (
        <CalendarForm
          submitLabel="Use these sprints"
          testId="plan-calendar-form"
          onSubmit={(calendar) =>
            state.mutate('plan/calendar/set', { calendar }, 'Sprints changed.').then((done) => {
              if (done) setEditing(false);
              return done;
            })
          }
          onCancel={() => setEditing(false)}
        />
      )}
    </div>
  );
}
