import type { MouseEvent } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { StatusInitiativeRow } from '../../../../src/contract';
import { EmptyState } from '../components/EmptyState';
import { openIssue } from '../host';
import { statusAppearance, statusSortKey } from '../initiatives-model';
import {
  percentSortKey,
  RAG_APPEARANCE,
  RAG_WORD,
  ragSortKey,
  windowChange,
  windowSortKey,
  windowText,
  worstFirst,
} from './status-model';

export const ROWS_PER_PAGE = 50;

const subtle = { color: token('color.text.subtle') } as const;

const head: HeadType = {
  cells: [
    { key: 'rag', content: 'RAG', isSortable: true, width: 6 },
    { key: 'key', content: 'Key', isSortable: true, width: 7 },
    { key: 'summary', content: 'Summary (opens its report)', width: 20 },
    { key: 'team', content: 'Team', isSortable: true, width: 9 },
    { key: 'status', content: 'Status', isSortable: true, width: 9 },
    { key: 'count', content: '% by count', isSortable: true, width: 7 },
    { key: 'points', content: '% by points', isSortable: true, width: 7 },
    { key: 'planned', content: 'Planned (baseline)', isSortable: true, width: 12 },
    { key: 'current', content: 'Current schedule', isSortable: true, width: 12 },
    { key: 'flags', content: 'What weighs on it', width: 14 },
  ],
};

function KeyLink({ issueKey, siteUrl }: { issueKey: string; siteUrl: string | undefined }) {
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

const percentText = (p: number | null) => (p === null ? '—' : `${p}%`);

function toRow(
  row: StatusInitiativeRow,
  siteUrl: string | undefined,
  onOpen: (key: string) => void,
): RowType {
  const change = windowChange(row.planned, row.current);
  return {
    key: row.key,
    testId: `status-row-${row.key}`,
    cells: [
      {
        key: ragSortKey(row.rag),
        content: (
          <Lozenge appearance={RAG_APPEARANCE[row.rag]} testId={`status-row-rag-${row.key}`}>
            {RAG_WORD[row.rag]}
          </Lozenge>
        ),
      },
      { key: row.key, content: <KeyLink issueKey={row.key} siteUrl={siteUrl} /> },
      {
        key: row.summary,
        content: (
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => onOpen(row.key)}
            aria-label={`Implementation report of ${row.key}: ${row.summary}`}
            testId={`status-open-report-${row.key}`}
          >
            {row.summary}
          </Button>
        ),
      },
      { key: row.team, content: row.team },
      {
        key: statusSortKey(row.status),
        content: <Lozenge appearance={statusAppearance(row.status.category)}>{row.status.name}</Lozenge>,
      },
      {
        key: percentSortKey(row.percentByCount),
        content: (
          <span title={`${row.issues.done} of ${row.issues.total} issues done`}>
            {percentText(row.percentByCount)}
          </span>
        ),
      },
      {
        key: percentSortKey(row.percentByPoints),
        content: (
          <span title={`${row.points.done} of ${row.points.total} story points done`}>
            {percentText(row.percentByPoints)}
          </span>
        ),
      },
      { key: windowSortKey(row.planned), content: <span style={subtle}>{windowText(row.planned)}</span> },
      {
        key: windowSortKey(row.current),
        content: row.current ? (
          <span>
            {windowText(row.current)}
            {change && change !== 'as planned' && <span style={subtle}> · {change}</span>}
          </span>
        ) : (
          <span style={subtle}>
            {row.inPlan ? (row.unplacedDetail ?? 'Not scheduled') : 'Not in the plan'}
          </span>
        ),
      },
      {
        key: row.flags.join(' '),
        content:
          row.flags.length > 0 ? (
            <ul style={{ margin: 0, paddingLeft: token('space.200', '16px') }}>
              {row.flags.map((flag) => (
                <li key={flag}>{flag}</li>
              ))}
            </ul>
          ) : (
            <span style={subtle}>—</span>
          ),
      },
    ],
  };
}

/** One row per initiative, worst first; its summary opens the implementation report. */
export function StatusTable({
  rows,
  siteUrl,
  onOpen,
}: {
  rows: readonly StatusInitiativeRow[];
  siteUrl: string | undefined;
  onOpen: (key: string) => void;
}) {
  return (
    <section
      aria-labelledby="status-initiatives-heading"
      style={{ display: 'grid', gap: token('space.100', '8px') }}
    >
      <h3
        id="status-initiatives-heading"
        style={{ margin: 0, font: token('font.heading.small', '600 16px/20px sans-serif') }}
      >
        Initiatives ({rows.length})
      </h3>
      <DynamicTable
        testId="status-initiatives"
        label="Initiatives with their progress, planned and current sprint windows, and what weighs on their status"
        head={head}
        rows={worstFirst(rows).map((row) => toRow(row, siteUrl, onOpen))}
        rowsPerPage={ROWS_PER_PAGE}
        defaultPage={1}
        emptyView={
          <EmptyState
            testId="no-status-initiatives"
            headingLevel="h4"
            header="No initiatives in scope that you can see"
            description="The program’s JQL scope finds no epic in a project you can browse. Check the scope on the Overview tab, or ask a Jira admin for access to the teams’ projects."
          />
        }
      />
    </section>
  );
}
