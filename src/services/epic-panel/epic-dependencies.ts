// The epic's upstream and downstream dependencies, per program it is in, cut from the program's graph.
import type {
  EpicDependencies,
  EpicDependency,
  EpicProgramDependencies,
  ProgramDependencies,
} from '../../contract';
import type { PanelEpic } from './epic-programs';

/** This epic's edges and external links in one program's dependency graph. */
export function dependenciesOfEpic(epicKey: string, graph: ProgramDependencies): EpicProgramDependencies {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const fromNode = (
    key: string,
    direction: EpicDependency['direction'],
    evidence: EpicDependency['evidence'],
  ) => {
    const node = nodes.get(key);
    return {
      key,
      summary: node?.summary ?? null,
      team: node?.team ?? null,
      status: node?.status ?? null,
      direction,
      external: false,
      evidence,
    };
  };
  const upstream: EpicDependency[] = graph.edges
    .filter((e) => e.to === epicKey && e.from !== epicKey)
    .map((e) => fromNode(e.from, 'upstream', e.evidence));
  const downstream: EpicDependency[] = graph.edges
    .filter((e) => e.from === epicKey && e.to !== epicKey)
    .map((e) => fromNode(e.to, 'downstream', e.evidence));
  for (const x of graph.external) {
    if (x.initiativeKey !== epicKey) continue;
    const dependency: EpicDependency = {
      key: x.otherKey,
      summary: x.otherSummary ?? null,
      team: null,
      status: x.otherStatus ?? null,
      direction: x.direction,
      external: true,
      evidence: [
        x.direction === 'upstream'
          ? { linkId: x.linkId, linkType: x.linkType, fromKey: x.otherKey, toKey: x.viaKey }
          : { linkId: x.linkId, linkType: x.linkType, fromKey: x.viaKey, toKey: x.otherKey },
      ],
    };
    const list = x.direction === 'upstream' ? upstream : downstream;
    const same = list.find((d) => d.key === dependency.key && d.external);
    if (same) same.evidence.push(...dependency.evidence);
    else list.push(dependency);
  }
  return { program: graph.program, upstream, downstream };
}

export interface EpicDependenciesDeps {
  /** The programs the epic is in, as the viewer may see them. */
  programsOfEpic(epic: PanelEpic): Promise<string[]>;
  loadProgramDependencies(programId: string): Promise<ProgramDependencies>;
}

/** Dependencies in every program the epic is in; a program whose scope Jira cannot load becomes a warning. */
export async function loadEpicDependencies(
  deps: EpicDependenciesDeps,
  epic: PanelEpic,
): Promise<EpicDependencies> {
  const programIds = await deps.programsOfEpic(epic);
  const graphs = await Promise.all(programIds.map((id) => deps.loadProgramDependencies(id)));
  const warnings = [
    ...new Set(
      graphs.flatMap((g) =>
        g.cycles
          .filter((c) => c.path.includes(epic.key))
          .map((c) => `${epic.key} is in a dependency cycle in ${g.program.name}: ${c.path.join(' → ')}.`),
      ),
    ),
  ];
  return {
    issueKey: epic.key,
    programs: graphs.map((graph) => dependenciesOfEpic(epic.key, graph)),
    warnings,
  };
}
