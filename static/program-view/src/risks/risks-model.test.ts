import type { RegisterRisk, RiskSyncSummary } from '../../../../src/contract';
import {
  emptyRegister,
  filterCounts,
  filterRisks,
  historyLine,
  problemsFirstOpen,
  ruleLabel,
  syncSummary,
} from './risks-model';

const aRisk = (id: string, overrides: Partial<RegisterRisk> = {}): RegisterRisk => ({
  id,
  title: id,
  probability: 3,
  impact: 3,
  ownerAccountId: null,
  mitigation: '',
  status: 'open',
  source: 'manual',
  version: 1,
  severity: 'medium',
  score: 9,
  canManageProblem: false,
  ...overrides,
});

const problem = (happenedAt: string, resolvedAt: string | null) => ({
  description: 'd',
  ownerAccountId: 'a',
  resolution: '',
  happenedAt,
  resolvedAt,
});

const register = [
  aRisk('open'),
  aRisk('mitigating', { status: 'mitigating' }),
  aRisk('accepted', { status: 'accepted' }),
  aRisk('happened', { status: 'happened', problem: problem('2027-02-01T00:00:00Z', null) }),
  aRisk('resolved', { status: 'closed', problem: problem('2027-02-03T00:00:00Z', '2027-02-05') }),
  aRisk('closed', { status: 'closed' }),
];

describe('the register filter', () => {
  it.each([
    ['live', ['open', 'mitigating', 'accepted']],
    ['problems', ['happened', 'resolved']],
    ['closed', ['closed']],
    ['all', ['open', 'mitigating', 'accepted', 'happened', 'resolved', 'closed']],
  ] as const)('%s shows %j', (filter, ids) => {
    expect(filterRisks(register, filter).map((r) => r.id)).toEqual(ids);
  });

  it('counts each choice', () => {
    expect(filterCounts(register)).toEqual({ live: 3, problems: 2, closed: 1, all: 6 });
  });

  it('lists open problems before resolved ones', () => {
    expect(problemsFirstOpen(register).map((r) => r.id)).toEqual(['happened', 'resolved']);
  });
});

describe('an empty register', () => {
  it('tells a reader with no open risk where to add one, and an owner that Detect now checks at once', () => {
    expect(emptyRegister('live', false).description).toMatch(
      /^Add a risk you foresee under Risks on the Overview tab\./,
    );
    expect(emptyRegister('live', false).description).not.toContain('Detect now');
    expect(emptyRegister('all', true).description).toContain('Detect now above checks at once');
  });

  it('tells how a risk becomes a problem, and how one closes', () => {
    expect(emptyRegister('problems', true)).toMatchObject({ header: 'No problems recorded' });
    expect(emptyRegister('problems', true).description).toContain('“It happened”');
    expect(emptyRegister('closed', true).description).toContain('the condition the app detected clears');
  });
});

describe('register wording', () => {
  const people = [{ accountId: 'tpm', displayName: 'Morgan Reyes' }];

  it('says who changed a status, the app included', () => {
    expect(
      historyLine(
        { at: '2027-02-10T06:00:00Z', by: null, from: 'open', to: 'closed', note: 'condition cleared' },
        people,
      ),
    ).toBe('2027-02-10 · the app: open → closed (condition cleared)');
    expect(
      historyLine({ at: '2027-02-01T06:00:00Z', by: 'tpm', from: null, to: 'open', note: '' }, people),
    ).toBe('2027-02-01 · Morgan Reyes: open');
  });

  it('names rules, and shows an unknown one as it is', () => {
    expect(ruleLabel('commitment-declined')).toBe('Commitment declined');
    expect(ruleLabel('retired-rule')).toBe('retired-rule');
    expect(ruleLabel(undefined)).toBe('—');
  });

  it('sums up what Detect now did', () => {
    const none: RiskSyncSummary = {
      detectedAt: '',
      opened: [],
      refreshed: [],
      closed: [],
      reopened: [],
      cleared: [],
      duplicates: [],
      conflicts: [],
      unchanged: 0,
    };
    expect(syncSummary(none)).toBe('Nothing changed in the register.');
    expect(syncSummary({ ...none, opened: ['a', 'b'], closed: ['c'], unchanged: 1, conflicts: ['d'] })).toBe(
      '2 risks opened, 1 closed (condition cleared). 1 risk still detected as before. 1 risk changed by someone meanwhile: left for the next run.',
    );
  });
});
