import { useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type { CompletionView, HandoverInput, SupportLink, SupportLinkKind } from '../../../../src/contract';
import { PlanSection, field, nativeControl, personName, row, stack, subtle } from '../plan/plan-ui';
import { HANDOVER_STATES, day, handoverItemText, linesOf } from './completion-model';
import { HandoverItemView, WebLink } from './links';
import type { CompletionState } from './use-completion';

const blankLink: SupportLink = { kind: 'runbook', label: '', url: '' };

function HandoverForm({
  view,
  onSave,
  onCancel,
}: {
  view: CompletionView;
  onSave: (fields: HandoverInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const h = view.handover;
  const [receivingTeam, setTeam] = useState(h?.receivingTeam ?? '');
  const [contact, setContact] = useState(h?.contactAccountId ?? '');
  const [date, setDate] = useState(h?.handoverDate ?? '');
  const [items, setItems] = useState((h?.items ?? []).map(handoverItemText).join('\n'));
  const [links, setLinks] = useState<SupportLink[]>(h?.links.length ? h.links : []);
  const [waived, setWaived] = useState(h?.waiver !== null && h?.waiver !== undefined);
  const [reason, setReason] = useState(h?.waiver?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const setLink = (i: number, change: Partial<SupportLink>) =>
    setLinks((all) => all.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const ready = waived ? reason.trim() !== '' : receivingTeam.trim() !== '';
  return (
    <form
      data-testid="handover-form"
      aria-label="Transition to support"
      style={{ ...stack, maxWidth: '760px' }}
      onKeyDown={(event: KeyboardEvent) => event.key === 'Escape' && onCancel()}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSave({
          receivingTeam: receivingTeam.trim(),
          contactAccountId: contact || null,
          items: linesOf(items),
          links: links
            .map((l) => ({ ...l, label: l.label.trim(), url: l.url.trim() }))
            .filter((l) => l.url !== ''),
          handoverDate: date || null,
          waiverReason: waived ? reason.trim() : null,
        })
          .then((done) => done && onCancel())
          .finally(() => setBusy(false));
      }}
    >
      <label style={{ ...row, gap: '4px' }}>
        <input
          type="checkbox"
          checked={waived}
          onChange={(e) => setWaived(e.currentTarget.checked)}
          data-testid="handover-form-waive"
        />
        No transition to support is needed
      </label>
      {waived && (
        <label style={field}>
          <span>Why not (kept on record)</span>
          <TextArea
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            testId="handover-form-reason"
          />
        </label>
      )}
      <div style={row}>
        <label style={{ ...field, flex: '1 1 220px' }}>
          <span>Receiving team</span>
          <Textfield
            value={receivingTeam}
            onChange={(e) => setTeam(e.currentTarget.value)}
            isRequired={!waived}
            testId="handover-form-team"
          />
        </label>
        <label style={{ ...field, flex: '1 1 200px' }}>
          <span>Contact (answers for the team)</span>
          <select
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            style={nativeControl}
            data-testid="handover-form-contact"
          >
            <option value="">Nobody yet</option>
            {view.people.map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <label style={{ ...field, flex: '0 1 180px' }}>
          <span>Handover date</span>
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            style={nativeControl}
            data-testid="handover-form-date"
          />
        </label>
      </div>
      <label style={field}>
        <span>Handed over: one per line, an issue key or a description</span>
        <TextArea
          value={items}
          onChange={(e) => setItems(e.currentTarget.value)}
          minimumRows={3}
          testId="handover-form-items"
        />
      </label>
      <fieldset style={{ border: 0, padding: 0, margin: 0, ...stack }}>
        <legend style={{ fontSize: '12px' }}>Runbooks and documentation</legend>
        {links.map((l, i) => (
          <div key={i} style={row} data-testid="handover-form-link">
            <select
              aria-label={`Kind of link ${i + 1}`}
              value={l.kind}
              onChange={(e) => setLink(i, { kind: e.currentTarget.value as SupportLinkKind })}
              style={nativeControl}
            >
              <option value="runbook">Runbook</option>
              <option value="documentation">Documentation</option>
            </select>
            <input
              aria-label={`Title of link ${i + 1}`}
              placeholder="Title"
              value={l.label}
              onChange={(e) => setLink(i, { label: e.currentTarget.value })}
              style={nativeControl}
              data-testid={`handover-form-link-label-${i}`}
            />
            <input
              aria-label={`Address of link ${i + 1}`}
              placeholder="https://…"
              type="url"
              value={l.url}
              onChange={(e) => setLink(i, { url: e.currentTarget.value })}
              style={{ ...nativeControl, flex: '1 1 260px' }}
              data-testid={`handover-form-link-url-${i}`}
            />
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => setLinks((all) => all.filter((_, j) => j !== i))}
              aria-label={`Remove link ${i + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        <div>
          <Button
            spacing="compact"
            onClick={() => setLinks((all) => [...all, { ...blankLink }])}
            testId="handover-form-add-link"
          >
            Add a link
          </Button>
        </div>
      </fieldset>
      <span style={row}>
        <Button type="submit" appearance="primary" isDisabled={!ready || busy} testId="handover-form-save">
          Save handover
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </span>
    </form>
  );
}

function Answer({ view, state }: { view: CompletionView; state: CompletionState }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const h = view.handover;
  if (!h) return null;
  const answer = (decision: 'accepted' | 'rejected') => {
    setBusy(true);
    void state
      .mutate(
        'completion/handover/accept',
        { expectedVersion: h.version, decision, note: note.trim() },
        decision === 'accepted' ? 'Handover accepted.' : 'Handover rejected.',
      )
      .then((done) => done && setNote(''))
      .finally(() => setBusy(false));
  };
  return (
    <div style={{ ...stack, maxWidth: '640px' }} data-testid="handover-answer">
      <label style={field}>
        <span>Your answer for {h.receivingTeam} (a rejection says why)</span>
        <TextArea
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          testId="handover-answer-note"
        />
      </label>
      <span style={row}>
        <Button
          appearance="primary"
          isDisabled={busy}
          onClick={() => answer('accepted')}
          testId="handover-accept"
        >
          Accept the handover
        </Button>
        <Button isDisabled={busy || !note.trim()} onClick={() => answer('rejected')} testId="handover-reject">
          Reject
        </Button>
      </span>
    </div>
  );
}

/** The transition to support: what the receiving team takes over, the runbooks, and its acceptance. */
export function HandoverSection({
  view,
  state,
  siteUrl,
}: {
  view: CompletionView;
  state: CompletionState;
  siteUrl: string | undefined;
}) {
  const [editing, setEditing] = useState(false);
  const h = view.handover;
  const status = HANDOVER_STATES[view.readiness.handover];
  const save = (fields: HandoverInput) =>
    state.mutate(
      'completion/handover/save',
      h ? { expectedVersion: h.version, fields } : { fields },
      'Handover saved.',
    );
  return (
    <PlanSection
      title="Transition to support"
      testId="completion-handover"
      actions={
        view.canEdit &&
        !editing && (
          <Button onClick={() => setEditing(true)} testId="handover-edit">
            {h ? 'Edit the handover' : 'Plan the handover'}
          </Button>
        )
      }
    >
      <div style={row}>
        <Lozenge appearance={status.appearance} testId="handover-status">
          {status.label}
        </Lozenge>
        {h?.acceptance.by && !h.waiver && (
          <span style={subtle} data-testid="handover-answered">
            {h.acceptance.status === 'accepted' ? 'Accepted' : 'Rejected'} by{' '}
            {personName(view.people, h.acceptance.by)} on {day(h.acceptance.at)}
            {h.acceptance.note ? `: “${h.acceptance.note}”` : ''}
          </span>
        )}
      </div>
      {editing && <HandoverForm view={view} onSave={save} onCancel={() => setEditing(false)} />}
      {!editing && !h && (
        <p style={subtle} data-testid="handover-empty">
          No handover yet. Name the team that will support what the program built, what it takes over and
          where its runbooks are — or waive the handover, with why.
        </p>
      )}
      {!editing && h?.waiver && (
        <p data-testid="handover-waiver">
          Waived by {personName(view.people, h.waiver.by)} on {day(h.waiver.at)}: {h.waiver.reason}
        </p>
      )}
      {!editing && h && !h.waiver && (
        <dl
          style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}
          data-testid="handover-details"
        >
          <dt style={subtle}>Receiving team</dt>
          <dd style={{ margin: 0 }}>{h.receivingTeam}</dd>
          <dt style={subtle}>Contact</dt>
          <dd style={{ margin: 0 }}>{personName(view.people, h.contactAccountId)}</dd>
          <dt style={subtle}>Handover date</dt>
          <dd style={{ margin: 0 }}>{h.handoverDate ?? 'Not set'}</dd>
          <dt style={subtle}>Handed over</dt>
          <dd style={{ margin: 0 }}>
            {h.items.length === 0 ? (
              'Nothing listed yet'
            ) : (
              <ul style={{ margin: 0, paddingLeft: '16px' }}>
                {h.items.map((item, i) => (
                  <li key={i}>
                    <HandoverItemView item={item} siteUrl={siteUrl} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt style={subtle}>Runbooks and docs</dt>
          <dd style={{ margin: 0 }}>
            {h.links.length === 0 ? (
              'None yet'
            ) : (
              <ul style={{ margin: 0, paddingLeft: '16px' }}>
                {h.links.map((l, i) => (
                  <li key={i}>
                    {l.kind === 'runbook' ? 'Runbook' : 'Documentation'}:{' '}
                    <WebLink url={l.url} label={l.label} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {!editing && view.canAnswerHandover && h?.acceptance.status === 'pending' && (
        <Answer view={view} state={state} />
      )}
    </PlanSection>
  );
}
