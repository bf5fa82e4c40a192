import { recordAgreement } from '../agreement/agreement';
import { newGoal, reviseGoal } from './goal';

const terms = {
  statement: 'Conversion up',
  metric: '%',
  baseline: '2.1',
  target: '2.6',
  dueDate: '2027-06-30',
};

describe('editing an agreed goal', () => {
  const agreed = recordAgreement(
    newGoal('g', terms),
    ['sponsor', 'sponsor'],
    '2027-01-01T00:00:00Z',
    'tpm',
    'ok',
  );

  it('records each person who agreed once', () => {
    expect(agreed.agreement?.agreedBy).toEqual(['sponsor']);
  });

  it('clears the agreement and keeps the agreed terms in the history', () => {
    const revised = reviseGoal(agreed, { ...terms, target: '3.0' }, '2027-02-01T00:00:00Z', 'tpm');
    expect(revised.target).toBe('3.0');
    expect(revised.agreement).toBeNull();
    expect(revised.history).toHaveLength(1);
    expect(revised.history[0]?.previous.target).toBe('2.6');
    expect(revised.history[0]?.voidedAgreement?.agreedBy).toEqual(['sponsor']);
  });

  it('keeps the agreement when nothing changed', () => {
    expect(reviseGoal(agreed, { ...terms }, '2027-02-01T00:00:00Z', 'tpm').agreement).not.toBeNull();
  });
});
