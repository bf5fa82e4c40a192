// An open initiative that serves no OKR: no strategic initiative maps it, or only ones serving no strategy.
// Work nobody can tie to the strategy is the first to lose its people. Probability 2, impact 2.
import { traceEpics } from '../../../funnel/funnel';
import type { RiskRule } from '../facts';

export const noOkr: RiskRule = {
  id: 'no-okr',
  detect({ state, isDone, teamIdsOf }) {
    const open = state.initiatives.filter((i) => !isDone(i.key));
    const { epics } = traceEpics(open, state.strategies, state.strategicInitiatives);
    return epics
      .filter((trace) => trace.unlinked)
      .map((trace) => ({
        rule: 'no-okr' as const,
        fingerprint: `no-okr:${trace.epicKey}`,
        title: `${trace.epicKey} serves no OKR`,
        reason:
          trace.initiatives.length === 0
            ? `${trace.epicKey} serves no OKR: no strategic initiative of the program includes it.`
            : `${trace.epicKey} serves no OKR: it belongs to ${trace.initiatives.map((i) => i.name).join(', ')}, which serve${trace.initiatives.length === 1 ? 's' : ''} no strategy.`,
        probability: 2,
        impact: 2,
        initiativeKeys: [trace.epicKey],
        teamIds: teamIdsOf([trace.epicKey]),
      }));
  },
};
