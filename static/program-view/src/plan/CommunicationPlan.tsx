import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import type {
  CommunicationPlanFields,
  MeetingCadence,
  Person,
  QuarterPlanView,
  ReportCadence,
} from '../../../../src/contract';
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
} from './plan-ui';
import type { PlanState } from './use-plan';

const MEETING_CADENCES: MeetingCadence[] = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'];
const REPORT_CADENCES: ReportCadence[] = ['weekly', 'biweekly', 'monthly'];

type Draft = CommunicationPlanFields;

function CommunicationForm({
  initial,
  people,
  onSubmit,
  onCancel,
}: {
  initial: Draft;
  people: Person[];
  onSubmit: (draft: Draft) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const setMeeting = (i: number, change: Partial<Draft['meetings'][number]>) =>
    setDraft((d) => ({ ...d, meetings: d.meetings.map((m, j) => (j === i ? { ...m, ...change } : m)) }));
  const setChannel = (i: number, change: Partial<Draft['otherChannels'][number]>) =>
    setDraft((d) => ({
      ...d,
      otherChannels: d.otherChannels.map((c, j) => (j === i ? { ...c, ...change } : c)),
    }));
  return (
    <form
      data-testid="communication-form"
      style={stack}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit({
          ...draft,
          slackChannelUrl: draft.slackChannelUrl?.trim() || null,
          confluenceSpaceKey: draft.confluenceSpaceKey?.trim() || null,
          otherChannels: draft.otherChannels.filter((c) => c.name.trim()),
          meetings: draft.meetings.filter((m) => m.name.trim()),
        }).then((done) => done && onCancel());
      }}
    >
      <div style={row}>
        <label style={{ ...field, flex: '2 1 320px' }}>
          <span>Slack channel URL (optional)</span>
          <Textfield
            type="url"
            placeholder="https://example.slack.com/archives/C0123"
            value={draft.slackChannelUrl ?? ''}
            onChange={(e) => setDraft({ ...draft, slackChannelUrl: e.currentTarget.value })}
            testId="communication-form-slack"
          />
        </label>
        <label style={{ ...field, flex: '1 1 160px' }}>
          <span>Confluence space key</span>
          <Textfield
            value={draft.confluenceSpaceKey ?? ''}
            onChange={(e) => setDraft({ ...draft, confluenceSpaceKey: e.currentTarget.value })}
            testId="communication-form-space"
          />
        </label>
        <label style={{ ...field, flex: '1 1 140px' }}>
          <span>Status report cadence</span>
          <select
            value={draft.reportCadence}
            onChange={(e) => setDraft({ ...draft, reportCadence: e.currentTarget.value as ReportCadence })}
            data-testid="communication-form-report-cadence"
            style={nativeControl}
          >
            {REPORT_CADENCES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0, ...stack }}>
        <legend style={{ fontSize: '12px', fontWeight: 600 }}>Other channels</legend>
        {draft.otherChannels.map((c, i) => (
          <div key={i} style={{ ...row, alignItems: 'flex-end' }}>
            <label style={field}>
              <span>Name</span>
              <Textfield
                isCompact
                value={c.name}
                onChange={(e) => setChannel(i, { name: e.currentTarget.value })}
              />
            </label>
            <label style={{ ...field, flex: '1 1 260px' }}>
              <span>Link</span>
              <Textfield
                isCompact
                value={c.url ?? ''}
                onChange={(e) => setChannel(i, { url: e.currentTarget.value || null })}
              />
            </label>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() =>
                setDraft((d) => ({ ...d, otherChannels: d.otherChannels.filter((_, j) => j !== i) }))
              }
            >
              Remove
            </Button>
          </div>
        ))}
        <span>
          <Button
            spacing="compact"
            onClick={() =>
              setDraft((d) => ({ ...d, otherChannels: [...d.otherChannels, { name: '', url: null }] }))
            }
          >
            Add channel
          </Button>
        </span>
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: 0, ...stack }}>
        <legend style={{ fontSize: '12px', fontWeight: 600 }}>Recurring meetings</legend>
        {draft.meetings.map((m, i) => (
          <div
            key={m.id ?? `new-${i}`}
            style={{ ...row, alignItems: 'flex-end' }}
            data-testid={`communication-form-meeting-${i}`}
          >
            <label style={field}>
              <span>Name</span>
              <Textfield
                isCompact
                value={m.name}
                onChange={(e) => setMeeting(i, { name: e.currentTarget.value })}
                testId={`communication-form-meeting-${i}-name`}
              />
            </label>
            <label style={field}>
              <span>Cadence</span>
              <select
                value={m.cadence}
                onChange={(e) => setMeeting(i, { cadence: e.currentTarget.value as MeetingCadence })}
                data-testid={`communication-form-meeting-${i}-cadence`}
                style={nativeControl}
              >
                {MEETING_CADENCES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label style={field}>
              <span>Audience</span>
              <Textfield
                isCompact
                value={m.audience}
                onChange={(e) => setMeeting(i, { audience: e.currentTarget.value })}
                testId={`communication-form-meeting-${i}-audience`}
              />
            </label>
            <label style={field}>
              <span>Owner</span>
              <select
                value={m.ownerAccountId ?? ''}
                onChange={(e) => setMeeting(i, { ownerAccountId: e.currentTarget.value || null })}
                data-testid={`communication-form-meeting-${i}-owner`}
                style={nativeControl}
              >
                <option value="">—</option>
                {people.map((p) => (
                  <option key={p.accountId} value={p.accountId}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </label>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => setDraft((d) => ({ ...d, meetings: d.meetings.filter((_, j) => j !== i) }))}
            >
              Remove
            </Button>
          </div>
        ))}
        <span>
          <Button
            spacing="compact"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                meetings: [
                  ...d.meetings,
                  { name: '', cadence: 'weekly', audience: '', ownerAccountId: null },
                ],
              }))
            }
            testId="communication-form-add-meeting"
          >
            Add meeting
          </Button>
        </span>
      </fieldset>
      <span style={row}>
        <Button type="submit" appearance="primary" testId="communication-form-submit">
          Save communication plan
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </span>
    </form>
  );
}

/** How the program communicates this quarter: channels, recurring meetings and the report cadence. */
export function CommunicationPlan({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [editing, setEditing] = useState(false);
  const people = state.overview?.program.people ?? [];
  const c = plan.plan.communication;
  return (
    <PlanSection
      title="Communication plan"
      testId="plan-communication"
      actions={
        plan.canEdit &&
        !editing && (
          <Button onClick={() => setEditing(true)} testId="communication-edit">
            Edit
          </Button>
        )
      }
    >
      {editing ? (
        <CommunicationForm
          initial={{
            ...c,
            otherChannels: c.otherChannels.map((o) => ({ ...o })),
            meetings: c.meetings.map((m) => ({ ...m })),
          }}
          people={people}
          onSubmit={(communication) =>
            state.mutate('plan/communication/update', { communication }, 'Communication plan saved.')
          }
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ul style={{ margin: 0, paddingLeft: '20px' }} data-testid="communication-channels">
            <li>
              Slack:{' '}
              {c.slackChannelUrl ? (
                <a href={c.slackChannelUrl} target="_blank" rel="noreferrer">
                  {c.slackChannelUrl}
                </a>
              ) : (
                <span style={subtle}>none</span>
              )}
            </li>
            <li>Confluence space: {c.confluenceSpaceKey ?? <span style={subtle}>none</span>}</li>
            {c.otherChannels.map((o) => (
              <li key={o.name}>
                {o.name}
                {o.url && (
                  <>
                    :{' '}
                    <a href={o.url} target="_blank" rel="noreferrer">
                      {o.url}
                    </a>
                  </>
                )}
              </li>
            ))}
            <li>Status report: {c.reportCadence}</li>
          </ul>
          {c.meetings.length === 0 ? (
            <p style={subtle}>No recurring meetings yet.</p>
          ) : (
            <table style={table} data-testid="communication-meetings">
              <thead>
                <tr>
                  <th style={headCell} scope="col">
                    Meeting
                  </th>
                  <th style={headCell} scope="col">
                    Cadence
                  </th>
                  <th style={headCell} scope="col">
                    Audience
                  </th>
                  <th style={headCell} scope="col">
                    Owner
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.meetings.map((m) => (
                  <tr key={m.id} data-testid="communication-meeting">
                    <td style={cell}>{m.name}</td>
                    <td style={cell}>{m.cadence}</td>
                    <td style={cell}>{m.audience}</td>
                    <td style={cell}>{personName(people, m.ownerAccountId)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </PlanSection>
  );
}
