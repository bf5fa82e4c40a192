import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CompletionAnalysis, SprintThroughput } from '../../../../src/contract';
import { PlanSection, cell, headCell, row, stack, subtle, table } from '../plan/plan-ui';
import { OUTCOMES, throughputChart } from './completion-model';
import { IssueLink } from './links';

const BAR = token('color.background.brand.bold');
const AXIS = token('color.border');
const TEXT = token('color.text.subtle');
const numeric = { ...cell, textAlign: 'right' } as const;
const numericHead = { ...headCell, textAlign: 'right' } as const;

function ThroughputChart({ sprints, tableId }: { sprints: readonly SprintThroughput[]; tableId: string }) {
  const chart = throughputChart(sprints);
  const titleId = useId();
  const total = sprints.reduce((sum, s) => sum + s.resolved, 0);
  return (
    <svg
      width={chart.width}
      height={chart.height}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={tableId}
      data-testid="throughput-chart"
      style={{ maxWidth: '100%', overflow: 'visible' }}
    >
      <title id={titleId}>
        {`Issues resolved per sprint: ${total} in ${sprints.length} sprint(s), at most ${chart.max} in one.`}
      </title>
      <line
        x1={chart.left}
        y1={chart.axisY}
        x2={chart.width - 8}
        y2={chart.axisY}
        style={{ stroke: AXIS, strokeWidth: 1 }}
      />
      <text x={0} y={16} style={{ fill: TEXT, fontSize: '11px' }}>
        {chart.max}
      </text>
      {chart.bars.map((bar, i) => (
        <g key={`${bar.label}-${i}`} data-testid={`throughput-bar-${i}`}>
          <title>{bar.title}</title>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={2} style={{ fill: BAR }} />
          <text
            x={bar.x + bar.width / 2}
            y={bar.y - 4}
            textAnchor="middle"
            style={{ fill: TEXT, fontSize: '11px' }}
          >
            {bar.value}
          </text>
          <text
            x={bar.x + bar.width / 2}
            y={chart.axisY + 16}
            textAnchor="middle"
            style={{ fill: TEXT, fontSize: '10px' }}
          >
            {bar.label.slice(0, 6)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Throughput({ analysis }: { analysis: CompletionAnalysis }) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const { sprints } = analysis.throughput;
  return (
    <div style={stack} data-testid="analysis-throughput">
      <div style={{ ...row, justifyContent: 'space-between' }}>
        <Heading size="xsmall" as="h4">
          Throughput per sprint
        </Heading>
        <Button
          appearance="subtle"
          spacing="compact"
          onClick={() => setAsTable((t) => !t)}
          aria-expanded={asTable}
          aria-controls={tableId}
          testId="throughput-toggle"
        >
          {asTable ? 'Hide the data table' : 'Show the data as a table'}
        </Button>
      </div>
      {sprints.length === 0 ? (
        <p style={subtle}>No quarter plan has sprints yet.</p>
      ) : (
        <ThroughputChart sprints={sprints} tableId={tableId} />
      )}
      <table
        id={tableId}
        style={{ ...table, display: asTable ? 'table' : 'none' }}
        aria-label="Throughput per sprint"
        data-testid="throughput-table"
      >
        <thead>
          <tr>
            <th style={headCell}>Quarter</th>
            <th style={headCell}>Sprint</th>
            <th style={headCell}>Dates</th>
            <th style={numericHead}>Issues resolved</th>
            <th style={numericHead}>Story points</th>
          </tr>
        </thead>
        <tbody>
          {sprints.map((s, i) => (
            <tr key={`${s.quarter}-${s.sprint}-${i}`}>
              <td style={cell}>{s.quarter}</td>
              <td style={cell}>{s.sprint}</td>
              <td style={cell}>
                {s.start} to {s.end}
              </td>
              <td style={numeric}>{s.resolved}</td>
              <td style={numeric}>
                {s.points}
                {s.unpointed > 0 ? ` (+${s.unpointed} unpointed)` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How the program went: planned against actual dates, scope change, estimate accuracy, throughput. */
export function AnalysisSection({
  analysis,
  siteUrl,
}: {
  analysis: CompletionAnalysis;
  siteUrl: string | undefined;
}) {
  const o = analysis.outcomes;
  return (
    <PlanSection title="Analysis" testId="completion-analysis">
      <p style={subtle} data-testid="analysis-summary">
        As of {analysis.asOf}: {o.early + o['on-time']} initiative(s) finished on time or early, {o.late}{' '}
        late, {o.overdue} overdue, {o['in-progress']} still in progress.
      </p>
      {analysis.gaps.length > 0 && (
        <SectionMessage appearance="warning" title="What could not be measured" testId="analysis-gaps">
          <ul style={{ margin: 0 }}>
            {analysis.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </SectionMessage>
      )}

      <Heading size="xsmall" as="h4">
        Planned against actual dates
      </Heading>
      <table
        style={table}
        aria-label="Planned against actual dates per initiative"
        data-testid="analysis-dates"
      >
        <thead>
          <tr>
            <th style={headCell}>Initiative</th>
            <th style={headCell}>Team</th>
            <th style={headCell}>Planned end</th>
            <th style={headCell}>Re-planned end</th>
            <th style={headCell}>Actual end</th>
            <th style={headCell}>Outcome</th>
            <th style={numericHead}>Days late (− early)</th>
          </tr>
        </thead>
        <tbody>
          {analysis.initiatives.map((d) => (
            <tr key={d.key} data-testid={`analysis-date-${d.key}`}>
              <td style={cell}>
                <IssueLink issueKey={d.key} siteUrl={siteUrl} />
                <div style={{ ...subtle, fontSize: '12px' }}>{d.summary}</div>
              </td>
              <td style={cell}>{d.team}</td>
              <td style={cell}>
                {d.plannedEnd ?? '—'}
                {d.plannedFrom && (
                  <div style={{ ...subtle, fontSize: '12px' }}>
                    {d.plannedFrom === 'baseline' ? `baseline ${d.plannedQuarter ?? ''}` : 'target date'}
                  </div>
                )}
              </td>
              <td style={cell}>{d.replannedEnd ?? '—'}</td>
              <td style={cell}>{d.actualEnd ?? '—'}</td>
              <td style={cell}>
                <Lozenge appearance={OUTCOMES[d.outcome].appearance}>{OUTCOMES[d.outcome].label}</Lozenge>
              </td>
              <td style={numeric}>{d.slipDays ?? '—'}</td>
            </tr>
          ))}
          {analysis.initiatives.length === 0 && (
            <tr>
              <td style={{ ...cell, ...subtle }} colSpan={7}>
                No initiatives in scope that you can see.
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <Heading size="xsmall" as="h4">
        Scope change since each quarter’s first baseline
      </Heading>
      <table style={table} aria-label="Scope change per quarter" data-testid="analysis-scope">
        <thead>
          <tr>
            <th style={headCell}>Quarter</th>
            <th style={headCell}>First baseline</th>
            <th style={numericHead}>Initiatives then → now</th>
            <th style={headCell}>Added</th>
            <th style={headCell}>Removed</th>
            <th style={numericHead}>Points added / removed</th>
          </tr>
        </thead>
        <tbody>
          {analysis.scopeChange.map((q) => (
            <tr key={q.quarter} data-testid={`analysis-scope-${q.quarter}`}>
              <td style={cell}>{q.quarter}</td>
              <td style={cell}>{q.baseline ? q.baseline.frozenAt.slice(0, 10) : 'never baselined'}</td>
              <td style={numeric}>
                {q.baseline ? `${q.baselineCount} → ${q.currentCount}` : `— → ${q.currentCount}`}
              </td>
              <td style={cell}>
                {q.added.length === 0
                  ? '—'
                  : q.added.map((d, i) => (
                      <span key={d.key}>
                        {i > 0 && ', '}
                        <IssueLink issueKey={d.key} siteUrl={siteUrl} />
                      </span>
                    ))}
              </td>
              <td style={cell}>
                {q.removed.length === 0
                  ? '—'
                  : q.removed.map((d, i) => (
                      <span key={d.key}>
                        {i > 0 && ', '}
                        <IssueLink issueKey={d.key} siteUrl={siteUrl} />
                      </span>
                    ))}
              </td>
              <td style={numeric}>
                {q.baseline ? `+${q.addedPoints} / −${q.removedPoints}` : '—'}
                {q.unpointed > 0 ? ` (${q.unpointed} without points)` : ''}
              </td>
            </tr>
          ))}
          {analysis.scopeChange.length === 0 && (
            <tr>
              <td style={{ ...cell, ...subtle }} colSpan={6}>
                No quarter plans.
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <Heading size="xsmall" as="h4">
        Estimate accuracy per team
      </Heading>
      <table style={table} aria-label="Estimate accuracy per team" data-testid="analysis-accuracy">
        <thead>
          <tr>
            <th style={headCell}>Team</th>
            <th style={numericHead}>Initiatives measured</th>
            <th style={numericHead}>Sprints estimated</th>
            <th style={numericHead}>Sprints taken</th>
            <th style={numericHead}>Taken ÷ estimated</th>
            <th style={numericHead}>Not measured yet</th>
          </tr>
        </thead>
        <tbody>
          {analysis.estimateAccuracy.map((t) => (
            <tr key={t.teamId} data-testid={`analysis-accuracy-${t.teamId}`}>
              <td style={cell}>{t.teamName}</td>
              <td style={numeric}>{t.measured}</td>
              <td style={numeric}>{t.estimatedSprints}</td>
              <td style={numeric}>{t.actualSprints}</td>
              <td style={numeric}>{t.ratio === null ? '—' : t.ratio.toFixed(2)}</td>
              <td style={numeric}>{t.unmeasured}</td>
            </tr>
          ))}
          {analysis.estimateAccuracy.length === 0 && (
            <tr>
              <td style={{ ...cell, ...subtle }} colSpan={6}>
                No estimates to compare.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p style={{ ...subtle, fontSize: '12px' }}>
        Sprints taken run from the epic’s start date (else its planned start) to its resolution; above 1, the
        work took longer than estimated.
      </p>

      <Throughput analysis={analysis} />
      {(analysis.throughput.outsideSprints > 0 || analysis.throughput.undated > 0) && (
        <p style={{ ...subtle, fontSize: '12px' }}>
          Not in the chart: {analysis.throughput.outsideSprints} resolved outside every sprint,{' '}
          {analysis.throughput.undated} done without a resolution date.
        </p>
      )}
    </PlanSection>
  );
}
