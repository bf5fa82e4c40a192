import {
  aStrategicInitiative,
  aStrategy,
  anExecutionState,
  anInitiative,
  STATUS,
  type StateSpec,
} from '../builders';
import { factsOf } from '../facts';
import { noOkr } from './no-okr';

const detect = (spec: StateSpec) => noOkr.detect(factsOf(anExecutionState(spec)));

describe('the no-OKR rule', () => {
  const initiatives = [anInitiative('PAY-1'), anInitiative('PAY-2'), anInitiative('MOB-1')];
  const strategies = [aStrategy('growth')];

  it('fires for each open initiative that serves no strategy, saying why', () => {
    const found = detect({
      initiatives,
      strategies,
      strategicInitiatives: [
        aStrategicInitiative('checkout', ['growth'], ['PAY-1']),
        aStrategicInitiative('observability', [], ['MOB-1']),
      ],
    });
    expect(found.map((r) => r.fingerprint)).toEqual(['no-okr:PAY-2', 'no-okr:MOB-1']);
    expect(found[0]?.reason).toBe('PAY-2 serves no OKR: no strategic initiative of the program includes it.');
    expect(found[1]?.reason).toBe(
      'MOB-1 serves no OKR: it belongs to Initiative observability, which serves no strategy.',
    );
  });

  it('clears once the initiative is traced to a strategy, or done', () => {
    expect(
      detect({
        initiatives: [initiatives[0]!, initiatives[1]!, anInitiative('MOB-1', { status: STATUS.done })],
        strategies,
        strategicInitiatives: [aStrategicInitiative('checkout', ['growth'], ['PAY-1', 'PAY-2'])],
      }),
    ).toEqual([]);
  });
});
