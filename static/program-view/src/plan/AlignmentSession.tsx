import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { CommitmentStatus, Person, QuarterPlanView } from '../../../../src/contract';
import {
  DANGER_TEXT,
  alignmentRows,
  commitmentAppearance,
  commitmentCounts,
  commitmentProblem,
  type AlignmentRow,
} from './plan-model';
import {
  PlanSection,
  cell,
  field,
  headCell,
  nativeControl,
  personName,
  row,
  stack,
  subtle,
  table,
  when,
} from './plan-ui';
import type { PlanState } from './use-plan';

const STATUSES: CommitmentStatus[] = ['proposed', 'committed', 'declined', 'at-risk'];

function SessionDetails({
  plan,
  state,
  people,
}: {
  plan: QuarterPlanView;
  state: PlanState;
  people: Person[];
}) {
  const session = plan.plan.session;
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(session.date ?? '');
  const [attendees, setAttendees] = useState<string[]>(session.attendees);
  const [outcome, setOutcome] = useState(session.outcome);
  const start = () => {
    setDate(session.date ?? '');
    setAttendees(session.attendees);
    setOutcome(session.outcome);
    setEditing(true);
  };
  if (!editing)
    return (
      <div style={stack} data-testid="plan-session">
        <p style={{ margin: 0 }}>
          <strong>Session:</strong> {session.date ?? 'no date yet'} ·{' '}
          {session.attendees.length === 0
            ? 'no attendees recorded'
            : session.attendees.map((a) => personName(people, a)).join(', ')}
        </p>
        {session.outcome && (
          <p style={{ margin: 0 }} data-testid="plan-session-outcome">
            Outcome: {session.outcome}
          </p>
        )}
        {session.updatedBy && (
          <p style={subtle}>
            Recorded by {personName(people, session.updatedBy)} on {when(session.updatedAt)}
          </p>
        )}
        {plan.canEdit && (
          <span>
            <Button onClick={start} testId="plan-session-edit">
              Edit session
            </Button>
          </span>
        )}
      </div>
    );
  return (
    <form
      data-testid="plan-session-form"
      style={{ ...stack, maxWidth: '720px' }}
      onSubmit={(event) => {
        event.preventDefault();
        void state
          .mutate(
            'plan/session/update',
            { session: { date: date || null, attendees, outcome } },
            'Alignment session saved.',
          )
          .then((done) => done && setEditing(false));
      }}
    >
      <label style={field}>
        <span>Date</span>
        <Textfield
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          testId="plan-session-date"
        />
      </label>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: '12px' }}>Attendees</legend>
        <div style={row}>
          {people.map((p) => (
            <label key={p.accountId} style={{ ...row, gap: '4px' }}>
              <input
                type="checkbox"
                checked={attendees.includes(p.accountId)}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setAttendees((list) =>
                    checked ? [...list, p.accountId] : list.filter((a) => a !== p.accountId),
                  );
                }}
              />
              {p.displayName}
            </label>
          ))}
        </div>
      </fieldset>
      <label style={field}>
        <span>Outcome</span>
        <TextArea
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          testId="plan-session-outcome-input"
        />
      </label>
      <span style={row}>
        <Button type="submit" appearance="primary" testId="plan-session-save">
          Save session
        </Button>
        <Button onClick={() => setEditing(false)}>Cancel</Button>
      </span>
    </form>
  );
}

function CommitmentEditor({
  item,
  state,
  onDone,
}: {
  item: AlignmentRow;
  state: PlanState;
  onDone: () => void;
}) {
  const { from, to } = item.dependency;
  const id = `commitment-${from}-${to}`;
  const [status, setStatus] = useState<CommitmentStatus>(item.commitment.status);
  const [reason, setReason] = useState(item.commitment.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={`Commitment on ${from} → ${to}`}
      style={{ ...row, alignItems: 'flex-end' }}
      onSubmit={(event) => {
        event.preventDefault();
        const problem = commitmentProblem(status, reason);
        setError(problem);
        if (problem) return;
        void state
          .mutate(
            'plan/commitments/set',
            { commitments: [{ from, to, status, ...(reason.trim() ? { reason: reason.trim() } : {}) }] },
            `${from} → ${to}: ${status}.`,
          )
          .then((done) => done && onDone());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label style={field}>
        <span>Status</span>
        <select
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as CommitmentStatus)}
          data-testid={`${id}-status`}
          style={nativeControl}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label style={{ ...field, minWidth: '220px' }}>
        <span>Reason{status === 'declined' ? ' (required)' : ' (optional)'}</span>
        <Textfield
          isCompact
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          isInvalid={error !== null}
          testId={`${id}-reason`}
        />
      </label>
      <Button type="submit" appearance="primary" spacing="compact" testId={`${id}-save`}>
        Save
      </Button>
      <Button spacing="compact" onClick={onDone}>
        Cancel
      </Button>
      {error && (
        <span role="alert" style={{ color: token(DANGER_TEXT.token), fontSize: '12px' }}>
          {error}
        </span>
      )}
    </form>
  );
}

/** The dependency alignment session: when, who, outcome, and every cross-team dependency's commitment. */
export function AlignmentSession({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [uncommittedOnly, setUncommittedOnly] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const people = state.overview?.program.people ?? [];
  const all = alignmentRows(plan, { uncommittedOnly: false });
  const rows = uncommittedOnly ? alignmentRows(plan, { uncommittedOnly }) : all;
  const counts = commitmentCounts(all);
  const teamName = (id: string | null) => plan.teams.find((t) => t.id === id)?.name ?? '—';
  return (
    <PlanSection title="Dependency alignment session" testId="plan-alignment">
      <SessionDetails plan={plan} state={state} people={people} />
      <p style={subtle} data-testid="plan-commitment-counts">
        {all.length} cross-team {all.length === 1 ? 'dependency' : 'dependencies'}: {counts.committed}{' '}
        committed, {counts['at-risk']} at risk, {counts.declined} declined, {counts.proposed} not answered.
        The team that must deliver first answers for each.
      </p>
      <label style={{ ...row, gap: '4px' }}>
        <input
          type="checkbox"
          checked={uncommittedOnly}
          onChange={(e) => setUncommittedOnly(e.currentTarget.checked)}
          data-testid="plan-commitments-uncommitted-only"
        />
        Uncommitted only
      </label>
      {rows.length === 0 ? (
        <p style={subtle}>
          {all.length === 0 ? 'No cross-team dependency in this quarter.' : 'Every dependency is committed.'}
        </p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table style={table} data-testid="plan-commitments">
            <thead>
              <tr>
                <th style={headCell} scope="col">
                  Dependency (first → waits)
                </th>
                <th style={headCell} scope="col">
                  Teams
                </th>
                <th style={headCell} scope="col">
                  Links
                </th>
                <th style={headCell} scope="col">
                  Commitment
                </th>
                <th style={headCell} scope="col">
                  Answered
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => {
                const { dependency: d, commitment: c } = item;
                const id = `${d.from}-${d.to}`;
                return (
                  <tr key={id} data-testid={`commitment-${id}`} data-status={c.status}>
                    <td style={cell}>
                      <strong>{d.from}</strong> → <strong>{d.to}</strong>
                      {d.late && (
                        <>
                          {' '}
                          <Lozenge appearance="removed">late</Lozenge>
                        </>
                      )}
                    </td>
                    <td style={cell}>
                      {teamName(d.fromTeamId)} → {teamName(d.toTeamId)}
                    </td>
                    <td style={cell}>{d.evidence.length}</td>
                    <td style={cell}>
                      {editing === id ? (
                        <CommitmentEditor item={item} state={state} onDone={() => setEditing(null)} />
                      ) : (
                        <span style={row}>
                          <Lozenge
                            appearance={commitmentAppearance(c.status)}
                            testId={`commitment-${id}-lozenge`}
                          >
                            {c.status}
                          </Lozenge>
                          {c.reason && <span data-testid={`commitment-${id}-reason`}>{c.reason}</span>}
                          {item.editable && (
                            <Button
                              appearance="subtle"
                              spacing="compact"
                              onClick={() => setEditing(id)}
                              aria-label={`Answer for ${d.from} → ${d.to}`}
                              testId={`commitment-${id}-edit`}
                            >
                              Answer
                            </Button>
                          )}
                        </span>
                      )}
                    </td>
                    <td style={{ ...cell, ...subtle }}>
                      {c.by ? `${personName(people, c.by)}, ${when(c.at)}` : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </PlanSection>
  );
}
