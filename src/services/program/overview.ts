import type { ProgramListRow, ProgramOverview } from '../../contract';
import { completionRecordsOf } from '../../domain/completion/readiness';
import { timeline } from '../../domain/milestones/milestone';
import type { ProgramRecord } from '../../domain/program/program';
import { heatMap, riskScore } from '../../domain/risks/risk';
import { missingArtifacts, nextStage } from '../../domain/stage-gate/stage-gate';
import type { ProgramItems, ProgramStore } from '../../ports/program-store';
import { allows, canRead, rolesOf } from '../access';

export function overviewOf(
  program: ProgramRecord,
  items: ProgramItems,
  accountId: string | undefined,
): ProgramOverview {
  const canEdit = allows(program, accountId, 'edit');
  const risks = [...items.risk].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      riskScore(b) - riskScore(a) ||
      a.title.localeCompare(b.title),
  );
  return {
    program,
    roles: rolesOf(program, accountId),
    canEdit,
    editableTeamIds: program.teams.filter((t) => allows(program, accountId, { team: t.id })).map((t) => t.id),
    strategies: items.strategy,
    strategicInitiatives: items['strategic-initiative'],
    goals: items.goal,
    milestones: timeline(items.milestone) as ProgramItems['milestone'],
    risks,
    heatMap: heatMap(items.risk),
    gate: {
      next: nextStage(program.stage),
      missing: missingArtifacts(program.stage, {
        program,
        strategies: items.strategy,
        strategicInitiatives: items['strategic-initiative'],
        goals: items.goal,
        milestones: items.milestone,
        risks: items.risk,
        completion: completionRecordsOf(items),
      }),
    },
  };
}

export async function loadOverview(
  programs: ProgramStore,
  program: ProgramRecord,
  accountId: string | undefined,
): Promise<ProgramOverview> {
  return overviewOf(program, await programs.items(program.id), accountId);
}

/** The programs the caller takes part in; the others are left out entirely. */
export async function listPrograms(
  programs: ProgramStore,
  accountId: string | undefined,
): Promise<ProgramListRow[]> {
  const all = await programs.list();
  return all
    .filter((p) => canRead(p, accountId))
    .map((p) => ({
      id: p.id,
      name: p.name,
      stage: p.stage,
      scopeJql: p.scopeJql,
      owners: p.owners.map((id) => ({
        accountId: id,
        displayName: p.people.find((person) => person.accountId === id)?.displayName ?? id,
      })),
      updatedAt: p.updatedAt,
      archived: p.archived,
      roles: rolesOf(p, accountId),
    }));
}
