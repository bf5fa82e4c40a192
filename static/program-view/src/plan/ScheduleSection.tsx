import { useCallback, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { token } from '@atlaskit/tokens';
import type { QuarterPlanView, UnplacedInitiative } from '../../../../src/contract';
import { EmptyState } from '../components/EmptyState';
import { PagedTable } from '../tables/PagedTable';
import type { SortValue } from '../tables/paging-model';
import { TablePagination, useTablePage } from '../tables/TablePagination';
import {
  countByReason,
  filterByReason,
  filterInForce,
  reasonCountsText,
  runsByReason,
  sortUnplaced,
  type ReasonCount,
  type ReasonFilter,
} from './long-lists-model';
import {
  DANGER_TEXT,
  compareKeys,
  timelineInputOf,
  timelineView,
  unplacedTitle,
  varianceText,
} from './plan-model';
import { PlanSection, field, nativeControl, personName, row, stack, subtle } from './plan-ui';
import { InitiativePicker } from './InitiativePicker';
import { LIST_PAGE } from './QuarterScope';
import { Timeline } from './Timeline';
import type { PlanState } from './use-plan';

const danger = { color: token(DANGER_TEXT.token) } as const;

const ROWS_PER_PAGE = 50;

/** One team's part of one initiative, as the timeline's table shows it. */
interface ScheduleRow {
  id: string;
  team: string;
  key: string;
  startSprint: number;
  endSprint: number;
  load: number;
  notes: string;
}

const scheduleHead: HeadType = {
  cells: [
    { key: 'team', content: 'Team', isSortable: true, width: 16 },
    { key: 'initiative', content: 'Initiative', isSortable: true, width: 14 },
    { key: 'sprints', content: 'Sprints', isSortable: true, width: 22 },
    { key: 'load', content: 'Load', isSortable: true, width: 8 },
    { key: 'notes', content: 'Notes', width: 40 },
  ],
};

const scheduleSortValues: Record<string, (row: ScheduleRow) => SortValue> = {
  team: (row) => row.team,
  initiative: (row) => row.key,
  // By start, then by end: a part in Sprint 2 – Sprint 3 before one in Sprint 2 – Sprint 5.
  sprints: (row) => row.startSprint * 1000 + row.endSprint,
  load: (row) => row.load,
};

function ScheduleTable({ plan }: { plan: QuarterPlanView }) {
  const sprints = plan.plan.calendar.sprints;
  const rows = useMemo((): ScheduleRow[] => {
    const view = timelineView(timelineInputOf(plan));
    const variance = new Map((plan.baselineComparison?.variances ?? []).map((v) => [v.key, v]));
    const lanes = new Map(view.lanes.map((l) => [l.team, l.label]));
    return view.bars.map((bar) => {
      const v = variance.get(bar.key);
      return {
        id: bar.id,
        team: lanes.get(bar.team) ?? bar.team,
        key: bar.key,
        startSprint: bar.startSprint,
        endSprint: bar.endSprint,
        load: bar.load,
        notes: [
          bar.pinned ? 'pinned' : null,
          bar.onCriticalPath ? 'critical path' : null,
          bar.late ? 'starts before a dependency ends' : null,
          v ? varianceText(v) : null,
        ]
          .filter(Boolean)
          .join('; '),
      };
    });
  }, [plan]);
  const toRow = useCallback(
    (row: ScheduleRow): RowType => {
      const name = (i: number) => sprints[i]?.name ?? `Sprint ${i + 1}`;
      return {
        key: row.id,
        testId: `plan-schedule-row-${row.id}`,
        cells: [
          { key: row.team, content: row.team },
          { key: row.key, content: row.key },
          {
            key: row.startSprint,
            content:
              row.startSprint === row.endSprint
                ? name(row.startSprint)
                : `${name(row.startSprint)} – ${name(row.endSprint)}`,
          },
          { key: row.load, content: row.load },
          { key: row.notes, content: row.notes },
        ],
      };
    },
    [sprints],
  );
  return (
    <div style={stack} data-testid="plan-schedule-table">
      <p style={subtle}>The timeline as a table: each team’s part of each initiative.</p>
      <PagedTable
        label="Sprint timeline as a table: each team’s part of each initiative"
        head={scheduleHead}
        items={rows}
        sortValues={scheduleSortValues}
        toRow={toRow}
        rowsPerPage={ROWS_PER_PAGE}
        testId="plan-schedule-paged"
        emptyView={
          <EmptyState
            testId="plan-schedule-empty"
            headingLevel="h4"
            header="Nothing is scheduled yet"
            description="The scheduler places an initiative once each of its teams has estimated its part: enter the estimates in the grid below."
          />
        }
      />
    </div>
  );
}

/** The TPM's pins, 50 a page in key order (as they are stored), and the form that pins one more. */
function Pins({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const sprints = plan.plan.calendar.sprints;
  const choices = useMemo(() => {
    const summaries = new Map(plan.initiatives.map((i) => [i.key, i.summary]));
    return plan.plan.initiatives
      .map((i) => ({ key: i.key, summary: summaries.get(i.key) ?? null }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }, [plan.plan.initiatives, plan.initiatives]);
  const { shown, setPage } = useTablePage(plan.plan.pins, LIST_PAGE);
  const [key, setKey] = useState('');
  const [sprint, setSprint] = useState('0');
  const people = state.overview?.program.people ?? [];
  const pin = (initiativeKey: string, startSprint: number | null) =>
    state.mutate(
      'plan/pins/set',
      { pins: [{ initiativeKey, startSprint }] },
      startSprint === null ? `Unpinned ${initiativeKey}.` : `Pinned ${initiativeKey}.`,
    );
  return (
    <div style={stack} data-testid="plan-pins">
      <strong>Pins</strong>
      {plan.plan.pins.length === 0 ? (
        <p style={subtle} data-testid="plan-pins-empty">
          No initiative is pinned; the scheduler places them all.
          {plan.canEdit &&
            choices.length > 0 &&
            ' To hold one to a sprint, choose it and its start sprint below and pin it.'}
        </p>
      ) : (
        <>
          {shown.pages > 1 && (
            <p style={subtle} data-testid="plan-pins-range">
              {shown.range}, by key
            </p>
          )}
          <ul
            style={{ margin: 0, paddingLeft: '20px' }}
            aria-label={shown.pages > 1 ? `Pins, ${shown.range}` : 'Pins'}
          >
            {shown.items.map((p) => (
              <li
                key={p.initiativeKey}
                data-testid={`plan-pin-${p.initiativeKey}`}
                style={{ marginBottom: '4px' }}
              >
                <span style={row}>
                  {p.initiativeKey} starts in {sprints[p.startSprint]?.name ?? `sprint ${p.startSprint + 1}`}
                  <span style={subtle}>(by {personName(people, p.by)})</span>
                  {plan.canEdit && (
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      onClick={() => void pin(p.initiativeKey, null)}
                      testId={`plan-unpin-${p.initiativeKey}`}
                    >
                      Unpin
                    </Button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <TablePagination
            shown={shown}
            onSetPage={setPage}
            label="Pages of the pins"
            testId="plan-pins-pagination"
          />
        </>
      )}
      {plan.canEdit && choices.length > 0 && sprints.length > 0 && (
        <form
          style={{ ...row, alignItems: 'flex-end' }}
          onSubmit={(event) => {
            event.preventDefault();
            if (key) void pin(key, Number(sprint));
          }}
        >
          <div style={field}>
            <label htmlFor="plan-pin-initiative">Initiative to pin</label>
            <InitiativePicker
              inputId="plan-pin-initiative"
              choices={choices}
              value={key}
              onChange={setKey}
              testId="plan-pin-initiative"
            />
          </div>
          <label style={field}>
            <span>Start sprint</span>
            <select
              value={sprint}
              onChange={(e) => setSprint(e.currentTarget.value)}
              data-testid="plan-pin-sprint"
              style={nativeControl}
            >
              {sprints.map((s) => (
                <option key={s.index} value={String(s.index)}>
                  {s.name} ({s.start})
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" isDisabled={!key} testId="plan-pin-submit">
            Pin
          </Button>
        </form>
      )}
    </div>
  );
}

/**
 * What the scheduler could not place, 50 a page: grouped by reason (no estimate first, by key within a reason),
 * each run of a page under its reason, and a filter to one reason.
 */
function Unplaced({
  unplaced,
  counts,
  summaries,
}: {
  unplaced: readonly UnplacedInitiative[];
  counts: readonly ReasonCount[];
  summaries: ReadonlyMap<string, string | null>;
}) {
  const [chosenFilter, setFilter] = useState<ReasonFilter>('all');
  const filter = filterInForce(chosenFilter, counts);
  const sorted = useMemo(() => sortUnplaced(unplaced), [unplaced]);
  const filtered = useMemo(() => filterByReason(sorted, filter), [sorted, filter]);
  const { shown, setPage } = useTablePage(filtered, LIST_PAGE);
  const countOf = new Map(counts.map((c) => [c.reason, c.count]));
  if (unplaced.length === 0) return <p style={subtle}>Every initiative of the quarter fits.</p>;
  return (
    <>
      {(counts.length > 1 || shown.pages > 1) && (
        <label style={{ ...field, alignSelf: 'flex-start' }}>
          <span>Show</span>
          <select
            value={filter}
            onChange={(e) => {
              setFilter(e.currentTarget.value as ReasonFilter);
              setPage(1);
            }}
            data-testid="plan-unplaced-reason"
            style={nativeControl}
          >
            <option value="all">Every reason ({unplaced.length})</option>
            {counts.map(({ reason, count }) => (
              <option key={reason} value={reason}>
                {unplacedTitle(reason)} ({count})
              </option>
            ))}
          </select>
        </label>
      )}
      <p style={subtle} data-testid="plan-unplaced-range">
        {shown.range}
        {filter === 'all' && counts.length > 1
          ? ', by reason (those without an estimate first), then by key'
          : ', by key'}
      </p>
      <div style={stack} data-testid="plan-unplaced">
        {runsByReason(shown.items).map((run) => {
          const id = `plan-unplaced-run-${run.reason}`;
          return (
            <div key={run.reason}>
              <p id={id} style={{ ...subtle, fontWeight: 600 }}>
                {unplacedTitle(run.reason)} ({countOf.get(run.reason) ?? run.entries.length})
              </p>
              <ul style={{ margin: 0, paddingLeft: '20px' }} aria-labelledby={id}>
                {run.entries.map((u) => (
                  <li key={u.key} data-testid={`plan-unplaced-${u.key}`} data-reason={u.reason}>
                    <span style={row}>
                      <strong>{u.key}</strong>
                      {summaries.get(u.key) && <span>{summaries.get(u.key)}</span>}
                    </span>
                    <span style={subtle}>{u.detail}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      <TablePagination
        shown={shown}
        onSetPage={setPage}
        label="Pages of the initiatives not placed"
        testId="plan-unplaced-pagination"
      />
    </>
  );
}

/** The schedule: the timeline (or its table), what did not fit and why, and the TPM's pins. */
export function ScheduleSection({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [asTable, setAsTable] = useState(false);
  const view = useMemo(() => timelineView(timelineInputOf(plan)), [plan]);
  const over = view.cells.filter((c) => c.over).length;
  const summaries = useMemo(
    () => new Map(plan.initiatives.map((i) => [i.key, i.summary])),
    [plan.initiatives],
  );
  const counts = useMemo(() => countByReason(plan.schedule.unplaced), [plan.schedule.unplaced]);
  const warnings = plan.schedule.warnings;
  return (
    <PlanSection
      title="Sprint timeline"
      testId="plan-schedule"
      actions={
        <Button
          appearance="subtle"
          onClick={() => setAsTable(!asTable)}
          aria-pressed={asTable}
          testId="plan-timeline-as-table"
        >
          {asTable ? 'Show the timeline' : 'Show as a table'}
        </Button>
      }
    >
      <p style={subtle} data-testid="plan-schedule-summary">
        {plan.schedule.initiatives.length} placed · {plan.schedule.unplaced.length} not placed
        {counts.length > 0 && ` (${reasonCountsText(counts)})`} ·{' '}
        <span style={view.late.length ? danger : undefined}>
          {view.late.length} late {view.late.length === 1 ? 'dependency' : 'dependencies'}
        </span>{' '}
        ·{' '}
        <span style={over ? danger : undefined}>
          {over} over-capacity team-{over === 1 ? 'sprint' : 'sprints'}
        </span>
        {plan.baselineComparison &&
          ` · compared with the baseline of ${plan.baselineComparison.baseline.frozenAt.slice(0, 10)}`}
      </p>
      {asTable ? <ScheduleTable plan={plan} /> : <Timeline plan={plan} />}
      {warnings.length > 0 && (
        <ul style={{ ...subtle, paddingLeft: '20px' }} data-testid="plan-schedule-warnings">
          {warnings.map((w) => (
            <li key={`${w.kind}:${w.message}`}>{w.message}</li>
          ))}
        </ul>
      )}
      <div style={stack}>
        <strong>Not placed this quarter</strong>
        <Unplaced unplaced={plan.schedule.unplaced} counts={counts} summaries={summaries} />
      </div>
      <Pins plan={plan} state={state} />
    </PlanSection>
  );
}
