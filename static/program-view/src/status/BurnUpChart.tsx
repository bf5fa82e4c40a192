import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { BurnUp } from '../../../../src/contract';
import { burnUpDescription, burnUpGeometry, CHART_SIZE, formatNumber, type Measure } from './status-model';

const text = token('color.text');
const subtleText = token('color.text.subtle');
const grid = token('color.border');
const scopeColour = token('color.chart.neutral');
const doneColour = token('color.chart.success.bold');

const cell = {
  borderBottom: `1px solid ${grid}`,
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  textAlign: 'right',
} as const;

/** Scope and done work per day as an SVG chart (titled and described), with the same data as a table. */
export function BurnUpChart({ burnUp }: { burnUp: BurnUp }) {
  const [measure, setMeasure] = useState<Measure>('issues');
  const [showTable, setShowTable] = useState(false);
  const geometry = useMemo(() => burnUpGeometry(burnUp.points, measure), [burnUp.points, measure]);
  const unit = measure === 'points' ? 'story points' : 'issues';
  const title = `Burn-up by ${unit}`;
  return (
    <section
      aria-labelledby="status-burnup-heading"
      style={{ display: 'grid', gap: token('space.100', '8px') }}
    >
      <div
        style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), flexWrap: 'wrap' }}
      >
        <h3
          id="status-burnup-heading"
          style={{ margin: 0, font: token('font.heading.small', '600 16px/20px sans-serif') }}
        >
          Burn-up
        </h3>
        <div role="group" aria-label="Measure" style={{ display: 'flex', gap: token('space.050', '4px') }}>
          <Button
            isSelected={measure === 'issues'}
            onClick={() => setMeasure('issues')}
            testId="status-burnup-issues"
          >
            Issues
          </Button>
          <Button
            isSelected={measure === 'points'}
            onClick={() => setMeasure('points')}
            testId="status-burnup-points"
          >
            Story points
          </Button>
        </div>
        <Button
          appearance="subtle"
          aria-expanded={showTable}
          aria-controls="status-burnup-table"
          onClick={() => setShowTable(!showTable)}
          testId="status-burnup-table-toggle"
        >
          {showTable ? 'Hide the data table' : 'Show as a table'}
        </Button>
      </div>
      {burnUp.note && (
        <SectionMessage
          appearance={burnUp.source === 'reconstructed' ? 'warning' : 'information'}
          testId="status-burnup-note"
        >
          <p>{burnUp.note}</p>
        </SectionMessage>
      )}
      <div style={{ overflowX: 'auto' }}>
        <svg
          data-testid="status-burnup"
          role="img"
          aria-labelledby="status-burnup-title status-burnup-desc"
          viewBox={`0 0 ${CHART_SIZE.width} ${CHART_SIZE.height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
          style={{ display: 'block', maxWidth: CHART_SIZE.width, minWidth: 360 }}
        >
          <title id="status-burnup-title">{title}</title>
          <desc id="status-burnup-desc">{burnUpDescription(burnUp.points, measure)}</desc>
          {geometry.yTicks.map((tick) => (
            <g key={tick.label}>
              <line
                x1={CHART_SIZE.left}
                x2={CHART_SIZE.width - CHART_SIZE.right}
                y1={tick.y}
                y2={tick.y}
                style={{ stroke: grid, strokeWidth: 1 }}
              />
              <text
                x={CHART_SIZE.left - 6}
                y={tick.y + 4}
                textAnchor="end"
                style={{ fontSize: '11px', fill: subtleText }}
              >
                {tick.label}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((tick, i) => (
            <text
              key={tick.label}
              x={tick.x}
              y={CHART_SIZE.height - CHART_SIZE.bottom + 18}
              textAnchor={
                i === 0 && geometry.xTicks.length > 1
                  ? 'start'
                  : i === geometry.xTicks.length - 1
                    ? 'end'
                    : 'middle'
              }
              style={{ fontSize: '11px', fill: subtleText }}
            >
              {tick.label}
            </text>
          ))}
          <path
            d={geometry.scopePath}
            style={{ fill: 'none', stroke: scopeColour, strokeWidth: 2, strokeDasharray: '6 4' }}
          />
          <path d={geometry.donePath} style={{ fill: 'none', stroke: doneColour, strokeWidth: 2.5 }} />
          {geometry.last && (
            <>
              <circle cx={geometry.last.x} cy={geometry.last.scopeY} r={4} style={{ fill: scopeColour }} />
              <circle cx={geometry.last.x} cy={geometry.last.doneY} r={4} style={{ fill: doneColour }} />
            </>
          )}
        </svg>
      </div>
      <ul
        aria-label="Legend"
        style={{
          display: 'flex',
          gap: token('space.200', '16px'),
          listStyle: 'none',
          margin: 0,
          padding: 0,
          color: text,
        }}
      >
        <li style={{ display: 'flex', alignItems: 'center', gap: '6px' }}>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              style={{ stroke: scopeColour, strokeWidth: 2, strokeDasharray: '6 4' }}
            />
          </svg>
          Scope
        </li>
        <li style={{ display: 'flex', alignItems: 'center', gap: '6px' }}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" style={{ stroke: doneColour, strokeWidth: 2.5 }} />
          </svg>
          Done
        </li>
      </ul>
      {showTable && (
        <table
          id="status-burnup-table"
          data-testid="status-burnup-table"
          style={{ borderCollapse: 'collapse', maxWidth: 560, fontSize: '13px' }}
        >
          <caption style={{ textAlign: 'left', color: subtleText }}>{title}, one row per day</caption>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                Day
              </th>
              <th scope="col" style={cell}>
                Scope ({unit})
              </th>
              <th scope="col" style={cell}>
                Done ({unit})
              </th>
            </tr>
          </thead>
          <tbody>
            {burnUp.points.map((p) => (
              <tr key={p.date}>
                <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 'normal' }}>
                  {p.date}
                </th>
                <td style={cell}>{formatNumber(measure === 'points' ? p.scopePoints : p.scopeIssues)}</td>
                <td style={cell}>{formatNumber(measure === 'points' ? p.donePoints : p.doneIssues)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
