import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { ProgramStatusView, ProgressTally } from '../../../../src/contract';
import { progressLine, type Measure } from './status-model';

const subtle = { margin: 0, color: token('color.text.subtle') } as const;

function Bar({
  label,
  tally,
  percent,
  measure,
  testId,
}: {
  label: string;
  tally: ProgressTally;
  percent: number | null;
  measure: Measure;
  testId: string;
}) {
  const line = progressLine(tally, percent, measure);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
      <span style={{ fontWeight: token('font.weight.semibold', '600') }}>{label}</span>
      {tally.total > 0 && (
        <ProgressBar
          value={tally.done / tally.total}
          appearance={tally.done === tally.total ? 'success' : 'default'}
          ariaLabel={`${label}: ${line}`}
        />
      )}
      <span style={subtle} data-testid={testId}>
        {line}
        {tally.total > 0 && ` · ${tally.inProgress} in progress, ${tally.toDo} to do`}
      </span>
    </div>
  );
}

/** Program progress by issue count and by story points, with what the plan expects by now. */
export function ProgressBars({ view }: { view: ProgramStatusView }) {
  const { progress, expected } = view;
  return (
    <section
      aria-labelledby="status-progress-heading"
      style={{ display: 'grid', gap: token('space.150', '12px') }}
    >
      <h3
        id="status-progress-heading"
        style={{ margin: 0, font: token('font.heading.small', '600 16px/20px sans-serif') }}
      >
        Progress
      </h3>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
          gap: token('space.200', '16px'),
        }}
      >
        <Bar
          label="By issue count"
          tally={progress.issues}
          percent={progress.percentByCount}
          measure="issues"
          testId="status-progress-count"
        />
        <Bar
          label="By story points"
          tally={progress.points}
          percent={progress.percentByPoints}
          measure="points"
          testId="status-progress-points"
        />
      </div>
      <p style={subtle} data-testid="status-progress-initiatives">
        {progress.initiatives.done} of {progress.initiatives.total} initiatives done,{' '}
        {progress.initiatives.inProgress} in progress.
        {progress.unestimatedIssues > 0 &&
          ` ${progress.unestimatedIssues} issue${progress.unestimatedIssues === 1 ? ' has' : 's have'} no story points.`}
      </p>
      {expected && (
        <p style={subtle} data-testid="status-expected">
          The {expected.basis === 'baseline' ? 'baseline' : 'current schedule'} of {expected.quarter} expects{' '}
          {expected.expectedPercent}% done by now{' '}
          {expected.measure === 'points' ? 'by story points' : 'by issue count'} (
          {expected.currentSprint ? `${expected.currentSprint.name}, ` : ''}
          {expected.sprintsElapsed} of {expected.sprintCount} sprints elapsed); the planned initiatives are{' '}
          {expected.actualPercent}% done.
        </p>
      )}
    </section>
  );
}
