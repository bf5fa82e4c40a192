import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { StatusCard } from '../../../src/contract';
import { formatAsOf, ragAppearance, ragLabel, severityAppearance, stageLabel } from './card-model';

const box = { display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' } as const;
const muted = { color: token('color.text.subtle'), fontSize: 12 } as const;
const list = { margin: '4px 0 0', paddingLeft: 18 } as const;

export interface StatusCardViewProps {
  card: StatusCard;
  onOpen: () => void;
  /** Offered to the program's owners: rebuild the snapshot from Jira now. */
  onRefresh?: () => void;
  refreshing?: boolean;
}

export function StatusCardView({ card, onOpen, onRefresh, refreshing = false }: StatusCardViewProps) {
  return (
    <article
      data-testid="status-card"
      data-rag={card.rag.status}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: 8,
        padding: 16,
        display: 'grid',
        gap: 12,
        maxWidth: 720,
      }}
    >
      <header style={{ ...box, justifyContent: 'space-between' }}>
        <div style={box}>
          <Heading size="medium" as="h2">
            {card.program.name}
          </Heading>
          <Lozenge appearance="new">{stageLabel[card.program.stage]}</Lozenge>
          <span data-testid="rag">
            <Lozenge appearance={ragAppearance[card.rag.status]} isBold>
              {ragLabel[card.rag.status]}
            </Lozenge>
          </span>
        </div>
        <Button appearance="subtle" onClick={onOpen}>
          Open in Jira
        </Button>
      </header>

      <ul style={list} aria-label="Why this status" data-testid="rag-reasons">
        {card.rag.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>

      <section aria-label="Progress">
        <div style={{ ...box, justifyContent: 'space-between' }}>
          <strong>Progress</strong>
          <span data-testid="percent-done">{card.percentDone}% done</span>
        </div>
        <ProgressBar value={card.percentDone / 100} ariaLabel={`${card.percentDone}% done`} />
        <p style={muted} data-testid="initiative-counts">
          {card.initiatives.total} initiatives: {card.initiatives.done} done, {card.initiatives.inProgress} in
          progress, {card.initiatives.toDo} to do · {card.issues.done} of {card.issues.total} issues done
        </p>
        {card.projects.length > 0 && (
          <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="projects">
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>Project</th>
                <th style={{ textAlign: 'right' }}>Initiatives</th>
                <th style={{ textAlign: 'right' }}>Done</th>
              </tr>
            </thead>
            <tbody>
              {card.projects.map((p) => (
                <tr key={p.projectKey} data-project={p.projectKey}>
                  <td>{p.projectKey}</td>
                  <td style={{ textAlign: 'right' }}>{p.initiatives}</td>
                  <td style={{ textAlign: 'right' }}>{p.percentDone}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {card.hiddenInitiatives > 0 && (
          <p style={muted} data-testid="hidden-initiatives">
            {card.hiddenInitiatives} more initiative{card.hiddenInitiatives === 1 ? ' is' : 's are'} in
            projects you cannot see; they are left out of these figures.
          </p>
        )}
      </section>

      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' }}>
        <section aria-label="Next milestones" data-testid="milestones">
          <strong>Next milestones</strong>
          {card.nextMilestones.length === 0 ? (
            <p style={muted}>No open milestones.</p>
          ) : (
            <ul style={list}>
              {card.nextMilestones.map((m) => (
                <li key={`${m.targetDate}-${m.name}`}>
                  {m.targetDate} · {m.name}{' '}
                  <Lozenge appearance={m.overdue ? 'removed' : m.status === 'at-risk' ? 'moved' : 'default'}>
                    {m.overdue && m.status !== 'missed' ? 'overdue' : m.status}
                  </Lozenge>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Top risks" data-testid="risks">
          <strong>Top risks</strong>
          {card.topRisks.length === 0 ? (
            <p style={muted}>No open risks.</p>
          ) : (
            <ul style={list}>
              {card.topRisks.map((r) => (
                <li key={r.title}>
                  <Lozenge appearance={severityAppearance[r.severity] ?? 'default'}>{r.severity}</Lozenge>{' '}
                  {r.title}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <footer style={{ ...box, justifyContent: 'space-between' }}>
        <span style={muted} data-testid="as-of" data-built-at={card.asOf}>
          As of {formatAsOf(card.asOf)}
        </span>
        {onRefresh && (
          <Button appearance="subtle" onClick={onRefresh} isDisabled={refreshing} testId="refresh">
            {refreshing ? 'Refreshing…' : 'Refresh now'}
          </Button>
        )}
      </footer>
    </article>
  );
}

export function NoAccessCard({ message }: { message: string }) {
  return (
    <div data-testid="no-access">
      <SectionMessage appearance="information" title="You do not have access to this program">
        <p>{message}</p>
      </SectionMessage>
    </div>
  );
}
