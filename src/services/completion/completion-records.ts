// The Completion records of a program as the tab shows them, with what the caller may do: built from the
// stored items and the quarter plans (their success criteria), no Jira call.
import type { CompletionRecords, ImprovementActionView } from '../../contract';
import { assessmentRows, verdictCounts } from '../../domain/completion/assessment';
import { isOverdue, orderActions, orderLessons } from '../../domain/completion/lessons';
import { closingReadiness, completionRecordsOf } from '../../domain/completion/readiness';
import type { QuarterPlan } from '../../domain/plan/types';
import { closedAtOf, type ProgramRecord } from '../../domain/program/program';
import type { ProgramItems } from '../../ports/program-store';
import { allows, isClosed, rolesOf } from '../access';
import type { CompletionDeps } from './deps';

export function completionRecordsFor(
  program: ProgramRecord,
  items: ProgramItems,
  plans: readonly QuarterPlan[],
  accountId: string | undefined,
  today: string,
): CompletionRecords {
  const rows = assessmentRows(items.goal, plans, items.assessment);
  const isOwner = allows(program, accountId, 'edit');
  const handover = items.handover[0] ?? null;
  const closedAt = closedAtOf(program);
  const actions = orderActions(items['improvement-action']).map((a): ImprovementActionView => ({
    ...a,
    overdue: isOverdue(a, today),
  }));
  return {
    programId: program.id,
    programName: program.name,
    stage: program.stage,
    programVersion: program.version,
    closed: isClosed(program),
    closedAt,
    roles: rolesOf(program, accountId),
    canEdit: isOwner,
    canAddLessons: allows(program, accountId, 'any-lead'),
    editableLessonIds: items.lesson
      .filter((l) => isOwner || (allows(program, accountId, 'any-lead') && l.createdBy === accountId))
      .map((l) => l.id),
    canAnswerHandover:
      handover !== null &&
      handover.waiver === null &&
      allows(program, accountId, 'contribute') &&
      (isOwner || (accountId !== undefined && handover.contactAccountId === accountId)),
    canReopen: allows(program, accountId, 'reopen'),
    people: program.people,
    goals: items.goal.map((g) => ({ id: g.id, statement: g.statement })),
    assessments: rows,
    counts: verdictCounts(rows),
    lessons: orderLessons(items.lesson),
    actions,
    handover,
    readiness: closingReadiness({
      stage: program.stage,
      goals: items.goal,
      records: completionRecordsOf(items),
      unassessedCriteria: rows.filter((r) => r.subject.kind === 'criterion' && r.assessment === null).length,
    }),
  };
}

export async function loadCompletionRecords(
  deps: Pick<CompletionDeps, 'programs' | 'plans' | 'accountId' | 'now'>,
  program: ProgramRecord,
): Promise<CompletionRecords> {
  const [items, plans] = await Promise.all([deps.programs.items(program.id), deps.plans.list(program.id)]);
  return completionRecordsFor(program, items, plans, deps.accountId, deps.now().slice(0, 10));
}
