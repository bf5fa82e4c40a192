import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { QuarterPlanView } from '../../../../src/contract';
import { DANGER_TEXT, estimateGrid, parseOptionalCount, parseSprints, type EstimateCell } from './plan-model';
import { PlanSection, cell, field, headCell, row, subtle, table } from './plan-ui';
import type { PlanState } from './use-plan';

const fmt = (n: number | null) => (n === null ? '' : String(n));

function CellEditor({
  estimate,
  teamName,
  state,
  onDone,
}: {
  estimate: EstimateCell;
  teamName: string;
  state: PlanState;
  onDone: () => void;
}) {
  const id = `estimate-cell-${estimate.initiativeKey}-${estimate.teamId}`;
  const [sprints, setSprints] = useState(fmt(estimate.sprints));
  const [points, setPoints] = useState(fmt(estimate.storyPoints));
  const [load, setLoad] = useState(fmt(estimate.load ?? 1));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const s = parseSprints(sprints);
    const p = parseOptionalCount(points, 'Story points');
    const l = parseOptionalCount(load, 'Load');
    const problem = !s.ok ? s.error : !p.ok ? p.error : !l.ok ? l.error : null;
    if (problem || !s.ok || !p.ok || !l.ok) return setError(problem);
    setBusy(true);
    const done = await state.mutate(
      'plan/estimates/set',
      {
        estimates: [
          {
            initiativeKey: estimate.initiativeKey,
            teamId: estimate.teamId,
            sprints: s.value,
            storyPoints: p.value,
            ...(l.value !== null && l.value > 0 ? { load: l.value } : {}),
          },
        ],
      },
      `Estimate of ${estimate.initiativeKey} for ${teamName} saved.`,
    );
    setBusy(false);
    if (done) onDone();
  };
  return (
    <form
      aria-label={`Estimate of ${estimate.initiativeKey} by ${teamName}`}
      style={{ display: 'flex', flexDirection: 'column', gap: '4px', minWidth: '150px' }}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label style={field}>
        <span>Sprints (empty removes)</span>
        <Textfield
          autoFocus
          isCompact
          value={sprints}
          inputMode="decimal"
          onChange={(e) => setSprints(e.currentTarget.value)}
          testId={`${id}-sprints`}
        />
      </label>
      <label style={field}>
        <span>Story points (optional)</span>
        <Textfield
          isCompact
          value={points}
          inputMode="numeric"
          onChange={(e) => setPoints(e.currentTarget.value)}
          testId={`${id}-points`}
        />
      </label>
      <label style={field}>
        <span>Load per sprint</span>
        <Textfield
          isCompact
          value={load}
          inputMode="numeric"
          onChange={(e) => setLoad(e.currentTarget.value)}
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
          Save
        </Button>
        <Button spacing="compact" onClick={onDone}>
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

/** Initiatives × teams: estimates in sprints, editable in place by owners and each team's lead. */
export function EstimatesGrid({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const grid = estimateGrid(plan);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <PlanSection title="Estimates" testId="plan-estimates">
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
      {grid.rows.length === 0 ? (
        <p style={subtle}>Choose the quarter’s initiatives first.</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table style={table} data-testid="plan-estimates-grid">
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
              {grid.rows.map((r) => (
                <tr key={r.key}>
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
                    const id = `${c.initiativeKey}-${c.teamId}`;
                    const teamName = grid.teams.find((t) => t.id === c.teamId)?.name ?? c.teamId;
                    return (
                      <td
                        key={id}
                        style={{
                          ...cell,
                          background: c.state === 'missing' ? token('color.background.danger') : undefined,
                        }}
                        data-testid={`estimate-cell-${id}`}
                        data-state={c.state}
                      >
                        {editing === id ? (
                          <CellEditor
                            estimate={c}
                            teamName={teamName}
                            state={state}
                            onDone={() => setEditing(null)}
                          />
                        ) : c.editable ? (
                          <Button
                            appearance="subtle"
                            spacing="compact"
                            onClick={() => setEditing(id)}
                            aria-label={`${cellValueText(c)}: edit the estimate of ${c.initiativeKey} by ${teamName}`}
                            testId={`estimate-cell-${id}-edit`}
                          >
                            <CellValue estimate={c} />
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
      )}
    </PlanSection>
  );
}
