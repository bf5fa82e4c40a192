import type { DependencyGraph } from '../dependency-graph/dependency-graph';

export interface CrossTeamEdge {
  from: string;
  to: string;
  /** The team that must deliver first. */
  fromTeam: string;
  /** The team that waits. */
  toTeam: string;
}

export interface TeamPairCount {
  fromTeam: string;
  toTeam: string;
  count: number;
}

export interface CrossTeamDependencies {
  /** Links whose two ends are owned by different teams, by source then target in key order. */
  edges: CrossTeamEdge[];
  /** Cross-team links per (delivering team → waiting team), most first, then by team names. */
  pairs: TeamPairCount[];
  /** Initiatives with no known team: their links are never counted as cross-team. */
  withoutTeam: string[];
}

/** The dependencies that cross team boundaries: the ones that need a commitment between two teams. */
export function crossTeamEdges(
  graph: DependencyGraph,
  teamOf: ReadonlyMap<string, string> | ((key: string) => string | null | undefined),
): CrossTeamDependencies {
  const lookup = typeof teamOf === 'function' ? teamOf : (key: string) => teamOf.get(key);
  const { keys, outOffsets, outTargets } = graph;
  const teams = keys.map((key) => lookup(key) || undefined);
  const edges: CrossTeamEdge[] = [];
  const pairCounts = new Map<string, TeamPairCount>();
  for (let v = 0; v < keys.length; v++) {
    const fromTeam = teams[v];
    if (fromTeam === undefined) continue;
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) {
      const w = outTargets[e]!;
      const toTeam = teams[w];
      if (toTeam === undefined || toTeam === fromTeam) continue;
      edges.push({ from: keys[v]!, to: keys[w]!, fromTeam, toTeam });
      const pairKey = JSON.stringify([fromTeam, toTeam]);
      const pair = pairCounts.get(pairKey);
      if (pair) pair.count++;
      else pairCounts.set(pairKey, { fromTeam, toTeam, count: 1 });
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const pairs = [...pairCounts.values()].sort(
    (a, b) => b.count - a.count || byName(a.fromTeam, b.fromTeam) || byName(a.toTeam, b.toTeam),
  );
  const withoutTeam = keys.filter((_, v) => teams[v] === undefined);
  return { edges, pairs, withoutTeam };
}
