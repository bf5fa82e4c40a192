// Completion use cases that write: assessments, lessons, improvement actions, the handover and its answer,
// closing and reopening. Each checks the caller's role (a closed program refuses them all in `authorize`),
// writes once at the version the caller read (an edit keeping the issues its editor cannot see), and answers
// with the fresh records.
import type { z } from 'zod';
import type { AssessmentInput, CompletionRecords, HandoverInput } from '../../contract';
import { assess, assessmentId, subjectExists } from '../../domain/completion/assessment';
import { answerHandover, HANDOVER_ID, saveHandover as applyHandover } from '../../domain/completion/handover';
import {
  checkActionLesson,
  checkLessonDeletable,
  CompletionRuleError,
  newAction,
  newLesson,
  reviseAction,
  reviseLesson,
} from '../../domain/completion/lessons';
import { completionRecordsOf } from '../../domain/completion/readiness';
import {
  actionFieldsInput,
  assessmentFieldsInput,
  COMPLETION_LIMITS,
  handoverFieldsInput,
  lessonFieldsInput,
} from '../../domain/completion/schemas';
import {
  evidenceText,
  handoverItemText,
  parseEvidence,
  parseHandoverItem,
} from '../../domain/completion/evidence';
import type {
  AssessmentFields,
  AssessmentSubject,
  Handover,
  ImprovementAction,
  ImprovementActionFields,
  Lesson,
  LessonFields,
  SuccessAssessment,
} from '../../domain/completion/types';
import type { ProgramRecord } from '../../domain/program/program';
import { moveStage, StageGateError } from '../../domain/stage-gate/stage-gate';
import { ItemNotFoundError, StaleVersionError } from '../../ports/program-store';
import { allows, authorize, isClosed } from '../access';
import { NotAllowedError, ProgramRuleError } from '../errors';
import { keepHiddenWithin } from '../visibility';
import { loadCompletionRecords } from './completion-records';
import type { CompletionDeps } from './deps';

type Edit = { id: string; expectedVersion: number } | { id?: undefined; expectedVersion?: undefined };
type SaveRequest<F> = { programId: string; fields: F } & Edit;

/** Domain rules speak in the request's terms; the envelope answers them as VALIDATION with the path. */
async function withRules<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CompletionRuleError) throw new ProgramRuleError(error.message, error.path);
    throw error;
  }
}

const caller = (deps: CompletionDeps) => deps.accountId ?? '';

/** An edit of a stored record with what its editor could not see put back (see `keepHiddenWithin`). */
function withHiddenKept<F>(
  deps: CompletionDeps,
  what: string,
  stored: F,
  edited: F,
  limits: z.ZodType,
  typed?: (fields: F) => unknown,
): Promise<F> {
  return deps.browse
    ? keepHiddenWithin(deps.browse, what, stored, edited, limits, typed)
    : Promise.resolve(edited);
}

const assessmentFields = (a: SuccessAssessment): AssessmentFields => ({
  verdict: a.verdict,
  measuredValue: a.measuredValue,
  evidence: a.evidence,
  note: a.note,
});
const typedAssessment = (f: AssessmentFields): AssessmentInput => ({
  ...f,
  evidence: f.evidence.map(evidenceText),
});
const lessonFieldsOf = (l: Lesson): LessonFields => ({
  category: l.category,
  whatHappened: l.whatHappened,
  learned: l.learned,
});
const actionFieldsOf = (a: ImprovementAction): ImprovementActionFields => ({
  action: a.action,
  ownerAccountId: a.ownerAccountId,
  dueDate: a.dueDate,
  status: a.status,
  lessonId: a.lessonId,
});
type HandoverFields = Parameters<typeof applyHandover>[1];
const handoverFields = (h: Handover): HandoverFields => ({
  receivingTeam: h.receivingTeam,
  contactAccountId: h.contactAccountId,
  items: h.items,
  links: h.links,
  handoverDate: h.handoverDate,
  waiverReason: h.waiver?.reason ?? null,
});
const typedHandover = (f: HandoverFields): HandoverInput => ({ ...f, items: f.items.map(handoverItemText) });

function checkVersion<T extends { version: number }>(
  what: string,
  current: T | undefined,
  expected: number,
): asserts current is T {
  if (!current) throw new StaleVersionError(what, expected, null);
  if (current.version !== expected) throw new StaleVersionError(what, expected, current.version);
}

export async function saveAssessment(
  deps: CompletionDeps,
  request: {
    programId: string;
    subject: AssessmentSubject;
    expectedVersion?: number;
    fields: AssessmentInput;
  },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  const [items, plans] = await Promise.all([deps.programs.items(program.id), deps.plans.list(program.id)]);
  if (!subjectExists(request.subject, items.goal, plans))
    throw new ProgramRuleError(
      request.subject.kind === 'goal'
        ? `No goal with id "${request.subject.goalId}" in this program.`
        : `No success criterion "${request.subject.criterionId}" in the ${request.subject.quarter} plan.`,
      'subject',
    );
  const evidence = request.fields.evidence.map(parseEvidence);
  if (evidence.some((e) => e === null))
    throw new ProgramRuleError('Evidence is an issue key like PAY-12 or an http(s) link.', 'fields.evidence');
  const fields: AssessmentFields = { ...request.fields, evidence: evidence.filter((e) => e !== null) };
  if (request.expectedVersion === undefined) {
    const assessment = assess(request.subject, fields, caller(deps), deps.now());
    if (items.assessment.some((a) => a.id === assessment.id))
      throw new StaleVersionError('This assessment', 0, 1);
    await deps.programs.createItem(program.id, 'assessment', assessment);
  } else {
    const current = items.assessment.find((a) => a.id === assessmentId(request.subject));
    checkVersion('This assessment', current, request.expectedVersion);
    const kept = await withHiddenKept(
      deps,
      'this assessment',
      assessmentFields(current),
      fields,
      assessmentFieldsInput,
      typedAssessment,
    );
    const assessment = assess(request.subject, kept, caller(deps), deps.now());
    await deps.programs.updateItem(program.id, 'assessment', assessment, request.expectedVersion);
  }
  return loadCompletionRecords(deps, program);
}

function lessonAccess(
  program: ProgramRecord,
  deps: CompletionDeps,
  lesson: { createdBy: string } | undefined,
): void {
  if (!lesson || allows(program, deps.accountId, 'edit') || lesson.createdBy === deps.accountId) return;
  throw new NotAllowedError(
    'A team lead changes only the lessons they wrote; the program’s owners change any.',
  );
}

export async function saveLesson(
  deps: CompletionDeps,
  request: SaveRequest<LessonFields>,
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'any-lead');
  const items = await deps.programs.items(program.id);
  const at = deps.now();
  if (request.id === undefined) {
    if (items.lesson.length >= COMPLETION_LIMITS.lessons)
      throw new ProgramRuleError(`A program keeps at most ${COMPLETION_LIMITS.lessons} lessons.`, 'fields');
    await deps.programs.createItem(
      program.id,
      'lesson',
      newLesson(deps.newId(), request.fields, caller(deps), at),
    );
  } else {
    const current = items.lesson.find((l) => l.id === request.id);
    if (!current) throw new ItemNotFoundError('lesson', request.id);
    lessonAccess(program, deps, current);
    checkVersion('This lesson', current, request.expectedVersion);
    const fields = await withHiddenKept(
      deps,
      'this lesson',
      lessonFieldsOf(current),
      request.fields,
      lessonFieldsInput,
    );
    await deps.programs.updateItem(
      program.id,
      'lesson',
      reviseLesson(current, fields, caller(deps), at),
      request.expectedVersion,
    );
  }
  return loadCompletionRecords(deps, program);
}

export async function deleteLesson(
  deps: CompletionDeps,
  request: { programId: string; id: string; expectedVersion: number },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'any-lead');
  const items = await deps.programs.items(program.id);
  const current = items.lesson.find((l) => l.id === request.id);
  if (!current) throw new ItemNotFoundError('lesson', request.id);
  lessonAccess(program, deps, current);
  await withRules(() => checkLessonDeletable(request.id, items['improvement-action']));
  await deps.programs.deleteItem(program.id, 'lesson', request.id, request.expectedVersion);
  return loadCompletionRecords(deps, program);
}

export async function saveAction(
  deps: CompletionDeps,
  request: SaveRequest<ImprovementActionFields>,
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  const items = await deps.programs.items(program.id);
  await withRules(() => checkActionLesson(request.fields, items.lesson));
  const at = deps.now();
  if (request.id === undefined) {
    if (items['improvement-action'].length >= COMPLETION_LIMITS.actions)
      throw new ProgramRuleError(
        `A program keeps at most ${COMPLETION_LIMITS.actions} improvement actions.`,
        'fields',
      );
    await deps.programs.createItem(
      program.id,
      'improvement-action',
      newAction(deps.newId(), request.fields, caller(deps), at),
    );
  } else {
    const current = items['improvement-action'].find((a) => a.id === request.id);
    if (!current) throw new ItemNotFoundError('improvement-action', request.id);
    checkVersion('This improvement action', current, request.expectedVersion);
    const fields = await withHiddenKept(
      deps,
      'this improvement action',
      actionFieldsOf(current),
      request.fields,
      actionFieldsInput,
    );
    await deps.programs.updateItem(
      program.id,
      'improvement-action',
      reviseAction(current, fields, caller(deps), at),
      request.expectedVersion,
    );
  }
  return loadCompletionRecords(deps, program);
}

export async function deleteAction(
  deps: CompletionDeps,
  request: { programId: string; id: string; expectedVersion: number },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  await deps.programs.deleteItem(program.id, 'improvement-action', request.id, request.expectedVersion);
  return loadCompletionRecords(deps, program);
}

async function currentHandover(deps: CompletionDeps, programId: string) {
  return deps.programs.getItem(programId, 'handover', HANDOVER_ID);
}

export async function saveHandover(
  deps: CompletionDeps,
  request: {
    programId: string;
    expectedVersion?: number;
    fields: HandoverInput;
  },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  const current = await currentHandover(deps, program.id);
  const fields = { ...request.fields, items: request.fields.items.map(parseHandoverItem) };
  if (request.expectedVersion === undefined) {
    const next = await withRules(() => applyHandover(current, fields, caller(deps), deps.now()));
    if (current) throw new StaleVersionError('The handover', 0, current.version);
    await deps.programs.createItem(program.id, 'handover', next);
  } else {
    checkVersion('The handover', current, request.expectedVersion);
    const kept = await withHiddenKept(
      deps,
      'the handover',
      handoverFields(current),
      fields,
      handoverFieldsInput,
      typedHandover,
    );
    const next = await withRules(() => applyHandover(current, kept, caller(deps), deps.now()));
    await deps.programs.updateItem(program.id, 'handover', next, request.expectedVersion);
  }
  return loadCompletionRecords(deps, program);
}

export async function answerHandoverRequest(
  deps: CompletionDeps,
  request: { programId: string; expectedVersion: number; decision: 'accepted' | 'rejected'; note: string },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'contribute');
  const current = await currentHandover(deps, program.id);
  if (!current) throw new ProgramRuleError('There is no handover to answer yet.', 'decision');
  if (!allows(program, deps.accountId, 'edit') && current.contactAccountId !== deps.accountId)
    throw new NotAllowedError(
      'Only the receiving team’s contact, or an owner on their behalf, can answer the handover.',
    );
  checkVersion('The handover', current, request.expectedVersion);
  const answered = await withRules(() =>
    answerHandover(current, request.decision, request.note, caller(deps), deps.now()),
  );
  await deps.programs.updateItem(program.id, 'handover', answered, request.expectedVersion);
  return loadCompletionRecords(deps, program);
}

/** Completion → Closed through the stage gate; the override reason is kept with what was missing. */
export async function closeProgram(
  deps: CompletionDeps,
  request: { programId: string; expectedVersion: number; overrideReason?: string },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'edit');
  const items = await deps.programs.items(program.id);
  let closed: ProgramRecord;
  try {
    closed = moveStage(
      {
        program,
        strategies: items.strategy,
        strategicInitiatives: items['strategic-initiative'],
        goals: items.goal,
        milestones: items.milestone,
        risks: items.risk,
        completion: completionRecordsOf(items),
      },
      'closed',
      request.overrideReason ?? null,
      deps.now(),
      caller(deps),
    );
  } catch (error) {
    if (error instanceof StageGateError)
      throw new ProgramRuleError(error.message, error.missing.length > 0 ? 'overrideReason' : 'programId');
    throw error;
  }
  const saved = await deps.programs.update({ ...closed, updatedAt: deps.now() }, request.expectedVersion);
  return loadCompletionRecords(deps, saved);
}

/** Closed → Completion: owners only; the reopening is dated in the stage history like any stage move. */
export async function reopenProgram(
  deps: CompletionDeps,
  request: { programId: string; expectedVersion: number },
): Promise<CompletionRecords> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'reopen');
  if (!isClosed(program)) throw new ProgramRuleError('The program is not closed.', 'programId');
  const items = await deps.programs.items(program.id);
  const reopened = moveStage(
    {
      program,
      strategies: items.strategy,
      strategicInitiatives: items['strategic-initiative'],
      goals: items.goal,
      milestones: items.milestone,
      risks: items.risk,
    },
    'completion',
    null,
    deps.now(),
    caller(deps),
  );
  const saved = await deps.programs.update({ ...reopened, updatedAt: deps.now() }, request.expectedVersion);
  return loadCompletionRecords(deps, saved);
}
