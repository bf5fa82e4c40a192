import { useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type { AssessmentInput, AssessmentRowView, CompletionView, Verdict } from '../../../../src/contract';
import { PlanSection, cell, field, headCell, personName, row, stack, subtle, table } from '../plan/plan-ui';
import {
  VERDICTS,
  day,
  evidenceText,
  linesOf,
  subjectKey,
  subjectLabel,
  verdictLozenge,
} from './completion-model';
import { visuallyHidden } from './completion-ui';
import { EvidenceList } from './links';
import type { CompletionState } from './use-completion';

function AssessmentForm({
  row: assessed,
  onSave,
  onCancel,
}: {
  row: AssessmentRowView;
  onSave: (fields: AssessmentInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const key = subjectKey(assessed.subject);
  const current = assessed.assessment;
  const [verdict, setVerdict] = useState<Verdict | null>(current?.verdict ?? null);
  const [measuredValue, setMeasured] = useState(current?.measuredValue ?? '');
  const [evidence, setEvidence] = useState((current?.evidence ?? []).map(evidenceText).join('\n'));
  const [note, setNote] = useState(current?.note ?? '');
  const [busy, setBusy] = useState(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };
  return (
    <form
      data-testid="assessment-form"
      aria-label={`Assess “${assessed.statement}”`}
      style={{ ...stack, maxWidth: '760px' }}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!verdict) return;
        setBusy(true);
        void onSave({
          verdict,
          measuredValue: measuredValue.trim(),
          evidence: linesOf(evidence),
          note: note.trim(),
        })
          .then((done) => done && onCancel())
          .finally(() => setBusy(false));
      }}
    >
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: '12px' }}>Verdict</legend>
        <div style={row}>
          {VERDICTS.map((v) => (
            <label key={v.verdict} style={{ ...row, gap: '4px' }}>
              <input
                type="radio"
                name={`verdict-${key}`}
                value={v.verdict}
                checked={verdict === v.verdict}
                onChange={() => setVerdict(v.verdict)}
                data-testid={`assessment-form-verdict-${v.verdict}`}
              />
              {v.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label style={field}>
        <span>
          Measured value{assessed.metric ? ` (${assessed.metric})` : ''}
          {assessed.target ? `, target ${assessed.target}` : ''}
        </span>
        <Textfield
          value={measuredValue}
          onChange={(e) => setMeasured(e.currentTarget.value)}
          testId="assessment-form-measured"
        />
      </label>
      <label style={field}>
        <span>Evidence: one per line, an issue key like PAY-12 or an http(s) link</span>
        <TextArea
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          minimumRows={2}
          testId="assessment-form-evidence"
        />
      </label>
      <label style={field}>
        <span>Note</span>
        <TextArea
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          testId="assessment-form-note"
        />
      </label>
      <span style={row}>
        <Button
          type="submit"
          appearance="primary"
          isDisabled={!verdict || busy}
          testId="assessment-form-save"
        >
          Save assessment
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </span>
    </form>
  );
}

/** Every goal and success criterion with its verdict; owners assess inline. */
export function AssessmentSection({
  view,
  state,
  siteUrl,
}: {
  view: CompletionView;
  state: CompletionState;
  siteUrl: string | undefined;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const rows = view.assessments.filter((r) => !onlyOpen || r.assessment === null);
  const c = view.counts;
  const columns = view.canEdit ? 8 : 7;
  const save = (r: AssessmentRowView) => (fields: AssessmentInput) =>
    state.mutate(
      'completion/assessment/save',
      r.assessment
        ? { subject: r.subject, expectedVersion: r.assessment.version, fields }
        : { subject: r.subject, fields },
      `Assessment of “${r.statement}” saved.`,
    );
  return (
    <PlanSection title="Success assessment" testId="completion-assessment">
      <div style={row} data-testid="assessment-counts">
        <Lozenge appearance="success">Met {c.met}</Lozenge>
        <Lozenge appearance="moved">Partly {c.partly}</Lozenge>
        <Lozenge appearance="removed">Missed {c.missed}</Lozenge>
        <Lozenge appearance="default">Not assessed {c.unassessed}</Lozenge>
        <label style={{ ...row, gap: '4px', ...subtle }}>
          <input
            type="checkbox"
            checked={onlyOpen}
            onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
            data-testid="assessment-only-open"
          />
          Only what is not assessed yet
        </label>
      </div>
      {view.assessments.length === 0 ? (
        <p style={subtle} data-testid="assessment-empty">
          The program has no goals (Overview tab) and its quarter plans have no success criteria yet.
        </p>
      ) : (
        <table style={table} aria-label="Success assessment of goals and success criteria">
          <thead>
            <tr>
              <th style={headCell}>Goal or criterion</th>
              <th style={headCell}>Target</th>
              <th style={headCell}>Measured</th>
              <th style={headCell}>Verdict</th>
              <th style={headCell}>Evidence</th>
              <th style={headCell}>Note</th>
              <th style={headCell}>Assessed</th>
              {view.canEdit && (
                <th style={headCell}>
                  <span style={visuallyHidden}>Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const key = subjectKey(r.subject);
              const a = r.assessment;
              const lozenge = verdictLozenge(a?.verdict ?? null);
              if (editing === key)
                return (
                  <tr key={key}>
                    <td style={cell} colSpan={columns}>
                      <strong>{r.statement}</strong>
                      <AssessmentForm row={r} onSave={save(r)} onCancel={() => setEditing(null)} />
                    </td>
                  </tr>
                );
              return (
                <tr key={key} data-testid={`assessment-row-${key}`}>
                  <td style={cell}>
                    <div>{r.statement}</div>
                    <div style={{ ...subtle, fontSize: '12px' }}>{subjectLabel(r, view.goals)}</div>
                  </td>
                  <td style={cell}>
                    {[r.metric, r.target].filter(Boolean).join(': ') || '—'}
                    {r.baseline ? <div style={{ ...subtle, fontSize: '12px' }}>from {r.baseline}</div> : null}
                  </td>
                  <td style={cell}>{a?.measuredValue || '—'}</td>
                  <td style={cell}>
                    <Lozenge appearance={lozenge.appearance} testId={`assessment-verdict-${key}`}>
                      {lozenge.label}
                    </Lozenge>
                  </td>
                  <td style={cell}>{a ? <EvidenceList evidence={a.evidence} siteUrl={siteUrl} /> : '—'}</td>
                  <td style={cell}>{a?.note || '—'}</td>
                  <td style={{ ...cell, ...subtle }}>
                    {a ? `${personName(view.people, a.assessedBy)}, ${day(a.assessedAt)}` : '—'}
                  </td>
                  {view.canEdit && (
                    <td style={cell}>
                      <Button
                        appearance="subtle"
                        spacing="compact"
                        onClick={() => setEditing(key)}
                        testId={`assessment-edit-${key}`}
                        aria-label={`${a ? 'Edit the assessment of' : 'Assess'} “${r.statement}”`}
                      >
                        {a ? 'Edit' : 'Assess'}
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td style={{ ...cell, ...subtle }} colSpan={columns}>
                  Everything is assessed.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </PlanSection>
  );
}
