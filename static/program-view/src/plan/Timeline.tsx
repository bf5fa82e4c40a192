import { useMemo, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { QuarterPlanView } from '../../../../src/contract';
import { teamColours } from '../dependencies/dependencies-model';
import { openIssue } from '../host';
import {
  CRITICAL,
  DANGER,
  DANGER_FILL,
  DANGER_TEXT,
  NEUTRAL,
  deltaLabel,
  pathData,
  timelineInputOf,
  timelineView,
  type Paint,
  type TimelineView,
} from './plan-model';
import { subtle } from './plan-ui';

const paint = (p: Paint) => token(p.token);
const text = token('color.text');
const border = token('color.border');

function Legend({ view }: { view: TimelineView }) {
  const item = { display: 'flex', alignItems: 'center', gap: '6px' } as const;
  return (
    <ul
      aria-label="Legend"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: token('space.200', '16px'),
        listStyle: 'none',
        ...subtle,
        margin: 0,
        padding: 0,
      }}
    >
      <li style={item}>
        <svg width="28" height="12" aria-hidden="true">
          <line x1="0" y1="6" x2="28" y2="6" style={{ stroke: paint(CRITICAL), strokeWidth: 3 }} />
        </svg>
        Critical path
      </li>
      <li style={item}>
        <svg width="28" height="12" aria-hidden="true">
          <line x1="0" y1="6" x2="28" y2="6" style={{ stroke: paint(DANGER), strokeWidth: 2 }} />
        </svg>
        Late: starts before its dependency ends
      </li>
      <li style={item}>
        <svg width="28" height="12" aria-hidden="true">
          <rect
            x="1"
            y="1"
            width="26"
            height="10"
            style={{ fill: paint(DANGER_FILL), stroke: paint(DANGER) }}
          />
        </svg>
        Over capacity (load/capacity per team-sprint)
      </li>
      {view.ghosts.length > 0 && (
        <li style={item}>
          <svg width="28" height="12" aria-hidden="true">
            <rect
              x="1"
              y="4"
              width="26"
              height="5"
              style={{ fill: token('color.background.neutral'), stroke: paint(NEUTRAL) }}
              strokeDasharray="3 2"
            />
          </svg>
          Baseline
        </li>
      )}
      <li style={item}>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" style={{ fill: text }} />
        </svg>
        Pinned by the TPM
      </li>
    </ul>
  );
}

/** The sprint timeline: one swimlane per team, a bar per team part of an initiative, dependency arrows. */
export function Timeline({ plan }: { plan: QuarterPlanView }) {
  const view = useMemo(() => timelineView(timelineInputOf(plan)), [plan]);
  const colours = useMemo(() => teamColours(plan.teams.map((t) => t.id)), [plan.teams]);
  const [fit, setFit] = useState(true);

  if (plan.plan.calendar.sprints.length === 0)
    return <p style={subtle}>The quarter has no sprints yet: set its calendar.</p>;

  const onKey = (key: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openIssue(key);
    }
  };
  const markers = [
    { id: 'plan-arrow-neutral', fill: paint(NEUTRAL) },
    { id: 'plan-arrow-critical', fill: paint(CRITICAL) },
    { id: 'plan-arrow-late', fill: paint(DANGER) },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <div
        style={{ display: 'flex', alignItems: 'center', gap: token('space.200', '16px'), flexWrap: 'wrap' }}
      >
        <Legend view={view} />
        <Button appearance="subtle" onClick={() => setFit(!fit)} testId="plan-timeline-zoom">
          {fit ? 'Actual size' : 'Fit to width'}
        </Button>
      </div>
      <div style={{ overflow: 'auto', border: `1px solid ${border}`, borderRadius: '4px' }}>
        <svg
          data-testid="plan-timeline"
          role="group"
          aria-label={`Sprint timeline of ${view.lanes.length} teams over ${view.columns.length} sprints; the table below lists the same schedule.`}
          viewBox={`0 0 ${view.width} ${view.height}`}
          width={fit ? '100%' : view.width}
          height={fit ? undefined : view.height}
          preserveAspectRatio="xMinYMin meet"
          style={{ display: 'block', minWidth: fit ? Math.min(view.width, 900) : undefined }}
        >
          <defs>
            {markers.map((marker) => (
              <marker
                key={marker.id}
                id={marker.id}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="6"
                markerHeight="6"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" style={{ fill: marker.fill }} />
              </marker>
            ))}
          </defs>
          {view.columns.map((column) => (
            <g key={column.index}>
              <line
                x1={column.x}
                y1={0}
                x2={column.x}
                y2={view.height}
                style={{ stroke: border, strokeWidth: 1 }}
              />
              <text x={column.x + 8} y={18} style={{ fontSize: '12px', fontWeight: 600, fill: text }}>
                {column.name}
              </text>
              <text x={column.x + 8} y={34} style={{ fontSize: '11px', fill: token('color.text.subtle') }}>
                {column.dates}
              </text>
            </g>
          ))}
          {view.cells.map((cell) => (
            <g
              key={`${cell.team}-${cell.sprint}`}
              data-testid={`plan-load-${cell.team}-${cell.sprint}`}
              data-over={cell.over || undefined}
            >
              {cell.over && (
                <rect
                  x={cell.x + 1}
                  y={cell.y + 1}
                  width={cell.width - 2}
                  height={cell.height - 2}
                  style={{ fill: paint(DANGER_FILL), stroke: paint(DANGER), strokeWidth: 1.5 }}
                >
                  <title>{`Over capacity: load ${cell.used} of ${cell.capacity}`}</title>
                </rect>
              )}
              <text
                x={cell.x + cell.width - 8}
                y={cell.y + cell.height - 7}
                textAnchor="end"
                style={{
                  fontSize: '11px',
                  fontWeight: cell.over ? 700 : 400,
                  fill: cell.over ? paint(DANGER_TEXT) : token('color.text.subtlest'),
                }}
              >
                {cell.used}/{cell.capacity}
              </text>
            </g>
          ))}
          {view.lanes.map((lane, i) => (
            <g key={lane.team} data-testid={`plan-lane-${lane.team}`}>
              {i > 0 && (
                <line
                  x1={0}
                  y1={lane.y}
                  x2={view.width}
                  y2={lane.y}
                  style={{ stroke: token('color.border.bold'), strokeWidth: 1 }}
                />
              )}
              <text x={8} y={lane.y + 22} style={{ fontSize: '13px', fontWeight: 600, fill: text }}>
                {lane.label}
              </text>
            </g>
          ))}
          {view.ghosts.map((ghost) => (
            <rect
              key={`ghost-${ghost.id}`}
              data-testid={`plan-ghost-${ghost.id}`}
              x={ghost.x}
              y={ghost.y}
              width={Math.max(ghost.width, 4)}
              height={ghost.height}
              rx="2"
              strokeDasharray="3 2"
              style={{ fill: token('color.background.neutral'), stroke: paint(NEUTRAL) }}
            >
              <title>{`${ghost.key} in the baseline: sprints ${ghost.startSprint + 1}–${ghost.endSprint + 1} (${deltaLabel(ghost.endDelta)} sprints now)`}</title>
            </rect>
          ))}
          {/* Under the bars: a dependency's line runs behind the bars between its ends, not through their labels. */}
          {view.arrows.map((arrow) => (
            <path
              key={arrow.id}
              data-testid={`plan-arrow-${arrow.id}`}
              data-late={arrow.late || undefined}
              data-critical={arrow.onCriticalPath || undefined}
              d={pathData(arrow.points)}
              fill="none"
              style={{
                stroke: paint(arrow.late ? DANGER : arrow.onCriticalPath ? CRITICAL : NEUTRAL),
                strokeWidth: arrow.onCriticalPath ? 2.5 : arrow.late ? 2 : 1.25,
              }}
              strokeDasharray={arrow.fromTeam !== arrow.toTeam && !arrow.onCriticalPath ? '5 3' : undefined}
              markerEnd={`url(#${arrow.late ? 'plan-arrow-late' : arrow.onCriticalPath ? 'plan-arrow-critical' : 'plan-arrow-neutral'})`}
            >
              <title>{arrow.description}</title>
            </path>
          ))}
          {view.bars.map((bar) => {
            const colour = colours.get(bar.team);
            const stroke = bar.late ? paint(DANGER) : bar.onCriticalPath ? paint(CRITICAL) : undefined;
            return (
              <g
                key={bar.id}
                data-testid={`plan-bar-${bar.id}`}
                data-critical={bar.onCriticalPath || undefined}
                data-late={bar.late || undefined}
                data-pinned={bar.pinned || undefined}
                data-start={bar.startSprint}
                data-end={bar.endSprint}
                role="link"
                tabIndex={0}
                aria-label={`${bar.description}. Open in Jira.`}
                onClick={() => openIssue(bar.key)}
                onKeyDown={onKey(bar.key)}
                style={{ cursor: 'pointer' }}
              >
                <title>{bar.description}</title>
                <rect
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  rx="4"
                  style={{
                    fill: colour ? paint(colour.fill) : token('color.background.neutral'),
                    stroke: stroke ?? (colour ? paint(colour.border) : paint(NEUTRAL)),
                    strokeWidth: bar.late || bar.onCriticalPath ? 2.5 : 1,
                  }}
                />
                {bar.pinned && (
                  <circle cx={bar.x + 10} cy={bar.y + bar.height / 2} r="4" style={{ fill: text }} />
                )}
                <text
                  x={bar.x + (bar.pinned ? 18 : 6)}
                  y={bar.y + bar.height / 2 + 4}
                  style={{
                    fontSize: '12px',
                    fontWeight: bar.onCriticalPath ? 700 : 600,
                    fill: bar.late ? paint(DANGER_TEXT) : text,
                  }}
                >
                  {bar.key}
                  {bar.onCriticalPath && <tspan aria-hidden="true"> ★</tspan>}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
