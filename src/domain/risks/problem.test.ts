import { recordProblem, updateProblem } from './problem';
import { reviseRisk, type Risk } from './risk';

const aRisk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'risk-psp',
  title: 'Payment provider contract late',
  probability: 3,
  impact: 5,
  ownerAccountId: 'lena',
  mitigation: '',
  status: 'open',
  source: 'manual',
  history: [{ at: '2027-01-05T09:00:00Z', by: 'tpm', from: null, to: 'open', note: 'recorded' }],
  ...overrides,
});
const AT = '2027-02-10T09:00:00.000Z';

function ok(decision: ReturnType<typeof recordProblem>): Risk {
  if (!decision.ok) throw new Error(decision.refusal.message);
  return decision.risk;
}

describe('a risk that happened', () => {
  it('becomes a problem with its owner and what happened, the change kept in its history', () => {
    const problem = ok(
      recordProblem(aRisk(), { description: 'Contract slipped to May', ownerAccountId: 'lena' }, AT, 'tpm'),
    );
    expect(problem.status).toBe('happened');
    expect(problem.problem).toEqual({
      description: 'Contract slipped to May',
      ownerAccountId: 'lena',
      resolution: '',
      happenedAt: AT,
      resolvedAt: null,
    });
    expect(problem.history?.at(-1)).toEqual({
      at: AT,
      by: 'tpm',
      from: 'open',
      to: 'happened',
      note: 'recorded as a problem',
    });
  });

  it('is refused a second time', () => {
    const problem = ok(recordProblem(aRisk(), { description: 'x', ownerAccountId: 'lena' }, AT, 'tpm'));
    const again = recordProblem(problem, { description: 'y', ownerAccountId: 'lena' }, AT, 'tpm');
    expect(again.ok ? undefined : again.refusal.kind).toBe('already-a-problem');
  });

  it('closes when resolved and reopens when the resolution date is cleared', () => {
    const problem = ok(recordProblem(aRisk(), { description: 'x', ownerAccountId: 'lena' }, AT, 'tpm'));
    const resolved = ok(
      updateProblem(problem, { resolution: 'Second provider live', resolvedAt: '2027-02-20' }, AT, 'lena'),
    );
    expect(resolved.status).toBe('closed');
    expect(resolved.problem?.resolution).toBe('Second provider live');
    expect(resolved.history?.map((h) => h.to)).toEqual(['open', 'happened', 'closed']);
    const reopened = ok(
      updateProblem(resolved, { resolution: 'Provider failed again', resolvedAt: null }, AT, 'lena'),
    );
    expect(reopened.status).toBe('happened');
    expect(reopened.history?.at(-1)?.note).toBe('problem reopened');
  });

  it('keeps its status while only the resolution or owner changes', () => {
    const problem = ok(recordProblem(aRisk(), { description: 'x', ownerAccountId: 'lena' }, AT, 'tpm'));
    const updated = ok(
      updateProblem(
        problem,
        { resolution: 'Talking to legal', resolvedAt: null, ownerAccountId: 'ravi' },
        AT,
        'tpm',
      ),
    );
    expect(updated.status).toBe('happened');
    expect(updated.problem?.ownerAccountId).toBe('ravi');
    expect(updated.history).toEqual(problem.history);
  });

  it.each([
    ['a risk that has not happened', aRisk(), '2027-02-20', 'not-a-problem'],
    [
      'a date before it happened',
      ok(recordProblem(aRisk(), { description: 'x', ownerAccountId: 'lena' }, AT, 'tpm')),
      '2027-02-01',
      'resolved-before-it-happened',
    ],
  ])('refuses resolving %s', (_case, risk, resolvedAt, kind) => {
    const decision = updateProblem(risk, { resolution: 'r', resolvedAt }, AT, 'tpm');
    expect(decision.ok ? undefined : decision.refusal.kind).toBe(kind);
  });
});

describe('an edited risk', () => {
  const fields = {
    title: 'T',
    probability: 2,
    impact: 2,
    ownerAccountId: null,
    mitigation: 'm',
    status: 'open' as const,
  };

  it('keeps what detection and the problem recorded', () => {
    const detected = aRisk({
      source: 'detected',
      fingerprint: 'f',
      reason: 'why',
      initiativeKeys: ['PAY-1'],
    });
    const edited = reviseRisk('risk-psp', fields, detected, { at: AT, by: 'tpm' });
    expect(edited).toMatchObject({
      source: 'detected',
      fingerprint: 'f',
      reason: 'why',
      initiativeKeys: ['PAY-1'],
      title: 'T',
    });
  });

  it('records a status change in its history, and a new risk’s first status', () => {
    const edited = reviseRisk('risk-psp', { ...fields, status: 'mitigating' }, aRisk(), {
      at: AT,
      by: 'tpm',
    });
    expect(edited.history?.at(-1)).toEqual({
      at: AT,
      by: 'tpm',
      from: 'open',
      to: 'mitigating',
      note: 'edited',
    });
    expect(reviseRisk('new', fields, undefined, { at: AT, by: 'tpm' }).history).toEqual([
      { at: AT, by: 'tpm', from: null, to: 'open', note: 'recorded' },
    ]);
  });
});
