import type { AssessmentRowView, SprintThroughput } from '../../../../src/contract';
import {
  linesOf,
  shortUrl,
  subjectKey,
  subjectLabel,
  throughputChart,
  verdictLozenge,
} from './completion-model';

const sprint = (name: string, resolved: number): SprintThroughput => ({
  quarter: '2027-Q1',
  sprint: name,
  start: '2027-01-04',
  end: '2027-01-17',
  resolved,
  points: resolved * 2,
  unpointed: 0,
});

describe('the Completion tab’s model', () => {
  it('scales the throughput bars to the busiest sprint, standing on one axis', () => {
    const chart = throughputChart([sprint('S1', 2), sprint('S2', 4), sprint('S3', 0)], { plotHeight: 100 });
    expect(chart.max).toBe(4);
    expect(chart.bars.map((b) => b.height)).toEqual([50, 100, 0]);
    for (const bar of chart.bars) expect(bar.y + bar.height).toBe(chart.axisY);
    expect(chart.bars[0]!.x).toBeLessThan(chart.bars[1]!.x);
    expect(chart.bars[1]?.title).toBe('2027-Q1 S2 (2027-01-04 to 2027-01-17): 4 issue(s) resolved, 8 points');
  });

  it('draws an empty axis when no sprint is planned', () => {
    const chart = throughputChart([]);
    expect(chart.bars).toEqual([]);
    expect(chart.width).toBeGreaterThan(chart.left);
  });

  it('reads one item per line and says what is not assessed', () => {
    expect(linesOf(' PAY-1 \n\n https://x.example/a\r\n')).toEqual(['PAY-1', 'https://x.example/a']);
    expect(verdictLozenge(null)).toEqual({ label: 'Not assessed', appearance: 'default' });
    expect(verdictLozenge('missed').appearance).toBe('removed');
  });

  it('names a criterion by its quarter and the goals it serves', () => {
    const row = {
      subject: { kind: 'criterion', quarter: '2027-Q1', criterionId: 'c1' },
      goalIds: ['g1', 'gone'],
    } as AssessmentRowView;
    expect(subjectKey(row.subject)).toBe('criterion-2027-Q1-c1');
    expect(subjectLabel(row, [{ id: 'g1', statement: 'Conversion up' }])).toBe(
      '2027-Q1 criterion · serves: Conversion up; gone',
    );
    expect(shortUrl('https://grafana.example.com/d/checkout/')).toBe('grafana.example.com/d/checkout');
  });
});
