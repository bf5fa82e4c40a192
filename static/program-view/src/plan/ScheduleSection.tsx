import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { QuarterPlanView } from '../../../../src/contract';
import {
  DANGER_TEXT,
  compareKeys,
  timelineInputOf,
  timelineView,
  unplacedTitle,
  varianceText,
} from './plan-model';
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
import { Timeline } from './Timeline';
import type { PlanState } from './use-plan';

const danger = { color: token(DANGER_TEXT.token) } as const;

function ScheduleTable({ plan }: { plan: QuarterPlanView }) {
  const view = useMemo(() => timelineView(timelineInputOf(plan)), [plan]);
  const sprints = plan.plan.calendar.sprints;
  const variance = new Map((plan.baselineComparison?.variances ?? []).map((v) => [v.key, v]));
  const name = (i: number) => sprints[i]?.name ?? `Sprint ${i + 1}`;
  return (
    <table style={table} data-testid="plan-schedule-table">
      <caption style={{ ...subtle, textAlign: 'left', paddingBottom: '4px' }}>
        The timeline as a table: each team’s part of each initiative.
      </caption>
      <thead>
        <tr>
          <th style={headCell} scope="col">
            Team
          </th>
          <th style={headCell} scope="col">
            Initiative
          </th>
          <th style={headCell} scope="col">
            Sprints
          </th>
          <th style={headCell} scope="col">
            Load
          </th>
          <th style={headCell} scope="col">
            Notes
          </th>
        </tr>
      </thead>
      <tbody>
        {view.bars.map((bar) => {
          const v = variance.get(bar.key);
          const lane = view.lanes.find((l) => l.team === bar.team);
          return (
            <tr key={bar.id} data-testid={`plan-schedule-row-${bar.id}`}>
              <td style={cell}>{lane?.label ?? bar.team}</td>
              <td style={cell}>{bar.key}</td>
              <td style={cell}>
                {bar.startSprint === bar.endSprint
                  ? name(bar.startSprint)
                  : `${name(bar.startSprint)} – ${name(bar.endSprint)}`}
              </td>
              <td style={cell}>{bar.load}</td>
              <td style={cell}>
                {[
                  bar.pinned ? 'pinned' : null,
                  bar.onCriticalPath ? 'critical path' : null,
                  bar.late ? 'starts before a dependency ends' : null,
                  v ? varianceText(v) : null,
                ]
                  .filter(Boolean)
                  .join('; ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Pins({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const sprints = plan.plan.calendar.sprints;
  const keys = plan.plan.initiatives.map((i) => i.key).sort(compareKeys);
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
        <p style={subtle}>No initiative is pinned; the scheduler places them all.</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '20px' }}>
          {plan.plan.pins.map((p) => (
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
      )}
      {plan.canEdit && keys.length > 0 && sprints.length > 0 && (
        <form
          style={{ ...row, alignItems: 'flex-end' }}
          onSubmit={(event) => {
            event.preventDefault();
            if (key) void pin(key, Number(sprint));
          }}
        >
          <label style={field}>
            <span>Initiative to pin</span>
            <select
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              data-testid="plan-pin-initiative"
              style={nativeControl}
            >
              <option value="">Choose…</option>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
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

/** The schedule: the timeline (or its table), what did not fit and why, and the TPM's pins. */
export function ScheduleSection({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [asTable, setAsTable] = useState(false);
  const view = useMemo(() => timelineView(timelineInputOf(plan)), [plan]);
  const over = view.cells.filter((c) => c.over).length;
  const summaries = new Map(plan.initiatives.map((i) => [i.key, i.summary]));
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
        {plan.schedule.initiatives.length} placed · {plan.schedule.unplaced.length} not placed ·{' '}
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
        {plan.schedule.unplaced.length === 0 ? (
          <p style={subtle}>Every initiative of the quarter fits.</p>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '20px' }} data-testid="plan-unplaced">
            {plan.schedule.unplaced.map((u) => (
              <li key={u.key} data-testid={`plan-unplaced-${u.key}`} data-reason={u.reason}>
                <span style={row}>
                  <strong>{u.key}</strong>
                  {summaries.get(u.key) && <span>{summaries.get(u.key)}</span>}
                  <Lozenge appearance={u.reason === 'no-estimate' ? 'moved' : 'removed'}>
                    {unplacedTitle(u.reason)}
                  </Lozenge>
                </span>
                <span style={subtle}>{u.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Pins plan={plan} state={state} />
    </PlanSection>
  );
}
