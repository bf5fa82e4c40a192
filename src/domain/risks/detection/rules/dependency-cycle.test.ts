import { anExecutionState, anInitiative, STATUS } from '../builders';
import { factsOf } from '../facts';
import { dependencyCycle } from './dependency-cycle';

const detect = (spec: Parameters<typeof anExecutionState>[0]) =>
  dependencyCycle.detect(factsOf(anExecutionState(spec)));

describe('the dependency cycle rule', () => {
  const initiatives = [anInitiative('PAY-1'), anInitiative('ID-4'), anInitiative('MOB-2')];

  it('fires for initiatives that wait for one another, naming the links to break', () => {
    const [risk, ...rest] = detect({
      initiatives,
      edges: [
        ['PAY-1', 'ID-4'],
        ['ID-4', 'PAY-1'],
        ['PAY-1', 'MOB-2'],
      ],
    });
    expect(rest).toHaveLength(0);
    expect(risk?.fingerprint).toBe('dependency-cycle:ID-4,PAY-1');
    expect(risk?.initiativeKeys).toEqual(['ID-4', 'PAY-1']);
    expect(risk?.teamIds).toEqual(expect.arrayContaining(['team-pay', 'team-id']));
    expect(risk?.reason).toContain('ID-4 and PAY-1 wait for one another');
    expect(risk?.reason).toContain('PAY-1 blocks ID-4');
    expect(risk?.probability).toBe(5);
  });

  it('clears once a link of the cycle is gone', () => {
    expect(detect({ initiatives, edges: [['PAY-1', 'ID-4']] })).toEqual([]);
  });

  it('clears when every initiative on the cycle is done', () => {
    const done = initiatives.map((i) => ({ ...i, status: STATUS.done }));
    const edges: [string, string][] = [
      ['PAY-1', 'ID-4'],
      ['ID-4', 'PAY-1'],
    ];
    expect(detect({ initiatives: done, edges })).toEqual([]);
    expect(detect({ initiatives, edges })).toHaveLength(1);
  });

  it('keeps its fingerprint whichever initiative the cycle is read from', () => {
    const edges: [string, string][] = [
      ['PAY-1', 'ID-4'],
      ['ID-4', 'MOB-2'],
      ['MOB-2', 'PAY-1'],
    ];
    const a = detect({ initiatives, edges });
    const b = detect({ initiatives: [...initiatives].reverse(), edges: [...edges].reverse() });
    expect(a[0]?.fingerprint).toBe('dependency-cycle:ID-4,MOB-2,PAY-1');
    expect(b[0]?.fingerprint).toBe(a[0]?.fingerprint);
  });
});
