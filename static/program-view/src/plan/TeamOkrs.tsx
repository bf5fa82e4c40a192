import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { TeamOkrs as TeamOkrsData } from '../../../../src/contract';
import { commitmentAppearance, okrClipboardText } from './plan-model';
import { PlanSection, row, stack, subtle } from './plan-ui';
import type { PlanState } from './use-plan';

type CopyState = 'idle' | 'copied' | 'select';

/** Copies with the clipboard API; inside a sandboxed iframe that may be refused, so fall back to selection. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<CopyState> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Fall through: the host denied clipboard-write.
  }
  if (area) {
    area.focus();
    area.select();
    try {
      // Deprecated but still the only way without the permission.
      if (document.execCommand('copy')) return 'copied';
    } catch {
      // The text stays selected for the user to copy.
    }
  }
  return 'select';
}

function OkrLink({ team, state }: { team: TeamOkrsData; state: PlanState }) {
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState(team.okrUrl ?? '');
  const id = `team-okrs-${team.teamId}-link`;
  if (!editing)
    return (
      <span style={row}>
        {team.okrUrl ? (
          <a href={team.okrUrl} target="_blank" rel="noreferrer">
            Team OKRs
          </a>
        ) : (
          <span style={subtle}>No team OKR record linked</span>
        )}
        {canLink(state, team.teamId) && (
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => setEditing(true)}
            testId={`${id}-edit`}
          >
            {team.okrUrl ? 'Change link' : 'Link'}
          </Button>
        )}
      </span>
    );
  return (
    <form
      style={{ ...row, alignItems: 'flex-end' }}
      onSubmit={(event) => {
        event.preventDefault();
        void state
          .mutate(
            'plan/team-okrs/link',
            { teamId: team.teamId, url: url.trim() || null },
            `${team.teamName}: OKR link saved.`,
          )
          .then((done) => done && setEditing(false));
      }}
    >
      <label style={{ display: 'flex', flexDirection: 'column', gap: '4px', fontSize: '12px' }}>
        <span>Link to the team’s OKRs (empty removes)</span>
        <Textfield
          isCompact
          type="url"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          testId={id}
        />
      </label>
      <Button type="submit" appearance="primary" spacing="compact" testId={`${id}-save`}>
        Save
      </Button>
      <Button spacing="compact" onClick={() => setEditing(false)}>
        Cancel
      </Button>
    </form>
  );
}

const canLink = (state: PlanState, teamId: string) =>
  state.load.state === 'ready' &&
  (state.load.view.canEdit || state.load.view.editableTeamIds.includes(teamId));

function TeamCard({ team, quarter, state }: { team: TeamOkrsData; quarter: string; state: PlanState }) {
  const text = okrClipboardText(team, quarter);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const id = `team-okrs-${team.teamId}`;
  return (
    <div
      data-testid={id}
      style={{
        ...stack,
        padding: token('space.150', '12px'),
        border: `1px solid ${token('color.border')}`,
        borderRadius: '4px',
        flex: '1 1 320px',
      }}
    >
      <div style={{ ...row, justifyContent: 'space-between' }}>
        <strong>{team.teamName}</strong>
        <OkrLink team={team} state={state} />
      </div>
      {team.keyResults.length === 0 ? (
        <p style={subtle}>No commitments yet.</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '20px' }}>
          {team.keyResults.map((kr) => (
            <li key={`${kr.from}-${kr.to}`}>
              {kr.text} <Lozenge appearance={commitmentAppearance(kr.status)}>{kr.status}</Lozenge>
            </li>
          ))}
        </ul>
      )}
      {team.uncommitted.length > 0 && (
        <p style={{ margin: 0, color: token('color.text.warning') }}>
          Not committed: {team.uncommitted.map((u) => `${u.from} → ${u.to} (${u.status})`).join(', ')}
        </p>
      )}
      <label style={{ display: 'flex', flexDirection: 'column', gap: '4px', fontSize: '12px' }}>
        <span>Key results to paste into the team’s OKRs</span>
        <textarea
          ref={area}
          readOnly
          value={text}
          rows={Math.min(8, text.split('\n').length + 1)}
          data-testid={`${id}-text`}
          style={{ fontFamily: 'monospace', fontSize: '12px', padding: '6px', resize: 'vertical' }}
        />
      </label>
      <span style={row}>
        <Button onClick={() => void copyText(text, area.current).then(setCopy)} testId={`${id}-copy`}>
          Copy
        </Button>
        <span role="status" style={subtle} data-testid={`${id}-copy-status`}>
          {copy === 'copied'
            ? 'Copied.'
            : copy === 'select'
              ? 'Copying is blocked here: the text is selected, press Ctrl+C (⌘C).'
              : ''}
        </span>
      </span>
    </div>
  );
}

/** Per team, its commitments as key results, ready to copy into the team's own OKRs. */
export function TeamOkrs({
  okrs,
  quarter,
  state,
}: {
  okrs: TeamOkrsData[] | undefined;
  quarter: string;
  state: PlanState;
}) {
  return (
    <PlanSection title="Team OKRs" testId="plan-team-okrs">
      {!okrs ? (
        <p style={subtle}>Loading the teams’ key results…</p>
      ) : okrs.length === 0 ? (
        <p style={subtle}>No team has commitments in this quarter.</p>
      ) : (
        <div style={{ ...row, alignItems: 'stretch' }}>
          {okrs.map((team) => (
            <TeamCard key={team.teamId} team={team} quarter={quarter} state={state} />
          ))}
        </div>
      )}
    </PlanSection>
  );
}
