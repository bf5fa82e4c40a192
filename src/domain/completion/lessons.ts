// Lessons learned and the improvement plan that follows from them.
import type { ImprovementAction, ImprovementActionFields, Lesson, LessonFields } from './types';

export class CompletionRuleError extends Error {
  constructor(
    message: string,
    /** The request field at fault, e.g. `fields.lessonId`. */
    readonly path: string,
  ) {
    super(message);
  }
}

export function newLesson(id: string, fields: LessonFields, by: string, at: string): Lesson {
  return { id, ...lessonFields(fields), createdBy: by, createdAt: at, updatedBy: by, updatedAt: at };
}

export function reviseLesson(lesson: Lesson, fields: LessonFields, by: string, at: string): Lesson {
  return { ...lesson, ...lessonFields(fields), updatedBy: by, updatedAt: at };
}

const lessonFields = (f: LessonFields): LessonFields => ({
  category: f.category,
  whatHappened: f.whatHappened,
  learned: f.learned,
});

/** A lesson with actions following from it stays until they are moved or deleted: the plan keeps its why. */
export function checkLessonDeletable(lessonId: string, actions: readonly ImprovementAction[]): void {
  const linked = actions.filter((a) => a.lessonId === lessonId);
  if (linked.length > 0)
    throw new CompletionRuleError(
      `${linked.length} improvement action(s) follow from this lesson (${linked
        .map((a) => `“${a.action}”`)
        .join(', ')}). Delete them or link them to another lesson first.`,
      'id',
    );
}

export function checkActionLesson(fields: ImprovementActionFields, lessons: readonly Lesson[]): void {
  if (fields.lessonId !== null && !lessons.some((l) => l.id === fields.lessonId))
    throw new CompletionRuleError(
      `No lesson with id "${fields.lessonId}" in this program.`,
      'fields.lessonId',
    );
}

export function newAction(
  id: string,
  fields: ImprovementActionFields,
  by: string,
  at: string,
): ImprovementAction {
  return { id, ...actionFields(fields), createdBy: by, createdAt: at, updatedBy: by, updatedAt: at };
}

export function reviseAction(
  action: ImprovementAction,
  fields: ImprovementActionFields,
  by: string,
  at: string,
): ImprovementAction {
  return { ...action, ...actionFields(fields), updatedBy: by, updatedAt: at };
}

const actionFields = (f: ImprovementActionFields): ImprovementActionFields => ({
  action: f.action,
  ownerAccountId: f.ownerAccountId,
  dueDate: f.dueDate,
  status: f.status,
  lessonId: f.lessonId,
});

export const isOverdue = (action: Pick<ImprovementAction, 'status' | 'dueDate'>, today: string): boolean =>
  action.status !== 'done' && action.dueDate < today;

/** Lessons to improve first, then what went well, newest first within each. */
export function orderLessons<L extends Lesson>(lessons: readonly L[]): L[] {
  return [...lessons].sort(
    (a, b) =>
      Number(a.category === 'went-well') - Number(b.category === 'went-well') ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/** Open work first by due date, done last. */
export function orderActions<A extends ImprovementAction>(actions: readonly A[]): A[] {
  return [...actions].sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.action.localeCompare(b.action),
  );
}
