import { anExecutionState, anInitiative, aStrategicInitiative, aStrategy, type StateSpec } from './builders';
import { detectRisks, RISK_RULES } from './index';
import { riskScore } from '../risk';

const traced = {
  strategies: [aStrategy('growth')],
  strategicInitiatives: [
    aStrategicInitiative('all', ['growth'], ['PAY-1', 'PAY-2', 'ID-4', 'PAY-12', 'MOB-2']),
  ],
};

const troubled: StateSpec = {
  ...traced,
  initiatives: [
    anInitiative('ID-4', { targetDate: '2027-01-29' }),
    anInitiative('PAY-12'),
    anInitiative('PAY-1'),
    anInitiative('PAY-2'),
    anInitiative('MOB-2'),
  ],
  edges: [
    ['ID-4', 'PAY-12'],
    ['PAY-1', 'PAY-2'],
    ['PAY-2', 'PAY-1'],
    ['MOB-2', 'PAY-12'],
  ],
  plan: {
    chosen: ['ID-4', 'PAY-12', 'PAY-1', 'PAY-2'],
    estimates: { 'ID-4': 2, 'PAY-12': 1, 'PAY-1': 1, 'PAY-2': 1 },
    commitments: [{ from: 'ID-4', to: 'PAY-12', status: 'declined', reason: 'No capacity' }],
  },
};

describe('risk detection', () => {
  it('finds nothing in a healthy, traced, committed plan', () => {
    const state = anExecutionState({
      ...traced,
      initiatives: [anInitiative('ID-4'), anInitiative('PAY-12')],
      edges: [['ID-4', 'PAY-12']],
      plan: {
        estimates: { 'ID-4': 1, 'PAY-12': 1 },
        commitments: [{ from: 'ID-4', to: 'PAY-12', status: 'committed' }],
        baseline: 'now',
      },
    });
    expect(detectRisks(state)).toEqual([]);
  });

  it('runs every rule and lists the worst first', () => {
    const found = detectRisks(anExecutionState(troubled));
    const rules = new Set(found.map((r) => r.rule));
    expect(rules).toEqual(
      new Set([
        'dependency-cycle',
        'commitment-declined',
        // MOB-2 → PAY-12 crosses teams and nobody answered for it.
        'commitment-missing',
        'past-target-date',
        'dependency-unplanned',
      ]),
    );
    for (let i = 1; i < found.length; i++)
      expect(riskScore(found[i - 1]!)).toBeGreaterThanOrEqual(riskScore(found[i]!));
    expect(found[0]?.rule).toBe('dependency-cycle');
  });

  it('gives the same list, fingerprints included, for the same state read in another order', () => {
    const again: StateSpec = {
      ...troubled,
      initiatives: [...(troubled.initiatives ?? [])].reverse(),
      edges: [...(troubled.edges ?? [])].reverse(),
    };
    expect(detectRisks(anExecutionState(again))).toEqual(detectRisks(anExecutionState(troubled)));
  });

  it('keeps one risk per fingerprint', () => {
    const found = detectRisks(
      anExecutionState({ ...troubled, edges: [...(troubled.edges ?? []), ['ID-4', 'PAY-12']] }),
    );
    const fingerprints = found.map((r) => r.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('has one rule for every rule id, with readable reasons naming issue keys', () => {
    expect(new Set(RISK_RULES.map((r) => r.id)).size).toBe(RISK_RULES.length);
    for (const risk of detectRisks(anExecutionState(troubled))) {
      expect(risk.fingerprint.startsWith(`${risk.rule}:`)).toBe(true);
      for (const key of risk.initiativeKeys) expect(`${risk.title} ${risk.reason}`).toContain(key);
      expect(risk.probability).toBeGreaterThanOrEqual(1);
      expect(risk.impact).toBeLessThanOrEqual(5);
    }
  });

  it('lists every issue its title or reason names, so a viewer who cannot browse one is not shown it', () => {
    const found = detectRisks(anExecutionState(troubled));
    expect(found.length).toBeGreaterThan(0);
    for (const risk of found)
      for (const [key] of `${risk.title} ${risk.reason}`.matchAll(/\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b/g))
        expect(risk.initiativeKeys).toContain(key);
  });
});
