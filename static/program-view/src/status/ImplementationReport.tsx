import { useCallback } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import type {
  CommitmentStatus,
  DependencyStatus,
  ImplementationReportView,
  Person,
  ProblemLine,
} from '../../../../src/contract';
import { call } from '../api';
import { LoadError } from '../components/LoadError';
import { CardsSkeleton } from '../../../shared/Skeletons';
import { statusAppearance } from '../initiatives-model';
import { useResource } from '../use-resource';
import { progressLine, RAG_APPEARANCE, RAG_WORD, windowChange, windowText } from './status-model';

const subtle = { margin: 0, color: token('color.text.subtle') } as const;
const cell = {
  borderBottom: `1px solid ${token('color.border')}`,
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  textAlign: 'left',
  verticalAlign: 'top',
} as const;
const h4 = {
  margin: `${token('space.150', '12px')} 0 ${token('space.050', '4px')}`,
  font: token('font.heading.xsmall', '600 14px/16px sans-serif'),
} as const;

const COMMITMENT: Record<CommitmentStatus, 'success' | 'removed' | 'moved' | 'default'> = {
  committed: 'success',
  declined: 'removed',
  'at-risk': 'moved',
  proposed: 'default',
};

const nameOf = (people: readonly Person[], accountId: string | null) =>
  accountId ? (people.find((p) => p.accountId === accountId)?.displayName ?? accountId) : '—';

function Dependencies({ title, rows, testId }: { title: string; rows: DependencyStatus[]; testId: string }) {
  return (
    <>
      <h4 style={h4}>{title}</h4>
      {rows.length === 0 ? (
        <p style={subtle}>None.</p>
      ) : (
        <table data-testid={testId} style={{ borderCollapse: 'collapse', width: '100%', fontSize: '13px' }}>
          <thead>
            <tr>
              {['Initiative', 'Team', 'Status', 'Done', 'Scheduled', 'Commitment'].map((h) => (
                <th key={h} scope="col" style={cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.key}>
                <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                  {d.key} {d.summary}
                  {d.late && (
                    <>
                      {' '}
                      <Lozenge appearance="removed">late</Lozenge>
                    </>
                  )}
                </th>
                <td style={cell}>{d.team}</td>
                <td style={cell}>
                  <Lozenge appearance={statusAppearance(d.status.category)}>{d.status.name}</Lozenge>
                </td>
                <td style={cell}>{d.percentDone === null ? '—' : `${d.percentDone}%`}</td>
                <td style={cell}>{windowText(d.current)}</td>
                <td style={cell}>
                  {d.commitment ? (
                    <>
                      <Lozenge appearance={COMMITMENT[d.commitment.status]}>{d.commitment.status}</Lozenge>
                      {d.commitment.reason && <span style={subtle}> {d.commitment.reason}</span>}
                    </>
                  ) : (
                    <span style={subtle}>{d.crossTeam ? 'Not in the plan' : 'Same team'}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Problems({
  rows,
  people,
  empty,
  testId,
}: {
  rows: ProblemLine[];
  people: Person[];
  empty: string;
  testId: string;
}) {
  if (rows.length === 0) return <p style={subtle}>{empty}</p>;
  return (
    <ul data-testid={testId} style={{ margin: 0 }}>
      {rows.map((p) => (
        <li key={p.id}>
          <strong>{p.title}</strong> ({p.severity}, {p.status}) — owner {nameOf(people, p.ownerAccountId)}
          {p.description && <div>What happened: {p.description}</div>}
          {p.resolution ? (
            <div>Resolution: {p.resolution}</div>
          ) : (
            p.mitigation && <div>Mitigation: {p.mitigation}</div>
          )}
        </li>
      ))}
    </ul>
  );
}

function ReportBody({ view }: { view: ImplementationReportView }) {
  const r = view.report;
  const plan = r.plan;
  const change = plan ? windowChange(plan.planned, plan.current) : null;
  return (
    <div data-testid="status-report" style={{ display: 'grid', gap: token('space.050', '4px') }}>
      <div
        style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}
      >
        <Lozenge appearance={RAG_APPEARANCE[r.rag.status]} isBold testId="status-report-rag">
          {RAG_WORD[r.rag.status]}
        </Lozenge>
        <Lozenge appearance={statusAppearance(r.status.category)}>{r.status.name}</Lozenge>
        <span style={subtle}>
          {r.team}
          {r.targetDate && ` · target date ${r.targetDate}`}
        </span>
      </div>
      {r.reasons.length > 0 && (
        <ul style={{ margin: 0 }} aria-label="What weighs on it">
          {r.reasons.map((reason, i) => (
            <li key={i}>{reason.text}</li>
          ))}
        </ul>
      )}
      <h4 style={h4}>Sprint window</h4>
      {plan ? (
        <table data-testid="status-report-windows" style={{ borderCollapse: 'collapse', fontSize: '13px' }}>
          <tbody>
            <tr>
              <th scope="row" style={cell}>
                Planned (baseline)
              </th>
              <td style={cell}>{plan.planned ? windowText(plan.planned) : 'No baseline window'}</td>
            </tr>
            <tr>
              <th scope="row" style={cell}>
                Current schedule
              </th>
              <td style={cell}>
                {plan.current
                  ? `${windowText(plan.current)}${change ? ` — ${change}` : ''}`
                  : plan.inPlan
                    ? (plan.unplacedDetail ?? 'Not scheduled')
                    : `Not in the ${plan.quarter} plan`}
              </td>
            </tr>
            {plan.expectation && (
              <tr>
                <th scope="row" style={cell}>
                  Expected by now
                </th>
                <td style={cell}>
                  {plan.expectation.expectedPercent}% ({plan.expectation.actualPercent}% done)
                </td>
              </tr>
            )}
          </tbody>
        </table>
      ) : (
        <p style={subtle}>No quarter plan is in force, so there is no sprint window to compare.</p>
      )}
      <h4 style={h4}>Progress</h4>
      <p style={{ margin: 0 }} data-testid="status-report-progress">
        {progressLine(r.progress.issues, r.progress.percentByCount, 'issues')};{' '}
        {progressLine(r.progress.points, r.progress.percentByPoints, 'points')}.
      </p>
      <Dependencies title="Waits for (upstream)" rows={r.upstream} testId="status-report-upstream" />
      <Dependencies
        title="Waited for by (downstream)"
        rows={r.downstream}
        testId="status-report-downstream"
      />
      <h4 style={h4}>Open problems</h4>
      <Problems
        rows={r.problems}
        people={view.people}
        empty="No problem recorded against it."
        testId="status-report-problems"
      />
      {(r.risks.length > 0 || r.detectedRisks.length > 0) && (
        <>
          <h4 style={h4}>Risks</h4>
          <Problems rows={r.risks} people={view.people} empty="" testId="status-report-risks" />
          {r.detectedRisks.length > 0 && (
            <ul style={{ margin: 0 }} data-testid="status-report-detected">
              {r.detectedRisks.map((d) => (
                <li key={d.title}>
                  Detected ({d.severity}): {d.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {r.milestones.length > 0 && (
        <>
          <h4 style={h4}>Milestones</h4>
          <ul style={{ margin: 0 }}>
            {r.milestones.map((m) => (
              <li key={m.name}>
                {m.name} — {m.targetDate} ({m.status})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The implementation report of one initiative, in a modal. */
export function ImplementationReport({
  programId,
  issueKey,
  onClose,
}: {
  programId: string;
  issueKey: string;
  onClose: () => void;
}) {
  const load = useCallback(
    () => call('status/initiative', { programId, key: issueKey }),
    [programId, issueKey],
  );
  const { resource, retry } = useResource(load);
  const summary = resource.state === 'ready' ? resource.value.report.summary : '';
  return (
    <Modal
      onClose={onClose}
      width="x-large"
      testId="status-report-dialog"
      label={`Implementation report of ${issueKey}`}
    >
      <ModalHeader>
        <ModalTitle>
          {issueKey} {summary}
        </ModalTitle>
      </ModalHeader>
      <ModalBody>
        {resource.state === 'loading' && (
          <CardsSkeleton label={`Loading the report of ${issueKey}`} cards={2} />
        )}
        {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
        {resource.state === 'ready' && <ReportBody view={resource.value} />}
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose} testId="status-report-close">
          Close
        </Button>
      </ModalFooter>
    </Modal>
  );
}
