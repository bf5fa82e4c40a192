import { traceEpics, type StrategicInitiative, type Strategy } from './funnel';

const company: Strategy = { id: 'c', level: 'company', name: 'Growth', objective: 'Grow', keyResults: [] };
const cluster: Strategy = { id: 'k', level: 'cluster', name: 'Payments', objective: 'Pay', keyResults: [] };
const anInitiative = (overrides: Partial<StrategicInitiative>): StrategicInitiative => ({
  id: 'i',
  name: 'I',
  description: '',
  strategyIds: [],
  epicKeys: [],
  ...overrides,
});

describe('tracing epics to OKRs', () => {
  const trace = traceEpics(
    [
      { key: 'PAY-1', summary: 'Wallets' },
      { key: 'ID-2', summary: 'Login' },
    ],
    [cluster, company],
    [
      anInitiative({ id: 'a', name: 'Checkout', strategyIds: ['k', 'c'], epicKeys: ['PAY-1', 'MOB-9'] }),
      anInitiative({ id: 'b', name: 'Orphan', strategyIds: [], epicKeys: ['ID-2'] }),
    ],
  );

  it('traces an epic through its initiative to every OKR, company level first', () => {
    expect(trace.epics[0]?.okrs.map((o) => o.level)).toEqual(['company', 'cluster']);
    expect(trace.epics[0]?.unlinked).toBe(false);
  });

  it('flags an epic whose initiative serves nothing, and the initiative', () => {
    expect(trace.epics[1]?.unlinked).toBe(true);
    expect(trace.unlinkedInitiatives.map((i) => i.name)).toEqual(['Orphan']);
  });

  it('reports epics mapped to initiatives but outside the scope', () => {
    expect(trace.mappedOutsideScope).toEqual(['MOB-9']);
  });
});
