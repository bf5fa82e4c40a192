import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { DependencyGraphView } from './dependencies-model';
import { DependencyGraph } from './DependencyGraph';
import { canDrawAll, defaultFocus, focusGraph, focusTeams, type GraphFocus } from './graph-focus-model';

interface FocusOption {
  label: string;
  value: string;
  focus: GraphFocus;
}

const subtle = token('color.text.subtle');
const optionValue = (focus: GraphFocus) => (focus.kind === 'team' ? `team:${focus.team}` : focus.kind);

/**
 * The dependency graph, a part at a time on a big program: it opens on the cross-team dependencies, the
 * critical path and cycles (or everything, on a program small enough), narrows to a team's neighbourhood,
 * and grows a step at a time. Only the part shown is laid out.
 */
export function IncrementalGraph({ view }: { view: DependencyGraphView }) {
  const [focus, setFocus] = useState<GraphFocus>(() => defaultFocus(view));
  const [steps, setSteps] = useState(0);
  const focused = useMemo(() => focusGraph(view, focus, steps), [view, focus, steps]);
  const options = useMemo<FocusOption[]>(
    () => [
      ...(canDrawAll(view)
        ? [{ label: 'All initiatives', value: 'all', focus: { kind: 'all' } as const }]
        : []),
      {
        label: 'Cross-team dependencies, critical path and cycles',
        value: 'key-links',
        focus: { kind: 'key-links' } as const,
      },
      ...focusTeams(view).map((team) => ({
        label: `${team} and its neighbours`,
        value: `team:${team}`,
        focus: { kind: 'team', team } as const,
      })),
    ],
    [view],
  );
  const whole = focused.shown === focused.total;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      {(!whole || focus.kind !== 'all') && (
        <div
          style={{
            display: 'flex',
            alignItems: 'flex-end',
            gap: token('space.200', '16px'),
            flexWrap: 'wrap',
          }}
        >
          <div style={{ minWidth: '320px' }}>
            <label htmlFor="dependency-graph-focus" style={{ display: 'block', color: subtle }}>
              Show
            </label>
            <Select<FocusOption>
              inputId="dependency-graph-focus"
              testId="dependency-graph-focus"
              options={options}
              value={options.find((o) => o.value === optionValue(focus)) ?? null}
              onChange={(option) => {
                if (!option) return;
                setFocus(option.focus);
                setSteps(0);
              }}
            />
          </div>
          <Button
            onClick={() => setSteps((n) => n + 1)}
            isDisabled={!focused.canExpand}
            testId="dependency-graph-expand"
          >
            Show one step further
          </Button>
        </div>
      )}
      <p role="status" data-testid="dependency-graph-extent" style={{ margin: 0, color: subtle }}>
        {focused.description}
        {!whole && '. The table below lists every dependency.'}
      </p>
      {focused.shown > 0 ? (
        <DependencyGraph view={focused.view} />
      ) : (
        <p style={{ margin: 0, color: subtle }}>
          Nothing to draw here: no initiative of this program has a dependency on another team or lies on the
          critical path. Choose a team to see its initiatives.
        </p>
      )}
    </div>
  );
}
