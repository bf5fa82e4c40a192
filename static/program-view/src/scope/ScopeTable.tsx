import { Suspense, lazy, useCallback, useMemo, useState, type MouseEvent } from 'react';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { InitiativeRow, ProgramSummary } from '../../../../src/contract';
import { useAfterPaint } from '../../../shared/use-after-paint';
import { SelectPlaceholder } from '../components/SelectPlaceholder';
import { openIssue } from '../host';
import {
  doneRatio,
  progressSortKey,
  progressText,
  statusAppearance,
  statusSortKey,
} from '../initiatives-model';
import { PagedTable } from '../tables/PagedTable';
import type { SortValue } from '../tables/paging-model';
import { dependencyText, estimateSortKey, estimateText, filterByTeams, teamsOf } from './scope-model';

export const ROWS_PER_PAGE = 50;

const head: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 8 },
    { key: 'summary', content: 'Summary', width: 28 },
    { key: 'team', content: 'Team', isSortable: true, width: 12 },
    { key: 'status', content: 'Status', isSortable: true, width: 11 },
    { key: 'estimate', content: 'Estimate', isSortable: true, width: 8 },
    { key: 'progress', content: 'Child progress', isSortable: true, width: 17 },
    { key: 'upstream', content: 'Upstream', isSortable: true, width: 8 },
    { key: 'downstream', content: 'Downstream', isSortable: true, width: 8 },
  ],
};

const subtle = { color: token('color.text.subtle'), whiteSpace: 'nowrap' } as const;

function IssueKeyLink({ issueKey, siteUrl }: { issueKey: string; siteUrl: string | undefined }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let modified clicks open the real URL in a new tab; a plain click navigates Jira itself.
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

function ChildProgressCell({ initiative }: { initiative: InitiativeRow }) {
  const ratio = doneRatio(initiative.children);
  const text = progressText(initiative.children);
  const label = <span style={{ ...subtle, flex: '0 0 auto', minWidth: '5.5em' }}>{text}</span>;
  if (ratio === undefined) return label;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
      <div style={{ flex: '1 1 auto', minWidth: '48px' }}>
        <ProgressBar
          value={ratio}
          appearance={ratio === 1 ? 'success' : 'default'}
          ariaLabel={`${initiative.key}: ${text.toLowerCase()}`}
          testId={`initiative-progress-${initiative.key}`}
        />
      </div>
      {label}
    </div>
  );
}

function CountCell({ count, direction }: { count: number; direction: 'upstream' | 'downstream' }) {
  return (
    <span title={dependencyText(count, direction)} aria-label={dependencyText(count, direction)}>
      {count}
    </span>
  );
}

function toRow(initiative: InitiativeRow, siteUrl: string | undefined): RowType {
  return {
    key: initiative.key,
    testId: `initiative-row-${initiative.key}`,
    cells: [
      { key: initiative.key, content: <IssueKeyLink issueKey={initiative.key} siteUrl={siteUrl} /> },
      { key: initiative.summary, content: initiative.summary },
      { key: initiative.team, content: initiative.team },
      {
        key: statusSortKey(initiative.status),
        content: (
          <Lozenge
            appearance={statusAppearance(initiative.status.category)}
            testId={`initiative-status-${initiative.key}`}
          >
            {initiative.status.name}
          </Lozenge>
        ),
      },
      {
        key: estimateSortKey(initiative.estimate),
        content: (
          <span data-testid={`initiative-estimate-${initiative.key}`}>
            {estimateText(initiative.estimate)}
          </span>
        ),
      },
      { key: progressSortKey(initiative.children), content: <ChildProgressCell initiative={initiative} /> },
      { key: initiative.upstream, content: <CountCell count={initiative.upstream} direction="upstream" /> },
      {
        key: initiative.downstream,
        content: <CountCell count={initiative.downstream} direction="downstream" />,
      },
    ],
  };
}

/** What each sortable column sorts by, read off the initiative (only the page shown becomes rows). */
const sortValues: Record<string, (initiative: InitiativeRow) => SortValue> = {
  key: (initiative) => initiative.key,
  team: (initiative) => initiative.team,
  status: (initiative) => statusSortKey(initiative.status),
  estimate: (initiative) => estimateSortKey(initiative.estimate),
  progress: (initiative) => progressSortKey(initiative.children),
  upstream: (initiative) => initiative.upstream,
  downstream: (initiative) => initiative.downstream,
};

const TeamFilter = lazy(() => import('./TeamFilter').then((m) => ({ default: m.TeamFilter })));

const placeholder = <SelectPlaceholder text="All teams" />;

/** The program's initiatives: sortable by column, filterable by team, 50 a page. */
export function ScopeTable(props: {
  program: ProgramSummary;
  initiatives: readonly InitiativeRow[];
  siteUrl: string | undefined;
}) {
  const { program, initiatives, siteUrl } = props;
  const [teams, setTeams] = useState<readonly string[]>([]);
  const options = useMemo(() => teamsOf(initiatives), [initiatives]);
  const shown = useMemo(() => filterByTeams(initiatives, teams), [initiatives, teams]);
  const row = useCallback((initiative: InitiativeRow) => toRow(initiative, siteUrl), [siteUrl]);
  // The picker's code (react-select) is asked for once the rows are painted: they do not wait for a filter.
  const pickerWanted = useAfterPaint(true);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
      {options.length > 1 && (
        <div style={{ maxWidth: '420px' }} data-testid="scope-team-filter">
          <label htmlFor="scope-team-filter-input" style={{ ...subtle, display: 'block' }}>
            Show teams
          </label>
          {pickerWanted ? (
            <Suspense fallback={placeholder}>
              <TeamFilter
                inputId="scope-team-filter-input"
                teams={options}
                chosen={teams}
                onChange={setTeams}
              />
            </Suspense>
          ) : (
            placeholder
          )}
        </div>
      )}
      <PagedTable
        label={`Initiatives in ${program.name}`}
        head={head}
        items={shown}
        sortValues={sortValues}
        toRow={row}
        rowsPerPage={ROWS_PER_PAGE}
        defaultSort={{ key: 'key', order: 'ASC' }}
        testId="initiatives-table"
        emptyView={
          <div
            style={{ padding: token('space.300', '24px'), textAlign: 'center' }}
            data-testid="initiatives-empty"
          >
            <p style={{ fontWeight: token('font.weight.semibold', '600') }}>
              No initiatives in this program yet
            </p>
            <p style={{ color: token('color.text.subtle') }}>
              Its scope is <code>{program.scopeJql}</code>. Add epics that match this JQL, or link an epic to
              the program from the Programs panel on the epic. You only see epics in projects you can browse.
            </p>
          </div>
        }
      />
    </div>
  );
}
