import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { QuarterPlanView } from '../../../../src/contract';
import { EmptyState } from '../components/EmptyState';
import { TablePagination, useTablePage } from '../tables/TablePagination';
import { pagedLabel } from '../tables/paging-model';
import {
  NO_DRAFTS,
  afterSave,
  cellKey,
  discardDraft,
  draftedCell,
  editDraft,
  estimatesToSave,
  pageOfRow,
  pendingText,
  textOf,
  type DraftProblem,
  type EstimateDrafts,
  type EstimateField,
  type EstimateText,
} from './EstimatesGrid-model';
import {
  draftStore,
  draftsStorageKey,
  earlierAfter,
  earlierFrom,
  earlierPending,
  earlierText,
  parseStoredDrafts,
  reconcileDrafts,
  serialiseDrafts,
  withoutDrafts,
  type EarlierDrafts,
} from './estimate-drafts-model';
import { DANGER_TEXT, estimateGrid, type EstimateCell, type EstimateGrid } from './plan-model';
import { PlanSection, cell, field, headCell, row, subtle, table } from './plan-ui';
import type { PlanState } from './use-plan';

const ROWS_PER_PAGE = 50;

/** The grid's unsaved edits, held above the grid so a reload of the plan (after a conflict) does not lose them. */
export interface EstimateDraftsState {
  value: EstimateDrafts;
  update: (change: (drafts: EstimateDrafts) => EstimateDrafts) => void;
  /** Drafts read back from an earlier visit (program left, another quarter, a reload), until saved or dismissed. */
  earlier: EarlierDrafts | undefined;
  dismissEarlier: () => void;
}

// One store for the page: drafts must outlive the Plan tab, which unmounts when the program is left.
const storedDrafts = draftStore(
  () => window.sessionStorage,
  (error) =>
    console.warn('Unsaved estimates cannot be kept in this tab’s storage; they last until a reload.', error),
);

// The acting user, asked once for the page: their drafts are kept apart from another user's in the same tab.
let knownAccountId: string | undefined;
let accountIdAsked: Promise<string> | undefined;
function askAccountId(): Promise<string> {
  accountIdAsked ??= view.getContext().then(
    (context) => (knownAccountId = context.accountId ?? ''),
    (error: unknown) => {
      console.warn('Could not read the Forge context; unsaved estimates are kept for this tab only.', error);
      return (knownAccountId = '');
    },
  );
  return accountIdAsked;
}

function useAccountId(): string | undefined {
  const [accountId, setAccountId] = useState(knownAccountId);
  useEffect(() => {
    if (accountId !== undefined) return undefined;
    let current = true;
    void askAccountId().then((id) => current && setAccountId(id));
    return () => {
      current = false;
    };
  }, [accountId]);
  return accountId;
}

interface HeldDrafts {
  /** Program and quarter the drafts are of; undefined before a quarter is chosen. */
  place: string | undefined;
  /** Where they are stored; undefined until the user is known too. */
  key: string | undefined;
  drafts: EstimateDrafts;
  /** Drafts read back from storage, held aside until the quarter's plan is loaded to check them against. */
  unchecked: EstimateDrafts | undefined;
  earlier: EarlierDrafts | undefined;
}

/** The drafts of a place just opened: what storage holds (to check), and any typed before the user was known. */
function openPlace(place: string | undefined, key: string | undefined, before: HeldDrafts | undefined) {
  const typed = before && before.place === place && before.key === undefined ? before.drafts : NO_DRAFTS;
  const stored = key ? parseStoredDrafts(storedDrafts.read(key)) : undefined;
  if (stored && stored.malformed > 0)
    console.warn(`Dropped ${stored.malformed} malformed unsaved estimate(s) found in this tab’s storage.`);
  const held: HeldDrafts = {
    place,
    key,
    drafts: typed,
    unchecked: stored && stored.drafts.size > 0 ? stored.drafts : undefined,
    earlier: undefined,
  };
  return held;
}

/** Stored drafts checked against the loaded plan; what was typed meanwhile wins over them. */
function checkAgainst(held: HeldDrafts, plan: QuarterPlanView): HeldDrafts {
  const { kept, dropped } = reconcileDrafts(held.unchecked ?? NO_DRAFTS, estimateGrid(plan).rows);
  const fromEarlier = withoutDrafts(kept, held.drafts.keys());
  return {
    ...held,
    drafts: new Map([...fromEarlier, ...held.drafts]),
    unchecked: undefined,
    earlier: earlierFrom(fromEarlier, dropped),
  };
}

/**
 * Unsaved estimates of the program's quarter shown, kept per program, quarter and user in the tab's storage:
 * they are there again after the program was left, another quarter shown, or the page reloaded. `plan` is the
 * quarter's loaded plan, which drafts read back are checked against before they are shown.
 */
export function useEstimateDrafts(
  programId: string,
  quarter: string | undefined,
  plan: QuarterPlanView | undefined,
): EstimateDraftsState {
  const accountId = useAccountId();
  const place = quarter ? `${programId}|${quarter}` : undefined;
  const key =
    quarter && accountId !== undefined ? draftsStorageKey({ programId, quarter, accountId }) : undefined;
  const [held, setHeld] = useState<HeldDrafts>(() => openPlace(place, key, undefined));
  // Adjusted while rendering, so a quarter or tab opened never shows a frame without its drafts.
  let current = held;
  if (current.place !== place || current.key !== key) current = openPlace(place, key, current);
  if (current.unchecked && plan && plan.plan.programId === programId && plan.plan.quarter === quarter)
    current = checkAgainst(current, plan);
  if (current !== held) setHeld(current);

  useEffect(() => {
    // Drafts not checked yet stay stored as they are until the plan they belong to is loaded.
    if (held.key === undefined || held.unchecked) return;
    storedDrafts.write(held.key, serialiseDrafts(held.drafts));
  }, [held.key, held.drafts, held.unchecked]);

  const update = useCallback(
    (change: (drafts: EstimateDrafts) => EstimateDrafts) =>
      setHeld((now) => {
        // A save that ends after another quarter or program was opened leaves that one's drafts alone.
        if (now.place !== place) return now;
        const drafts = change(now.drafts);
        return drafts === now.drafts ? now : { ...now, drafts, earlier: earlierAfter(drafts, now.earlier) };
      }),
    [place],
  );
  const dismissEarlier = useCallback(() => setHeld((now) => ({ ...now, earlier: undefined })), []);
  return { value: current.drafts, update, earlier: current.earlier, dismissEarlier };
}

/** Drafts from an earlier visit, said above the grid until they are saved or discarded. */
function EarlierDraftsNotice({
  drafts,
  earlier,
  busy,
  onSave,
}: {
  drafts: EstimateDraftsState;
  earlier: EarlierDrafts;
  busy: boolean;
  onSave: () => void;
}) {
  const pending = earlierPending(drafts.value, earlier);
  const text = earlierText(pending, earlier.dropped);
  const all = drafts.value.size;
  const discard = () => {
    drafts.update((current) => withoutDrafts(current, earlier.keys));
    drafts.dismissEarlier();
  };
  return (
    <SectionMessage
      appearance={pending > 0 ? 'information' : 'warning'}
      title={text.summary}
      testId="plan-estimates-earlier"
    >
      {text.dropped && <p>{text.dropped}</p>}
      <span style={{ ...row, marginTop: token('space.100', '8px') }}>
        {pending > 0 ? (
          <>
            <Button
              appearance="primary"
              isDisabled={busy}
              onClick={onSave}
              testId="plan-estimates-earlier-save"
            >
              {all > pending ? `Save all ${all} estimates` : pending === 1 ? 'Save it' : 'Save them'}
            </Button>
            <Button isDisabled={busy} onClick={discard} testId="plan-estimates-earlier-discard">
              {pending === 1 ? 'Discard it' : 'Discard them'}
            </Button>
          </>
        ) : (
          <Button onClick={drafts.dismissEarlier} testId="plan-estimates-earlier-dismiss">
            Dismiss
          </Button>
        )}
      </span>
    </SectionMessage>
  );
}

function CellEditor({
  estimate,
  text,
  teamName,
  error,
  pending,
  busy,
  focus,
  onEdit,
  onSave,
  onCancel,
}: {
  estimate: EstimateCell;
  text: EstimateText;
  teamName: string;
  error: string | undefined;
  /** Unsaved edits in the whole grid, this one included: its Save sends them all. */
  pending: number;
  busy: boolean;
  /** Take the focus: the reader just opened this editor (not when a page change brings it back). */
  focus: boolean;
  onEdit: (field: EstimateField, value: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const id = `estimate-cell-${estimate.initiativeKey}-${estimate.teamId}`;
  return (
    <form
      aria-label={`Estimate of ${estimate.initiativeKey} by ${teamName}`}
      style={{ display: 'flex', flexDirection: 'column', gap: '4px', minWidth: '150px' }}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label style={field}>
        <span>Sprints (empty removes)</span>
        <Textfield
          autoFocus={focus}
          isCompact
          value={text.sprints}
          inputMode="decimal"
          onChange={(e) => onEdit('sprints', e.currentTarget.value)}
          testId={`${id}-sprints`}
        />
      </label>
      <label style={field}>
        <span>Story points (optional)</span>
        <Textfield
          isCompact
          value={text.points}
          inputMode="numeric"
          onChange={(e) => onEdit('points', e.currentTarget.value)}
          testId={`${id}-points`}
        />
      </label>
      <label style={field}>
        <span>Load per sprint</span>
        <Textfield
          isCompact
          value={text.load}
          inputMode="numeric"
          onChange={(e) => onEdit('load', e.currentTarget.value)}
          testId={`${id}-load`}
        />
      </label>
      {error && (
        <span role="alert" style={{ color: token(DANGER_TEXT.token), fontSize: '12px' }}>
          {error}
        </span>
      )}
      <span style={row}>
        <Button type="submit" appearance="primary" spacing="compact" isDisabled={busy} testId={`${id}-save`}>
          {pending > 1 ? `Save all ${pending}` : 'Save'}
        </Button>
        <Button spacing="compact" onClick={onCancel} testId={`${id}-cancel`}>
          Cancel
        </Button>
      </span>
    </form>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** The cell's value in words, first in the edit button's name so it matches what the button shows. */
function cellValueText(estimate: EstimateCell): string {
  if (estimate.state === 'missing') return 'missing';
  if (estimate.state === 'none' || estimate.sprints === null) return 'no estimate';
  return [
    `${estimate.sprints} sprint${estimate.sprints === 1 ? '' : 's'}`,
    ...(estimate.storyPoints !== null ? [`${estimate.storyPoints} pts`] : []),
    ...(estimate.load !== null && estimate.load !== 1 ? [`load ${estimate.load}`] : []),
  ].join(' · ');
}

function CellValue({ estimate }: { estimate: EstimateCell }) {
  if (estimate.state === 'missing') return <Lozenge appearance="removed">missing</Lozenge>;
  if (estimate.state === 'none' || estimate.sprints === null)
    return (
      <span style={subtle}>
        <span aria-hidden="true">—</span>
        <span style={visuallyHidden}>no estimate</span>
      </span>
    );
  return (
    <span>
      <strong>{estimate.sprints}</strong> sprint{estimate.sprints === 1 ? '' : 's'}
      {estimate.storyPoints !== null && <span style={subtle}> · {estimate.storyPoints} pts</span>}
      {estimate.load !== null && estimate.load !== 1 && <span style={subtle}> · load {estimate.load}</span>}
    </span>
  );
}

/** A cell with an unsaved edit shows what it would save, marked unsaved (or that it needs a fix). */
function DraftValue({ drafted }: { drafted: EstimateCell | undefined }) {
  return (
    <span style={row}>
      {drafted ? <CellValue estimate={drafted} /> : null}{' '}
      <Lozenge appearance={drafted ? 'inprogress' : 'removed'}>{drafted ? 'unsaved' : 'needs a fix'}</Lozenge>
    </span>
  );
}

function MissingSummary({ grid }: { grid: EstimateGrid }) {
  return (
    <p style={subtle} data-testid="plan-estimates-missing">
      {grid.missing === 0
        ? 'Every expected estimate is in.'
        : `${grid.missing} estimate${grid.missing === 1 ? '' : 's'} missing: ${[
            ...grid.missingByTeam.entries(),
          ]
            .map(([teamId, n]) => `${grid.teams.find((t) => t.id === teamId)?.name ?? teamId} ${n}`)
            .join(', ')}.`}{' '}
      Sprints each team needs for its part; team leads edit their team’s column, the program’s owners every
      column.
    </p>
  );
}

/**
 * Initiatives × teams: estimates in sprints, editable in place by owners and each team's lead, 50 initiatives a
 * page. What is typed stays until it is saved or cancelled, whichever page is shown, and one save sends the
 * edits of every page.
 */
export function EstimatesGrid({
  plan,
  state,
  drafts,
}: {
  plan: QuarterPlanView;
  state: PlanState;
  drafts: EstimateDraftsState;
}) {
  const grid = useMemo(() => estimateGrid(plan), [plan]);
  const { shown, setPage } = useTablePage(grid.rows, ROWS_PER_PAGE);
  const [editing, setEditing] = useState<{ key: string; focus: boolean } | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: DraftProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  // After an editor closes, the focus goes back to its cell's button rather than to the page's start.
  const returnFocusTo = useRef<string | null>(null);
  const focusBack = (key: string) => (button: HTMLButtonElement | null) => {
    if (button && returnFocusTo.current === key) {
      returnFocusTo.current = null;
      button.focus();
    }
  };
  const teamNames = useMemo(() => new Map(grid.teams.map((t) => [t.id, t.name])), [grid.teams]);
  const teamName = (teamId: string) => teamNames.get(teamId) ?? teamId;
  const problems = useMemo(
    () => new Map((refusal?.problems ?? []).map((p) => [cellKey(p), p.error])),
    [refusal],
  );
  const pending = drafts.value.size;
  useEffect(() => {
    if (pending === 0) setRefusal(null);
  }, [pending]);

  /** Closes the cell's editor if it is still the one open (a save may end after another was opened). */
  const close = (key: string) =>
    setEditing((current) => {
      if (current?.key !== key) return current;
      returnFocusTo.current = key;
      return null;
    });
  const edit = (estimate: EstimateCell, fieldName: EstimateField, value: string) => {
    drafts.update((current) => editDraft(current, estimate, fieldName, value));
    const key = cellKey(estimate);
    setRefusal((current) => {
      if (!current?.problems.some((p) => cellKey(p) === key)) return current;
      const rest = current.problems.filter((p) => cellKey(p) !== key);
      return rest.length > 0 ? { ...current, problems: rest } : null;
    });
  };
  const save = async () => {
    const sent = drafts.value;
    const openAtSave = editing?.key;
    if (sent.size === 0) {
      if (openAtSave) close(openAtSave);
      return;
    }
    const check = estimatesToSave(sent, grid.rows);
    if (!check.ok) {
      setRefusal(check);
      return;
    }
    setRefusal(null);
    setBusy(true);
    const [only] = check.estimates;
    const done = await state.mutate(
      'plan/estimates/set',
      { estimates: check.estimates },
      check.estimates.length === 1 && only
        ? `Estimate of ${only.initiativeKey} for ${teamName(only.teamId)} saved.`
        : `${check.estimates.length} estimates saved.`,
    );
    setBusy(false);
    if (!done) return;
    drafts.update((current) => afterSave(current, sent));
    if (openAtSave) close(openAtSave);
  };
  const show = (problem: DraftProblem) => {
    const page = pageOfRow(grid.rows, problem.initiativeKey, ROWS_PER_PAGE);
    if (page === undefined) return;
    setPage(page);
    setEditing({ key: cellKey(problem), focus: true });
  };

  return (
    <PlanSection title="Estimates" testId="plan-estimates">
      {drafts.earlier && (
        <EarlierDraftsNotice
          drafts={drafts}
          earlier={drafts.earlier}
          busy={busy}
          onSave={() => void save()}
        />
      )}
      <MissingSummary grid={grid} />
      {(pending > 0 || busy) && (
        <div style={row} data-testid="plan-estimates-pending">
          <span role="status">
            {busy ? 'Saving the estimates…' : pendingText(drafts.value, grid.rows, ROWS_PER_PAGE)}
          </span>
          <Button
            appearance="primary"
            isDisabled={busy}
            onClick={() => void save()}
            testId="plan-estimates-save"
          >
            {pending === 1 ? 'Save the estimate' : `Save all ${pending} estimates`}
          </Button>
          <Button
            appearance="subtle"
            isDisabled={busy}
            onClick={() => {
              drafts.update(() => NO_DRAFTS);
              setEditing(null);
            }}
            testId="plan-estimates-discard"
          >
            Discard {pending === 1 ? 'it' : 'them'}
          </Button>
        </div>
      )}
      {refusal && (
        <SectionMessage appearance="error" title={refusal.message} testId="plan-estimates-refused">
          {refusal.problems.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: '20px' }}>
              {refusal.problems.map((problem) => {
                const page = pageOfRow(grid.rows, problem.initiativeKey, ROWS_PER_PAGE);
                return (
                  <li key={cellKey(problem)}>
                    <span style={row}>
                      <span>
                        {problem.initiativeKey} by {teamName(problem.teamId)}
                        {page !== undefined && shown.pages > 1 ? ` (page ${page})` : ''}: {problem.error}
                      </span>
                      {page !== undefined && (
                        <Button
                          appearance="subtle"
                          spacing="compact"
                          onClick={() => show(problem)}
                          aria-label={`Fix the estimate of ${problem.initiativeKey} by ${teamName(problem.teamId)}`}
                        >
                          Fix
                        </Button>
                      )}
                      {page === undefined && (
                        <Button
                          appearance="subtle"
                          spacing="compact"
                          onClick={() => drafts.update((current) => discardDraft(current, problem))}
                        >
                          Discard
                        </Button>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </SectionMessage>
      )}
      {grid.rows.length === 0 ? (
        <EmptyState
          testId="plan-estimates-empty"
          headingLevel="h4"
          header="No initiatives to estimate yet"
          description={
            plan.canEdit
              ? 'Choose the quarter’s initiatives above, one at a time or all of the program’s at once; each team then estimates its part here.'
              : 'The program’s owners choose the quarter’s initiatives; each team then estimates its part here.'
          }
        />
      ) : (
        <div>
          <div style={{ overflowX: 'auto' }}>
            <table
              style={table}
              data-testid="plan-estimates-grid"
              aria-label={pagedLabel('Estimates by initiative and team', shown)}
            >
              <thead>
                <tr>
                  <th style={headCell} scope="col">
                    Initiative
                  </th>
                  {grid.teams.map((team) => (
                    <th key={team.id} style={headCell} scope="col">
                      {team.name}
                      {grid.missingByTeam.get(team.id) ? (
                        <span style={{ color: token(DANGER_TEXT.token) }}>
                          {' '}
                          ({grid.missingByTeam.get(team.id)} missing)
                        </span>
                      ) : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.items.map((r) => (
                  <tr key={r.key} data-testid={`estimate-row-${r.key}`}>
                    <th style={{ ...cell, fontWeight: 400 }} scope="row">
                      <strong>{r.key}</strong>
                      {r.carriedOver && (
                        <>
                          {' '}
                          <Lozenge appearance="moved">carried over</Lozenge>
                        </>
                      )}
                      <div style={{ ...subtle, fontSize: '12px' }}>
                        {r.summary ?? ''}
                        {r.team ? ` · ${r.team}` : ''}
                      </div>
                    </th>
                    {r.cells.map((c) => {
                      const key = cellKey(c);
                      const id = `${c.initiativeKey}-${c.teamId}`;
                      const draft = drafts.value.get(key);
                      const drafted = draft ? draftedCell(c, draft.text) : undefined;
                      // Worded as the button reads, so its name starts with what it shows.
                      const valueText = draft
                        ? drafted
                          ? `${cellValueText(drafted)} unsaved`
                          : 'needs a fix (unsaved)'
                        : cellValueText(c);
                      return (
                        <td
                          key={id}
                          style={{
                            ...cell,
                            background:
                              c.state === 'missing' && !drafted
                                ? token('color.background.danger')
                                : undefined,
                          }}
                          data-testid={`estimate-cell-${id}`}
                          data-state={c.state}
                          data-unsaved={draft ? 'true' : undefined}
                        >
                          {editing?.key === key ? (
                            <CellEditor
                              estimate={c}
                              text={textOf(drafts.value, c)}
                              teamName={teamName(c.teamId)}
                              error={problems.get(key)}
                              pending={pending}
                              busy={busy}
                              focus={editing.focus}
                              onEdit={(fieldName, value) => edit(c, fieldName, value)}
                              onSave={() => void save()}
                              onCancel={() => {
                                drafts.update((current) => discardDraft(current, c));
                                close(key);
                              }}
                            />
                          ) : c.editable ? (
                            <Button
                              ref={focusBack(key)}
                              appearance="subtle"
                              spacing="compact"
                              onClick={() => setEditing({ key, focus: true })}
                              aria-label={`${valueText}: edit the estimate of ${c.initiativeKey} by ${teamName(c.teamId)}`}
                              testId={`estimate-cell-${id}-edit`}
                            >
                              {draft ? <DraftValue drafted={drafted} /> : <CellValue estimate={c} />}
                            </Button>
                          ) : (
                            <CellValue estimate={c} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <TablePagination
            shown={shown}
            onSetPage={(page) => {
              setPage(page);
              // The editor left open on another page comes back as it was, without taking the focus.
              setEditing((current) => current && { ...current, focus: false });
            }}
            label="Pages of the estimates"
            testId="plan-estimates-pagination"
          />
        </div>
      )}
    </PlanSection>
  );
}
