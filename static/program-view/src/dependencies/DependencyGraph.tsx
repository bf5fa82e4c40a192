import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { openIssue } from '../host';
import { DANGER, type DependencyGraphView, type LegendEntry, type Paint } from './dependencies-model';
import { layoutDependencyGraph, pathData, type GraphLayout } from './dependency-layout';

const paint = (p: Paint) => token(p.token);
const subtle = token('color.text.subtle');

function Legend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul
      aria-label="Legend"
      data-testid="dependency-legend"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: token('space.200', '16px'),
        listStyle: 'none',
        margin: 0,
        padding: 0,
        color: subtle,
      }}
    >
      {entries.map((entry) => (
        <li
          key={`${entry.kind}:${entry.label}`}
          style={{ display: 'flex', alignItems: 'center', gap: '6px' }}
        >
          <svg width="28" height="12" aria-hidden="true">
            {entry.kind === 'team' ? (
              <rect x="1" y="1" width="26" height="10" rx="3" style={{ fill: paint(entry.paint) }} />
            ) : (
              <line
                x1="0"
                y1="6"
                x2="28"
                y2="6"
                style={{ stroke: paint(entry.paint), strokeWidth: entry.width ?? 1.5 }}
                strokeDasharray={entry.dash}
              />
            )}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The dependency graph as SVG, laid out by ELK; a node opens its issue in Jira. */
export function DependencyGraph({ view }: { view: DependencyGraphView }) {
  const [layout, setLayout] = useState<GraphLayout | 'failed' | undefined>();
  const [fit, setFit] = useState(true);

  useEffect(() => {
    let current = true;
    setLayout(undefined);
    layoutDependencyGraph(view).then(
      (result) => current && setLayout(result),
      (error: unknown) => {
        console.warn('Could not lay out the dependency graph.', error);
        if (current) setLayout('failed');
      },
    );
    return () => {
      current = false;
    };
  }, [view]);

  const markers = useMemo(
    () => [
      { id: 'arrow-neutral', fill: token('color.border.bold') },
      { id: 'arrow-critical', fill: token('color.border.brand') },
      { id: 'arrow-danger', fill: paint(DANGER) },
    ],
    [],
  );

  if (layout === 'failed')
    return (
      <p style={{ color: subtle }}>The graph could not be drawn; the table below lists every dependency.</p>
    );
  if (!layout) return <p style={{ color: subtle }}>Laying out the graph…</p>;

  const onKey = (key: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openIssue(key);
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <div
        style={{ display: 'flex', alignItems: 'center', gap: token('space.200', '16px'), flexWrap: 'wrap' }}
      >
        <Legend entries={view.legend} />
        <Button appearance="subtle" onClick={() => setFit(!fit)} testId="dependency-graph-zoom">
          {fit ? 'Actual size' : 'Fit to width'}
        </Button>
      </div>
      <div
        style={{
          overflow: 'auto',
          maxHeight: '70vh',
          border: `1px solid ${token('color.border')}`,
          borderRadius: token('radius.small', '4px'),
        }}
      >
        <svg
          data-testid="dependency-graph"
          role="group"
          aria-label={`Dependency graph of ${view.nodes.length} initiatives; the table below lists the same dependencies.`}
          viewBox={`0 0 ${Math.max(layout.width, 1)} ${Math.max(layout.height, 1)}`}
          width={fit ? '100%' : layout.width}
          height={fit ? undefined : layout.height}
          preserveAspectRatio="xMinYMin meet"
          style={{ display: 'block', maxHeight: fit ? '70vh' : undefined }}
        >
          <defs>
            {markers.map((marker) => (
              <marker
                key={marker.id}
                id={marker.id}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" style={{ fill: marker.fill }} />
              </marker>
            ))}
          </defs>
          {view.edges.map(({ id, style }) => {
            const routed = layout.edges.get(id);
            if (!routed || routed.points.length < 2) return null;
            const marker = style.onCycle
              ? 'arrow-danger'
              : style.onCriticalPath
                ? 'arrow-critical'
                : 'arrow-neutral';
            return (
              <path
                key={id}
                data-testid={`dependency-edge-${id}`}
                data-on-cycle={style.onCycle || undefined}
                data-cross-team={style.crossTeam || undefined}
                data-critical={style.onCriticalPath || undefined}
                d={pathData(routed.points)}
                fill="none"
                style={{ stroke: paint(style.stroke), strokeWidth: style.width }}
                strokeDasharray={style.dash}
                markerEnd={`url(#${marker})`}
              >
                <title>{style.description}</title>
              </path>
            );
          })}
          {view.nodes.map(({ node, colour, onCycle, onCriticalPath, description }) => {
            const placed = layout.nodes.get(node.key);
            if (!placed) return null;
            return (
              <g
                key={node.key}
                data-testid={`dependency-node-${node.key}`}
                data-on-cycle={onCycle || undefined}
                data-critical={onCriticalPath || undefined}
                transform={`translate(${placed.x},${placed.y})`}
                role="link"
                tabIndex={0}
                onClick={() => openIssue(node.key)}
                onKeyDown={onKey(node.key)}
                style={{ cursor: 'pointer' }}
              >
                {/* An SVG element's <title> is its accessible name; it starts with the key the node shows. */}
                <title>{`${description}. Open in Jira.`}</title>
                <rect
                  width={placed.width}
                  height={placed.height}
                  rx="6"
                  style={{
                    fill: paint(colour.fill),
                    stroke: onCycle ? paint(DANGER) : paint(colour.border),
                    strokeWidth: onCycle || onCriticalPath ? 3 : 1.5,
                  }}
                />
                <text
                  x="10"
                  y="20"
                  style={{
                    fontSize: '13px',
                    fontWeight: 600,
                    fill: onCycle ? token('color.text.danger') : token('color.text'),
                  }}
                >
                  {node.key}
                  {onCriticalPath && <tspan aria-hidden="true"> ★</tspan>}
                </text>
                {/* Shortened for the eye; the node's name carries the whole summary. */}
                <text x="10" y="38" style={{ fontSize: '11px', fill: subtle }} aria-hidden="true">
                  {truncate(node.summary, 24)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
