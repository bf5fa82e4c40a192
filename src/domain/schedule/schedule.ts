import { buildDependencyGraph, compareIssueKeys, findCycles } from '../graph';
import { IdHeap } from './id-heap';
import type {
  PlacedInitiative,
  QuarterSchedule,
  ScheduleInitiative,
  ScheduleInput,
  ScheduleWarning,
  TeamLoad,
  TeamPlacement,
  UnplacedInitiative,
  UnplacedReason,
} from './types';

// Loads may be fractional (0.5); sums are compared with this slack so 0.1 + 0.2 fits in 0.3.
const EPSILON = 1e-9;

/** One team's part of an initiative, on integer indexes. */
interface WorkItem {
  team: number;
  teamName: string;
  duration: number;
  load: number;
}

type Blocked = UnplacedInitiative['blockedBy'];

interface Failure {
  reason: UnplacedReason;
  detail: string;
  blockedBy: Blocked;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Places each initiative in sprints: never before its dependencies end, never over a team's capacity,
 * in order of priority, then critical path, then key. Explains every initiative it cannot place.
 *
 * List scheduling over the dependency graph: an initiative becomes ready once all its dependencies are
 * decided (placed or not); the ready one first in order is placed at the earliest sprints where each of its
 * teams has room. Pinned initiatives reserve their capacity before anything else is placed.
 */
export function schedule(input: ScheduleInput): QuarterSchedule {
  const sprintCount = input.sprints.length;
  const sprintName = (i: number) => input.sprints[i]?.name ?? `sprint ${i + 1}`;
  const warnings: ScheduleWarning[] = [];

  // Teams in name order; a team listed twice keeps its smaller capacity, whatever the input order.
  const capacityByTeam = new Map<string, number>();
  for (const { team, capacityPerSprint } of input.teams) {
    const capacity = Number.isFinite(capacityPerSprint) && capacityPerSprint > 0 ? capacityPerSprint : 0;
    const known = capacityByTeam.get(team);
    if (known !== undefined) {
      warnings.push({
        kind: 'duplicate-team',
        team,
        message: `Team ${team} is listed twice; its smaller capacity is used.`,
      });
      capacityByTeam.set(team, Math.min(known, capacity));
    } else capacityByTeam.set(team, capacity);
  }
  const teamNames = [...capacityByTeam.keys()].sort();
  const teamIndex = new Map(teamNames.map((name, i) => [name, i]));
  const capacity = Float64Array.from(teamNames, (name) => capacityByTeam.get(name)!);
  const used = teamNames.map(() => new Float64Array(sprintCount));

  // Initiatives by key; a repeated key keeps its first entry.
  const byKey = new Map<string, ScheduleInitiative>();
  for (const initiative of input.initiatives) {
    if (byKey.has(initiative.key))
      warnings.push({
        kind: 'duplicate-initiative',
        key: initiative.key,
        message: `Initiative ${initiative.key} is listed twice; its first entry is used.`,
      });
    else byKey.set(initiative.key, initiative);
  }

  // Dependencies between initiatives of the quarter; others are reported and left out.
  const seenLinks = new Set<string>();
  const links: { from: string; to: string }[] = [];
  for (const { from, to } of input.dependencies) {
    const missing = !byKey.has(from) ? from : !byKey.has(to) ? to : undefined;
    if (missing !== undefined) {
      warnings.push({
        kind: 'unknown-dependency',
        key: to,
        message: `The dependency ${from} → ${to} is ignored: ${missing} is not among the quarter's initiatives.`,
      });
      continue;
    }
    const id = `${from}\u0000${to}`;
    if (seenLinks.has(id)) {
      warnings.push({
        kind: 'duplicate-dependency',
        key: to,
        message: `The dependency ${from} → ${to} is listed more than once.`,
      });
      continue;
    }
    seenLinks.add(id);
    links.push({ from, to });
  }

  const graph = buildDependencyGraph(byKey.keys(), links);
  const { keys, outOffsets, outTargets, inOffsets, inSources } = graph;
  const n = keys.length;

  // Work items per initiative, in team order; an estimate naming an unknown team blocks the initiative.
  const items: WorkItem[][] = new Array<WorkItem[]>(n);
  const duration = new Int32Array(n);
  const unknownTeamOf: (string | undefined)[] = new Array<string | undefined>(n);
  const warnedTeams = new Set<string>();
  for (let v = 0; v < n; v++) {
    const initiative = byKey.get(keys[v]!)!;
    const list: WorkItem[] = [];
    for (const estimate of initiative.estimates) {
      if (!Number.isFinite(estimate.sprints) || estimate.sprints <= 0) continue;
      const team = teamIndex.get(estimate.team);
      if (team === undefined) {
        if (unknownTeamOf[v] === undefined || estimate.team < unknownTeamOf[v]!)
          unknownTeamOf[v] = estimate.team;
        if (!warnedTeams.has(estimate.team)) {
          warnedTeams.add(estimate.team);
          warnings.push({
            kind: 'unknown-team',
            team: estimate.team,
            message: `Team ${estimate.team} has estimates but no capacity in this quarter's plan.`,
          });
        }
        continue;
      }
      const load =
        estimate.load === undefined
          ? 1
          : Number.isFinite(estimate.load) && estimate.load >= 0
            ? estimate.load
            : 1;
      list.push({ team, teamName: estimate.team, duration: Math.ceil(estimate.sprints - EPSILON), load });
    }
    list.sort((a, b) => a.team - b.team || b.duration - a.duration || b.load - a.load);
    items[v] = list;
    for (const item of list) if (item.duration > duration[v]!) duration[v] = item.duration;
  }

  // Cycles: every member of a tangle is unplaced with the tangle's shortest cycle as the explanation.
  const failure: (Failure | undefined)[] = new Array<Failure | undefined>(n);
  const onCycle = new Uint8Array(n);
  for (const { path, members } of findCycles(graph)) {
    for (const key of members) {
      const v = graph.idOf.get(key)!;
      onCycle[v] = 1;
      const through = path.includes(key);
      failure[v] = {
        reason: 'cycle',
        detail: through
          ? `${key} is in a dependency cycle: ${path.join(' → ')}. No order of work satisfies it.`
          : `${key} is tangled in dependencies that go round in a cycle (${path.join(' → ')}) with ${members
              .filter((m) => m !== key)
              .join(', ')}.`,
        blockedBy: { cycle: path },
      };
    }
  }

  // Critical path: the longest chain of durations from each initiative to the end, over the acyclic rest.
  const indegree = new Int32Array(n);
  for (let v = 0; v < n; v++)
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) if (!onCycle[inSources[e]!]) indegree[v]!++;
  const order = new Int32Array(n);
  let orderLength = 0;
  {
    const pending = indegree.slice();
    for (let v = 0; v < n; v++) if (!onCycle[v] && pending[v] === 0) order[orderLength++] = v;
    for (let head = 0; head < orderLength; head++) {
      const u = order[head]!;
      for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
        const w = outTargets[e]!;
        if (!onCycle[w] && --pending[w]! === 0) order[orderLength++] = w;
      }
    }
  }
  const chain = new Float64Array(n);
  for (let i = orderLength - 1; i >= 0; i--) {
    const u = order[i]!;
    let longest = 0;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      const w = outTargets[e]!;
      if (!onCycle[w] && chain[w]! > longest) longest = chain[w]!;
    }
    chain[u] = duration[u]! + longest;
  }

  // Order: priority (lower first, none last), then critical path (longer first), then key.
  const priority = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const p = byKey.get(keys[v]!)!.priority;
    priority[v] = p !== undefined && Number.isFinite(p) ? p : Infinity;
  }
  const mode = input.options?.criticalPath ?? 'tiebreak';
  const before = (a: number, b: number): boolean => {
    if (mode === 'first' && chain[a] !== chain[b]) return chain[a]! > chain[b]!;
    if (priority[a] !== priority[b]) return priority[a]! < priority[b]!;
    if (mode === 'tiebreak' && chain[a] !== chain[b]) return chain[a]! > chain[b]!;
    return a < b;
  };

  const start = new Int32Array(n).fill(-1);
  const end = new Int32Array(n).fill(-1);
  const placements: (TeamPlacement[] | undefined)[] = new Array<TeamPlacement[] | undefined>(n);

  const reserve = (item: WorkItem, from: number, sign: 1 | -1) => {
    const row = used[item.team]!;
    for (let s = from; s < from + item.duration; s++) row[s]! += sign * item.load;
  };
  const fits = (item: WorkItem, s: number) =>
    used[item.team]![s]! + item.load <= capacity[item.team]! + EPSILON;

  const noEstimate = (v: number): Failure | undefined => {
    if (items[v]!.length > 0 || unknownTeamOf[v] !== undefined) return undefined;
    return {
      reason: 'no-estimate',
      detail: `${keys[v]} has no estimate in sprints from any team.`,
      blockedBy: {},
    };
  };
  const unknownTeam = (v: number): Failure | undefined => {
    const team = unknownTeamOf[v];
    if (team === undefined) return undefined;
    return {
      reason: 'capacity',
      detail: `${keys[v]} needs team ${team}, which has no capacity in this quarter's plan.`,
      blockedBy: { team },
    };
  };

  // Pinned initiatives reserve their sprints first, in scheduling order, so later work cannot take them.
  const pinned = new Uint8Array(n);
  {
    const pinOrder: number[] = [];
    for (let v = 0; v < n; v++) if (byKey.get(keys[v]!)!.pin && !onCycle[v]) pinOrder.push(v);
    pinOrder.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    for (const v of pinOrder) {
      pinned[v] = 1;
      const problem = noEstimate(v) ?? unknownTeam(v) ?? pinProblem(v);
      if (problem) {
        failure[v] = problem;
        continue;
      }
      const at = byKey.get(keys[v]!)!.pin!.startSprint;
      for (const item of items[v]!) reserve(item, at, 1);
      start[v] = at;
    }
  }

  function pinProblem(v: number): Failure | undefined {
    const key = keys[v]!;
    const at = byKey.get(key)!.pin!.startSprint;
    if (!Number.isInteger(at) || at < 0 || at >= sprintCount)
      return {
        reason: 'pin-conflict',
        detail: `${key} is pinned to start in sprint number ${at + 1}, but the quarter has ${plural(sprintCount, 'sprint')}.`,
        blockedBy: { sprint: at },
      };
    for (const item of items[v]!) {
      if (at + item.duration > sprintCount)
        return {
          reason: 'pin-conflict',
          detail: `${key} is pinned to start in ${sprintName(at)}, but team ${item.teamName} needs ${plural(item.duration, 'sprint')}, past the quarter's last sprint, ${sprintName(sprintCount - 1)}.`,
          blockedBy: { team: item.teamName, sprint: at },
        };
      for (let s = at; s < at + item.duration; s++)
        if (!fits(item, s))
          return {
            reason: 'pin-conflict',
            detail: `${key} is pinned to start in ${sprintName(at)}, but team ${item.teamName} has no room in ${sprintName(s)}: ${round(used[item.team]![s]!)} of ${capacity[item.team]} used, ${item.load} more needed.`,
            blockedBy: { team: item.teamName, sprint: s },
          };
    }
    return undefined;
  }

  const release = (v: number) => {
    if (start[v]! < 0) return;
    for (const item of items[v]!) reserve(item, start[v]!, -1);
    start[v] = -1;
  };

  /** Places every team item of v at its earliest room from `earliest`, or says why it cannot. */
  function place(v: number, earliest: number, latestDependency: number): Failure | undefined {
    const key = keys[v]!;
    const done: { item: WorkItem; at: number }[] = [];
    let problem: Failure | undefined;
    for (const item of items[v]!) {
      const at = earliestRoom(item, earliest);
      if (at >= 0) {
        reserve(item, at, 1);
        done.push({ item, at });
        continue;
      }
      problem = whyNoRoom(key, item, earliest, latestDependency);
      break;
    }
    if (problem) {
      for (const { item, at } of done) reserve(item, at, -1);
      return problem;
    }
    const perTeam = done
      .map(({ item, at }) => ({
        team: item.teamName,
        startSprint: at,
        endSprint: at + item.duration - 1,
        load: item.load,
      }))
      .sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : a.startSprint - b.startSprint));
    placements[v] = perTeam;
    start[v] = Math.min(...perTeam.map((p) => p.startSprint));
    end[v] = Math.max(...perTeam.map((p) => p.endSprint));
    return undefined;
  }

  function earliestRoom(item: WorkItem, earliest: number): number {
    let s = earliest;
    while (s + item.duration <= sprintCount) {
      let blocked = -1;
      for (let t = s + item.duration - 1; t >= s; t--)
        if (!fits(item, t)) {
          blocked = t;
          break;
        }
      if (blocked < 0) return s;
      s = blocked + 1;
    }
    return -1;
  }

  function whyNoRoom(key: string, item: WorkItem, earliest: number, latestDependency: number): Failure {
    const team = item.teamName;
    if (item.duration > sprintCount)
      return {
        reason: 'beyond-quarter',
        detail: `${key} needs ${plural(item.duration, 'sprint')} of team ${team}, more than the quarter's ${plural(sprintCount, 'sprint')}.`,
        blockedBy: { team },
      };
    if (item.load > capacity[item.team]! + EPSILON)
      return {
        reason: 'capacity',
        detail: `${key} needs ${item.load} of team ${team}'s capacity per sprint, more than its ${capacity[item.team]}.`,
        blockedBy: { team },
      };
    if (earliest + item.duration > sprintCount) {
      const dependency = keys[latestDependency]!;
      return {
        reason: 'beyond-quarter',
        detail: `${key} can start only after ${dependency} ends in ${sprintName(end[latestDependency]!)}, and team ${team} needs ${plural(item.duration, 'sprint')}: past the quarter's last sprint, ${sprintName(sprintCount - 1)}.`,
        blockedBy: { dependency, team, sprint: end[latestDependency]! },
      };
    }
    // Name the first full sprint where the work could otherwise have started.
    let full = earliest;
    while (full < sprintCount - 1 && fits(item, full)) full++;
    return {
      reason: 'capacity',
      detail: `${key} does not fit the quarter: team ${team} is at capacity in ${sprintName(full)} (${round(used[item.team]![full]!)} of ${capacity[item.team]} used) and has no ${plural(item.duration, 'sprint')} in a row with ${item.load} free${latestDependency >= 0 ? ` after ${keys[latestDependency]} ends` : ''}.`,
      blockedBy: { team, sprint: full },
    };
  }

  // Why an initiative's unplaced dependency blocks it, carrying the first cause along the chain.
  const rootCause = new Int32Array(n).fill(-1);
  const dependencyUnplaced = (v: number, dependency: number): Failure => {
    const root = rootCause[dependency]! >= 0 ? rootCause[dependency]! : dependency;
    rootCause[v] = root;
    const rootFailure = failure[root]!;
    const via = root === dependency ? '' : `, which waits for ${keys[root]}`;
    return {
      reason: 'dependency-unplaced',
      detail: `${keys[v]} waits for ${keys[dependency]}${via}, which is not placed: ${rootFailure.detail}`,
      blockedBy: rootFailure.blockedBy.cycle
        ? { dependency: keys[dependency]!, cycle: rootFailure.blockedBy.cycle }
        : { dependency: keys[dependency]! },
    };
  };

  // Kahn's order over the acyclic part, the ready initiative first in scheduling order taken first. Links
  // from cycle members are not counted, so initiatives after a cycle come up and are explained too.
  const pending = indegree;
  const ready = new IdHeap(n, before);
  for (let v = 0; v < n; v++) if (!onCycle[v] && pending[v] === 0) ready.push(v);
  while (ready.size > 0) {
    const v = ready.pop();
    let blockedBy = -1;
    let latest = -1;
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
      const u = inSources[e]!;
      if (end[u]! < 0) {
        if (blockedBy < 0) blockedBy = u;
      } else if (latest < 0 || end[u]! > end[latest]!) latest = u;
    }
    const earliest = latest < 0 ? 0 : end[latest]! + 1;
    if (pinned[v]) {
      if (!failure[v]) {
        if (blockedBy >= 0) failure[v] = dependencyUnplaced(v, blockedBy);
        else if (earliest > start[v]!)
          failure[v] = {
            reason: 'pin-conflict',
            detail: `${keys[v]} is pinned to start in ${sprintName(start[v]!)}, but its dependency ${keys[latest]} ends in ${sprintName(end[latest]!)}.`,
            blockedBy: { dependency: keys[latest]!, sprint: start[v]! },
          };
        if (failure[v]) release(v);
        else {
          const at = start[v]!;
          placements[v] = items[v]!.map((item) => ({
            team: item.teamName,
            startSprint: at,
            endSprint: at + item.duration - 1,
            load: item.load,
          })).sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
          end[v] = at + duration[v]! - 1;
        }
      }
    } else {
      failure[v] =
        noEstimate(v) ??
        unknownTeam(v) ??
        (blockedBy >= 0 ? dependencyUnplaced(v, blockedBy) : place(v, earliest, latest));
    }
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) {
      const w = outTargets[e]!;
      if (!onCycle[w] && --pending[w]! === 0) ready.push(w);
    }
  }

  const initiatives: PlacedInitiative[] = [];
  const unplaced: UnplacedInitiative[] = [];
  for (let v = 0; v < n; v++) {
    const problem = failure[v];
    if (problem) unplaced.push({ key: keys[v]!, ...problem });
    else
      initiatives.push({
        key: keys[v]!,
        startSprint: start[v]!,
        endSprint: end[v]!,
        perTeam: placements[v]!,
        pinned: pinned[v] === 1,
      });
  }
  const load: TeamLoad[] = teamNames.map((team, t) => ({
    team,
    capacityPerSprint: capacity[t]!,
    used: Array.from(used[t]!, round),
  }));
  return { initiatives, unplaced, load, warnings: sortWarnings(warnings) };
}

function sortWarnings(warnings: ScheduleWarning[]): ScheduleWarning[] {
  return warnings.sort(
    (a, b) =>
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      compareIssueKeys(a.key ?? '', b.key ?? '') ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
