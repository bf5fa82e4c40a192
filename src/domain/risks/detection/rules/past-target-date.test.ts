import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../builders';
import { factsOf } from '../facts';
import { pastTargetDate } from './past-target-date';

const detect = (spec: StateSpec) => pastTargetDate.detect(factsOf(anExecutionState(spec)));
const child = (key: string, status: 'new' | 'indeterminate' | 'done') => ({ key, status, storyPoints: null });

describe('the past target date rule', () => {
  const late = anInitiative('PAY-3', {
    status: STATUS.doing,
    targetDate: '2027-01-31',
    children: [child('PAY-31', 'done'), child('PAY-32', 'indeterminate'), child('PAY-33', 'new')],
  });

  it('fires for an open initiative past its target date, with its progress and who waits', () => {
    const [risk] = detect({
      today: '2027-02-10',
      initiatives: [late, anInitiative('MOB-2')],
      edges: [['PAY-3', 'MOB-2']],
    });
    expect(risk?.fingerprint).toBe('past-target-date:PAY-3');
    expect(risk?.reason).toBe(
      'PAY-3 was due 2027-01-31 (10 days ago) and is not done: In Progress, 1 of 3 child issues done. MOB-2 waits for it.',
    );
    expect(risk?.impact).toBe(4);
  });

  it.each([
    ['it is done', { ...late, status: STATUS.done }, '2027-02-10'],
    ['its target date moves out', { ...late, targetDate: '2027-03-15' }, '2027-02-10'],
    ['today is its target date', late, '2027-01-31'],
  ])('clears when %s', (_case, initiative, today) => {
    expect(detect({ today, initiatives: [initiative] })).toEqual([]);
  });
});
