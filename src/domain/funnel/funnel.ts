export type StrategyLevel = 'company' | 'division' | 'cluster';
export const STRATEGY_LEVELS: readonly StrategyLevel[] = ['company', 'division', 'cluster'];

export interface KeyResult {
  id: string;
  description: string;
  metric: string;
  target: string;
}

/** A strategy at one level of the company, with its OKR: one objective and its key results. */
export interface Strategy {
  id: string;
  level: StrategyLevel;
  name: string;
  objective: string;
  keyResults: KeyResult[];
}

/** A strategic initiative serves strategies and is carried out by epics of the tech portfolio. */
export interface StrategicInitiative {
  id: string;
  name: string;
  description: string;
  strategyIds: string[];
  epicKeys: string[];
}

export interface EpicRef {
  key: string;
  summary: string;
}

export interface OkrRef {
  strategyId: string;
  level: StrategyLevel;
  strategyName: string;
  objective: string;
}

export interface EpicTrace {
  epicKey: string;
  summary: string;
  initiatives: { id: string; name: string }[];
  okrs: OkrRef[];
  /** The epic serves no strategy: it is mapped to no initiative, or only to ones that serve nothing. */
  unlinked: boolean;
}

export interface Traceability {
  epics: EpicTrace[];
  /** Strategic initiatives that serve no (known) strategy. */
  unlinkedInitiatives: { id: string; name: string }[];
  /** Epic keys mapped to initiatives that are not in the program's scope (or not visible). */
  mappedOutsideScope: string[];
}

const levelRank = (level: StrategyLevel) => STRATEGY_LEVELS.indexOf(level);

/** Traces every epic in scope up through its strategic initiatives to the OKRs it serves. */
export function traceEpics(
  epics: readonly EpicRef[],
  strategies: readonly Strategy[],
  initiatives: readonly StrategicInitiative[],
): Traceability {
  const strategyById = new Map(strategies.map((s) => [s.id, s]));
  const servedStrategies = (initiative: StrategicInitiative) =>
    initiative.strategyIds.flatMap((id) => {
      const strategy = strategyById.get(id);
      return strategy ? [strategy] : [];
    });

  const traces = epics.map((epic): EpicTrace => {
    const mapped = initiatives.filter((i) => i.epicKeys.includes(epic.key));
    const okrs = new Map<string, OkrRef>();
    for (const initiative of mapped)
      for (const s of servedStrategies(initiative))
        okrs.set(s.id, { strategyId: s.id, level: s.level, strategyName: s.name, objective: s.objective });
    const sorted = [...okrs.values()].sort(
      (a, b) => levelRank(a.level) - levelRank(b.level) || a.strategyName.localeCompare(b.strategyName),
    );
    return {
      epicKey: epic.key,
      summary: epic.summary,
      initiatives: mapped.map((i) => ({ id: i.id, name: i.name })),
      okrs: sorted,
      unlinked: sorted.length === 0,
    };
  });

  const inScope = new Set(epics.map((e) => e.key));
  return {
    epics: traces,
    unlinkedInitiatives: initiatives
      .filter((i) => servedStrategies(i).length === 0)
      .map((i) => ({ id: i.id, name: i.name })),
    mappedOutsideScope: [...new Set(initiatives.flatMap((i) => i.epicKeys))]
      .filter((k) => !inScope.has(k))
      .sort(),
  };
}

/** The strategic initiatives that still serve a strategy (it cannot be removed while they do). */
export function initiativesServing(
  initiatives: readonly StrategicInitiative[],
  strategyId: string,
): StrategicInitiative[] {
  return initiatives.filter((i) => i.strategyIds.includes(strategyId));
}
