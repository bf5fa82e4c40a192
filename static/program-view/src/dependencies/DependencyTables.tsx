import type { MouseEvent } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { DependencyCycle, DependencyEdge, ExternalDependency } from '../../../../src/contract';
import { EmptyState } from '../components/EmptyState';
import { openIssue } from '../host';
import { statusAppearance } from '../initiatives-model';
import { cyclePathText, cycleSteps, type EdgeRow } from './dependencies-model';

const ROWS_PER_PAGE = 50;
const subtle = token('color.text.subtle');

/** A real link to the issue; a plain click opens it in Jira itself through the Forge router. */
export function IssueLink({ issueKey, siteUrl }: { issueKey: string; siteUrl: string | undefined }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (siteUrl && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
    event.preventDefault();
    openIssue(issueKey);
  };
  return (
    <a href={siteUrl ? `${siteUrl}/browse/${issueKey}` : `#${issueKey}`} onClick={onClick}>
      {issueKey}
    </a>
  );
}

export function CycleList(props: {
  cycles: readonly DependencyCycle[];
  edges: readonly DependencyEdge[];
  siteUrl: string | undefined;
}) {
  if (props.cycles.length === 0)
    return (
      <p data-testid="dependency-no-cycles" style={{ margin: 0, color: subtle }}>
        No dependency cycles: every initiative can be ordered after what it depends on.
      </p>
    );
  return (
    <ol style={{ margin: 0, paddingLeft: token('space.300', '24px') }}>
      {props.cycles.map((cycle, i) => (
        <li key={cyclePathText(cycle)} data-testid={`dependency-cycle-${i + 1}`}>
          <strong style={{ color: token('color.text.danger') }}>{cyclePathText(cycle)}</strong>
          <ul style={{ color: subtle }}>
            {cycleSteps(cycle, props.edges).map((step) => (
              <li key={`${step.from}>${step.to}`}>{step.text}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

const edgeHead: HeadType = {
  cells: [
    { key: 'from', content: 'From (delivers first)', isSortable: true, width: 16 },
    { key: 'to', content: 'To (waits)', isSortable: true, width: 16 },
    { key: 'teams', content: 'Teams', isSortable: true, width: 32 },
    { key: 'cross', content: 'Cross-team', isSortable: true, width: 14 },
    { key: 'evidence', content: 'Jira links', isSortable: true, width: 12 },
  ],
};

export function EdgeTable({ rows, siteUrl }: { rows: readonly EdgeRow[]; siteUrl: string | undefined }) {
  const tableRows: RowType[] = rows.map((row) => ({
    key: `${row.from}->${row.to}`,
    testId: `dependency-edge-row-${row.from}-${row.to}`,
    cells: [
      { key: row.from, content: <IssueLink issueKey={row.from} siteUrl={siteUrl} /> },
      { key: row.to, content: <IssueLink issueKey={row.to} siteUrl={siteUrl} /> },
      { key: `${row.fromTeam} ${row.toTeam}`, content: `${row.fromTeam} → ${row.toTeam}` },
      {
        key: `${row.crossTeam ? 0 : 1}${row.onCycle ? 0 : 1}`,
        content: (
          <span style={{ display: 'flex', gap: '4px', flexWrap: 'wrap' }}>
            {row.crossTeam ? <Lozenge appearance="moved">Cross-team</Lozenge> : 'Same team'}
            {row.onCycle && <Lozenge appearance="removed">Cycle</Lozenge>}
          </span>
        ),
      },
      { key: row.evidenceCount, content: String(row.evidenceCount) },
    ],
  }));
  return (
    <DynamicTable
      label="Dependencies between initiatives"
      head={edgeHead}
      rows={tableRows}
      rowsPerPage={ROWS_PER_PAGE}
      defaultPage={1}
      defaultSortKey="from"
      defaultSortOrder="ASC"
      testId="dependency-edge-table"
      emptyView={
        <EmptyState
          testId="no-dependencies"
          headingLevel="h4"
          header="No dependencies between this program’s initiatives"
          description="Link the epics in Jira (“blocks” / “is blocked by”) where one team waits for another; the links show here, in the graph and in the schedule."
        />
      }
    />
  );
}

const externalHead: HeadType = {
  cells: [
    { key: 'initiative', content: 'Initiative', isSortable: true, width: 14 },
    { key: 'via', content: 'Via', isSortable: true, width: 12 },
    { key: 'direction', content: 'Direction', isSortable: true, width: 20 },
    { key: 'other', content: 'Issue outside the program', isSortable: true, width: 34 },
    { key: 'status', content: 'Status', isSortable: true, width: 12 },
    { key: 'type', content: 'Link type', width: 8 },
  ],
};

export function ExternalTable(props: {
  external: readonly ExternalDependency[];
  siteUrl: string | undefined;
}) {
  const rows: RowType[] = props.external.map((dependency) => ({
    key: dependency.linkId,
    testId: `dependency-external-row-${dependency.linkId}`,
    cells: [
      {
        key: dependency.initiativeKey,
        content: <IssueLink issueKey={dependency.initiativeKey} siteUrl={props.siteUrl} />,
      },
      {
        key: dependency.viaKey,
        content: dependency.viaKey === dependency.initiativeKey ? '—' : dependency.viaKey,
      },
      {
        key: dependency.direction,
        content:
          dependency.direction === 'upstream'
            ? 'Waits for the outside issue'
            : 'The outside issue waits for it',
      },
      {
        key: dependency.otherKey,
        content: (
          <span>
            <IssueLink issueKey={dependency.otherKey} siteUrl={props.siteUrl} />
            {dependency.otherSummary ? ` ${dependency.otherSummary}` : ''}
          </span>
        ),
      },
      {
        key: dependency.otherStatus?.name ?? '',
        content: dependency.otherStatus ? (
          <Lozenge appearance={statusAppearance(dependency.otherStatus.category)}>
            {dependency.otherStatus.name}
          </Lozenge>
        ) : (
          <span style={{ color: subtle }}>Not visible</span>
        ),
      },
      { key: dependency.linkType, content: dependency.linkType },
    ],
  }));
  return (
    <DynamicTable
      label="Dependencies on issues outside the program"
      head={externalHead}
      rows={rows}
      rowsPerPage={ROWS_PER_PAGE}
      defaultPage={1}
      testId="dependency-external-table"
      emptyView={<p style={{ color: subtle }}>No links to issues outside this program.</p>}
    />
  );
}
