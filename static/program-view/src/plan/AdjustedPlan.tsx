import { useCallback, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type {
  AdjustedInitiative,
  AdjustedPlan as AdjustedPlanData,
  AdjustedPlanView,
  Person,
  ProgramSummary,
} from '../../../../src/contract';
import { call, ResolverCallError } from '../api';
import { EmptyState } from '../components/EmptyState';
import { IssueLink } from '../dependencies/DependencyTables';
import { PagedTable } from '../tables/PagedTable';
import {
  acceptConfirmation,
  adjustedSortValues,
  adjustedSummary,
  barGeometry,
  daysText,
  milestoneText,
  outlookLozenge,
  shortDate,
  teamNameOf,
  varianceLozenge,
  visibleRows,
  windowText,
  workLozenge,
} from './AdjustedPlan-model';
import { PlanSection, cell, headCell, personName, row, stack, subtle, table, when } from './plan-ui';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverCallError }
  | { state: 'ready'; view: AdjustedPlanView };

const asCallError = (error: unknown) =>
  error instanceof ResolverCallError
    ? error
    : new ResolverCallError(
        'plan/adjusted',
        [{ errorType: 'INTERNAL', message: 'The page failed unexpectedly.' }],
        {
          cause: error,
        },
      );

const caption = {
  ...subtle,
  textAlign: 'left',
  paddingBottom: '4px',
  fontSize: '12px',
  fontWeight: 400,
} as const;

const track = {
  position: 'relative',
  height: '22px',
  minWidth: '160px',
  background: token('color.background.neutral.subtle'),
  borderLeft: `1px solid ${token('color.border')}`,
  borderRight: `1px solid ${token('color.border')}`,
} as const;

/** Baseline (outlined, above) and adjusted (filled, below) windows on one track as wide as the quarter. */
function Bars({ initiative, plan }: { initiative: AdjustedInitiative; plan: AdjustedPlanData }) {
  const count = plan.sprints.length;
  const before = barGeometry(initiative.baseline, count);
  const now = barGeometry(initiative.adjusted, count);
  const fill =
    initiative.change === 'later'
      ? token('color.background.warning.bold')
      : initiative.change === 'earlier'
        ? token('color.background.success.bold')
        : initiative.work === 'done'
          ? token('color.background.neutral.bold')
          : token('color.background.information.bold');
  const today = (Math.min(plan.currentSprint, count) / Math.max(1, count)) * 100;
  return (
    <div style={track} aria-hidden="true">
      {before && (
        <div
          data-testid={`adjusted-bar-baseline-${initiative.key}`}
          style={{
            position: 'absolute',
            top: '2px',
            height: '7px',
            left: `${before.left}%`,
            width: `${before.width}%`,
            border: `1px dashed ${token('color.border.bold')}`,
            boxSizing: 'border-box',
          }}
        />
      )}
      {now && (
        <div
          data-testid={`adjusted-bar-${initiative.key}`}
          style={{
            position: 'absolute',
            bottom: '2px',
            height: '8px',
            left: `${now.left}%`,
            width: `${now.width}%`,
            background: fill,
            borderRadius: '2px',
          }}
        />
      )}
      <div
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          left: `${today}%`,
          borderLeft: `2px solid ${token('color.border.accent.red')}`,
        }}
      />
    </div>
  );
}

const ROWS_PER_PAGE = 50;

const initiativeHead: HeadType = {
  cells: [
    { key: 'initiative', content: 'Initiative', isSortable: true, width: 15 },
    { key: 'work', content: 'Work', isSortable: true, width: 10 },
    { key: 'baseline', content: 'Baseline', isSortable: true, width: 12 },
    { key: 'adjusted', content: 'Adjusted', isSortable: true, width: 12 },
    { key: 'timeline', content: 'Timeline', width: 14 },
    { key: 'variance', content: 'Variance', isSortable: true, width: 10 },
    { key: 'why', content: 'Why', width: 27 },
  ],
};

function initiativeRow(i: AdjustedInitiative, view: AdjustedPlanView, plan: AdjustedPlanData): RowType {
  const variance = varianceLozenge(i);
  const work = workLozenge(i.work);
  // The browser tests and the stylesheet read how a row moved off the row itself.
  const change: Record<string, string> = { 'data-change': i.change ?? 'none' };
  return {
    key: i.key,
    testId: `adjusted-row-${i.key}`,
    // Cells of several lines read from their top, as in the milestones table below.
    style: { verticalAlign: 'top' },
    ...change,
    cells: [
      {
        key: i.key,
        content: (
          <>
            <IssueLink issueKey={i.key} siteUrl={undefined} />
            <div style={subtle}>{i.summary ?? 'Not visible to you'}</div>
            <div style={subtle}>{teamNameOf(view.teams, i.teamId)}</div>
          </>
        ),
      },
      {
        key: i.work,
        content: (
          <>
            <Lozenge appearance={work.appearance}>{work.text}</Lozenge>
            {i.remaining && (
              <div style={subtle}>
                {i.remaining.open} of {i.remaining.total}{' '}
                {i.remaining.unit === 'points' ? 'points' : 'issues'} open
              </div>
            )}
          </>
        ),
      },
      { content: windowText(i.baseline, plan.sprints) },
      { content: windowText(i.adjusted, plan.sprints) },
      { content: <Bars initiative={i} plan={plan} /> },
      {
        content: (
          <>
            <Lozenge appearance={variance.appearance} testId={`adjusted-variance-${i.key}`}>
              {variance.text}
            </Lozenge>
            {i.endDeltaDays !== null && i.endDeltaDays !== 0 && (
              <div style={subtle}>ends {daysText(i.endDeltaDays)}</div>
            )}
          </>
        ),
      },
      {
        content:
          i.reasons.length > 0 ? (
            <ul style={{ margin: 0, paddingLeft: '16px' }} data-testid={`adjusted-reasons-${i.key}`}>
              {i.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <span style={subtle}>—</span>
          ),
      },
    ],
  };
}

function InitiativeTable({
  view,
  plan,
  onlyMoved,
  onShowAll,
}: {
  view: AdjustedPlanView;
  plan: AdjustedPlanData;
  onlyMoved: boolean;
  onShowAll: () => void;
}) {
  const rows = useMemo(() => visibleRows(plan, onlyMoved), [plan, onlyMoved]);
  const toRow = useCallback((i: AdjustedInitiative) => initiativeRow(i, view, plan), [view, plan]);
  if (rows.length === 0)
    return onlyMoved ? (
      <EmptyState
        testId="adjusted-none-moved"
        headingLevel="h4"
        header="Nothing moved against the baseline"
        description="Every initiative is where the baseline put it."
        action={
          <Button onClick={onShowAll} testId="adjusted-show-all">
            Show every initiative
          </Button>
        }
      />
    ) : (
      <EmptyState
        testId="adjusted-empty"
        headingLevel="h4"
        header="No initiatives in the plan in force"
        description={`Choose the initiatives of ${plan.quarter} in its plan below; they show here once the plan places them.`}
      />
    );
  return (
    <div style={stack} data-testid="adjusted-table">
      <p style={caption}>
        Baseline and adjusted windows per initiative. In the bars, the dashed outline is the baseline, the
        filled bar the adjusted plan and the red line today’s sprint.
      </p>
      <PagedTable
        label="Baseline and adjusted windows per initiative"
        head={initiativeHead}
        items={rows}
        sortValues={adjustedSortValues}
        toRow={toRow}
        rowsPerPage={ROWS_PER_PAGE}
        testId="adjusted-initiatives"
      />
    </div>
  );
}

function Milestones({ plan }: { plan: AdjustedPlanData }) {
  if (plan.milestones.length === 0) return null;
  return (
    <table style={table} data-testid="adjusted-milestones">
      <caption style={caption}>
        Milestones with initiatives this quarter: forecast from the latest adjusted end among them.
      </caption>
      <thead>
        <tr>
          <th style={headCell} scope="col">
            Milestone
          </th>
          <th style={headCell} scope="col">
            Target
          </th>
          <th style={headCell} scope="col">
            Baseline forecast
          </th>
          <th style={headCell} scope="col">
            Forecast
          </th>
          <th style={headCell} scope="col">
            Outlook
          </th>
        </tr>
      </thead>
      <tbody>
        {plan.milestones.map((m) => {
          const outlook = outlookLozenge(m);
          return (
            <tr key={m.id} data-testid={`adjusted-milestone-${m.id}`} data-outlook={m.outlook}>
              <th style={{ ...cell, fontWeight: 400 }} scope="row">
                {m.name}
                <div style={subtle}>
                  {m.initiativeKeys.join(', ')}
                  {m.outsideQuarter.length > 0
                    ? ` (also ${m.outsideQuarter.join(', ')}, outside this quarter)`
                    : ''}
                </div>
              </th>
              <td style={cell}>{shortDate(m.targetDate)}</td>
              <td style={cell}>{m.baselineForecast ? shortDate(m.baselineForecast) : '—'}</td>
              <td style={cell}>{m.forecast ? shortDate(m.forecast) : '—'}</td>
              <td style={cell}>
                <Lozenge appearance={outlook.appearance}>{outlook.text}</Lozenge>
                <div style={subtle}>{milestoneText(m)}</div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function BaselineHistory({ view, people }: { view: AdjustedPlanView; people: readonly Person[] }) {
  const latest = view.baselines.at(-1)?.id;
  return (
    <div style={stack} data-testid="adjusted-history">
      <strong>Baseline history</strong>
      {view.baselines.length === 0 ? (
        <p style={subtle}>No baseline yet.</p>
      ) : (
        <ol style={{ margin: 0, paddingLeft: '20px' }}>
          {view.baselines.map((b) => (
            <li key={b.id} data-testid="adjusted-history-entry" style={{ marginBottom: '4px' }}>
              <span style={row}>
                <span>{b.note || 'Baseline'}</span>
                <span style={subtle}>
                  frozen by {personName(people, b.frozenBy)} on {when(b.frozenAt)} (plan version{' '}
                  {b.planVersion})
                </span>
                {b.id === latest && <Lozenge appearance="inprogress">Plan of record</Lozenge>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AcceptDialog({
  view,
  plan,
  onAccepted,
}: {
  view: AdjustedPlanView;
  plan: AdjustedPlanData;
  onAccepted: (next: AdjustedPlanView) => void;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverCallError | undefined>();
  const accept = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await call('plan/adjusted/accept', {
        programId: view.program.id,
        quarter: plan.quarter,
        expectedVersion: plan.planVersion,
        fingerprint: plan.fingerprint,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setOpen(false);
      setNote('');
      onAccepted(next);
    } catch (failure) {
      setError(asCallError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button appearance="primary" onClick={() => setOpen(true)} testId="adjusted-accept">
        Accept as plan of record
      </Button>
      <ModalTransition>
        {open && (
          <Modal onClose={() => setOpen(false)} testId="adjusted-accept-dialog">
            <ModalHeader>
              <ModalTitle>Accept the adjusted plan of {plan.quarter}?</ModalTitle>
            </ModalHeader>
            <ModalBody>
              <p>
                The adjusted windows become a new baseline, the plan of record that later changes are read
                against. The earlier baselines are kept.
              </p>
              <p data-testid="adjusted-accept-summary">{acceptConfirmation(plan)}</p>
              {error && (
                <SectionMessage
                  appearance={error.errorType === 'CONFLICT' ? 'warning' : 'error'}
                  title={error.errorType === 'CONFLICT' ? 'The plan moved on' : 'Not accepted'}
                  testId="adjusted-accept-error"
                >
                  <p>{error.message}</p>
                  {error.errorType === 'CONFLICT' && (
                    <p>Close this, refresh the adjusted plan and review it again.</p>
                  )}
                </SectionMessage>
              )}
              <label style={{ display: 'flex', flexDirection: 'column', gap: '4px' }}>
                Note (optional)
                <TextArea
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  testId="adjusted-accept-note"
                />
              </label>
            </ModalBody>
            <ModalFooter>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button
                appearance="primary"
                isDisabled={busy}
                onClick={() => void accept()}
                testId="adjusted-accept-confirm"
              >
                Accept as plan of record
              </Button>
            </ModalFooter>
          </Modal>
        )}
      </ModalTransition>
    </>
  );
}

/**
 * The adjusted plan of the quarter plan in force: re-scheduled on today's state and read against its baseline,
 * with the variance of every initiative and milestone, the reasons, the baseline history, and for owners the
 * choice to accept it as the new plan of record.
 */
export function AdjustedPlan({
  program,
  people,
  onAccepted,
}: {
  program: ProgramSummary;
  people: readonly Person[];
  onAccepted: () => void;
}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [onlyMoved, setOnlyMoved] = useState(true);
  const [saved, setSaved] = useState<string | undefined>();
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    call('plan/adjusted', { programId: program.id }).then(
      (view) => current && setLoad({ state: 'ready', view }),
      (error: unknown) => current && setLoad({ state: 'failed', error: asCallError(error) }),
    );
    return () => {
      current = false;
    };
  }, [program.id, attempt]);

  if (load.state === 'loading')
    return (
      <div style={row} role="status" data-testid="adjusted-loading">
        <Spinner size="small" label="Adjusting the plan in force to today" />
        <span style={subtle}>Adjusting the plan in force to today…</span>
      </div>
    );
  if (load.state === 'failed')
    return (
      <SectionMessage
        appearance="error"
        title="The adjusted plan could not be worked out"
        testId="adjusted-error"
        actions={[
          <SectionMessageAction key="retry" onClick={refresh} testId="adjusted-error-retry">
            Retry
          </SectionMessageAction>,
        ]}
      >
        <p>{load.error.message}</p>
      </SectionMessage>
    );

  const { view } = load;
  const plan = view.adjusted;
  // No plan in force: planning is all there is, and the rest of the tab shows it.
  if (!plan) return null;
  const summary = adjustedSummary(plan);
  const today = plan.sprints[Math.min(plan.currentSprint, plan.sprints.length - 1)];
  const baseline = plan.baseline;
  return (
    <PlanSection
      title={`Adjusted plan — ${plan.quarter}`}
      testId="adjusted-plan"
      actions={
        <>
          <Button appearance="subtle" onClick={refresh} testId="adjusted-refresh">
            Refresh
          </Button>
          {view.canAccept && (
            <AcceptDialog
              view={view}
              plan={plan}
              onAccepted={(next) => {
                setLoad({ state: 'ready', view: next });
                setSaved('The adjusted plan is the new plan of record.');
                onAccepted();
              }}
            />
          )}
        </>
      }
    >
      <div role="status" aria-live="polite" style={{ position: 'absolute', left: '-9999px' }}>
        {saved}
      </div>
      <p style={subtle} data-testid="adjusted-intro">
        The plan in force re-scheduled on today’s state
        {today ? ` (${today.name} of ${plan.sprints.length}, ${shortDate(plan.today)})` : ''}: done work stays
        where it happened, work under way needs only what is left, the rest starts no earlier than today’s
        sprint.{' '}
        {baseline
          ? `Read against the baseline frozen by ${personName(people, baseline.frozenBy)} on ${when(baseline.frozenAt)}${
              baseline.note ? ` (“${baseline.note}”)` : ''
            }.`
          : 'There is no baseline yet to read it against.'}
      </p>
      <div style={row} data-testid="adjusted-summary">
        <Lozenge appearance="moved">{summary.later} later</Lozenge>
        <Lozenge appearance="success">{summary.earlier} earlier</Lozenge>
        <Lozenge appearance="removed">{summary.cannotFinish} cannot finish in the quarter</Lozenge>
        <span style={subtle}>of {plan.initiatives.length} initiatives</span>
      </div>
      {plan.notes.length > 0 && (
        <ul style={{ ...subtle, margin: 0, paddingLeft: '20px' }} data-testid="adjusted-notes">
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {view.warnings.length > 0 && (
        <ul style={{ ...subtle, margin: 0, paddingLeft: '20px' }} data-testid="adjusted-warnings">
          {view.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <label style={{ ...row, fontSize: '14px' }}>
        <input
          type="checkbox"
          checked={onlyMoved}
          onChange={(e) => setOnlyMoved(e.currentTarget.checked)}
          data-testid="adjusted-only-moved"
        />
        Only initiatives that moved ({summary.moved.length})
      </label>
      <InitiativeTable view={view} plan={plan} onlyMoved={onlyMoved} onShowAll={() => setOnlyMoved(false)} />
      {plan.cannotFinish.length > 0 && (
        <div style={stack} data-testid="adjusted-cannot-finish">
          <strong>Can no longer finish in the quarter</strong>
          <ul style={{ margin: 0, paddingLeft: '20px' }}>
            {plan.cannotFinish.map((c) => (
              <li key={c.key}>
                {c.detail}
                {c.placedInBaseline ? ' The baseline had it done in the quarter.' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Milestones plan={plan} />
      <BaselineHistory view={view} people={people} />
    </PlanSection>
  );
}
