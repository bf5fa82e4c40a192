import { renderRiskReport } from './documents';
import { raw } from './storage-format';
import { buildContent, buildProgram, buildRisk } from './test-builders';

const people = [
  { accountId: 'tpm-1', displayName: 'Morgan Reyes' },
  { accountId: 'lead-1', displayName: 'Lena Fischer' },
];

const detected = buildRisk({
  id: 'det-1',
  title: 'ID-4 → PAY-12: commitment declined',
  source: 'detected',
  rule: 'commitment-declined',
  fingerprint: 'commitment-declined:ID-4>PAY-12',
  reason: 'Identity declined to deliver ID-4 for PAY-12: “No capacity <before> March & later”.',
  detectedAt: '2027-01-05T06:00:00.000Z',
  probability: 5,
  impact: 4,
});

const problem = buildRisk({
  id: 'psp',
  title: 'Payment provider contract late',
  status: 'happened',
  problem: {
    description: 'Contract slipped to May',
    ownerAccountId: 'lead-1',
    resolution: 'Second provider <onboarding>',
    happenedAt: '2027-02-01T09:00:00.000Z',
    resolvedAt: null,
  },
});

const render = (risks = [detected, problem]) =>
  raw(renderRiskReport(buildContent({ program: buildProgram({ people }), risks })).body);

describe('the risk & problem report', () => {
  it('gives a detected risk its reason, its rule and when it was detected, escaped', () => {
    const body = render();
    expect(body).toContain(
      'Identity declined to deliver ID-4 for PAY-12: “No capacity &lt;before&gt; March &amp; later”.',
    );
    expect(body).toContain('detected: commitment declined');
    expect(body).toContain('detected 2027-01-05');
    expect(body).not.toContain('<before>');
  });

  it('lists problems with what happened, their owner and resolution, before the live risks', () => {
    const body = render();
    const problems = body.indexOf('Problems (risks that happened)');
    const risks = body.indexOf('Risks, worst first');
    const row = body.indexOf('Contract slipped to May');
    expect(row).toBeGreaterThan(problems);
    expect(row).toBeLessThan(risks);
    expect(body.slice(problems, risks)).toContain('Lena Fischer');
    expect(body.slice(problems, risks)).toContain('Second provider &lt;onboarding&gt;');
    expect(body.slice(problems, risks)).not.toContain('commitment declined');
  });

  it('keeps a resolved problem among the problems, marked resolved, not among closed risks', () => {
    const resolved = buildRisk({
      ...problem,
      status: 'closed',
      problem: { ...problem.problem!, resolution: 'Second provider live', resolvedAt: '2027-02-20' },
    });
    const body = render([resolved]);
    expect(body.indexOf('resolved 2027-02-20')).toBeLessThan(body.indexOf('Risks, worst first'));
    expect(body).toContain('Closed risks (0)');
  });

  it('says when a closed detected risk’s condition cleared', () => {
    const body = render([{ ...detected, status: 'closed', clearedAt: '2027-02-03T06:00:00.000Z' }]);
    expect(body).toContain('Closed risks (1)');
    expect(body).toContain('condition cleared 2027-02-03');
  });
});
