import {
  checkActionLesson,
  checkLessonDeletable,
  CompletionRuleError,
  isOverdue,
  newAction,
  newLesson,
  orderActions,
  orderLessons,
  reviseLesson,
} from './lessons';

const lesson = (id: string, category: 'went-well' | 'to-improve', at: string) =>
  newLesson(id, { category, whatHappened: `${id} happened`, learned: `${id} learned` }, 'tpm', at);
const action = (id: string, fields: Partial<Parameters<typeof newAction>[1]> = {}) =>
  newAction(
    id,
    { action: id, ownerAccountId: 'lead', dueDate: '2027-10-01', status: 'open', lessonId: null, ...fields },
    'tpm',
    '2027-09-01T00:00:00.000Z',
  );

describe('lessons learned and the improvement plan', () => {
  it('keeps who wrote a lesson when someone else revises it', () => {
    const first = lesson('l1', 'to-improve', '2027-09-01T00:00:00.000Z');
    const revised = reviseLesson(
      first,
      { category: 'went-well', whatHappened: 'x', learned: 'y' },
      'lead',
      '2027-09-02T00:00:00.000Z',
    );
    expect(revised).toMatchObject({ createdBy: 'tpm', updatedBy: 'lead', category: 'went-well' });
  });

  it('refuses to delete a lesson that actions follow from, naming them', () => {
    const actions = [action('Pair estimates with a reference class', { lessonId: 'l1' })];
    expect(() => checkLessonDeletable('l1', actions)).toThrow(/Pair estimates with a reference class/);
    expect(() => checkLessonDeletable('l2', actions)).not.toThrow();
  });

  it('refuses an action linked to a lesson that does not exist', () => {
    const lessons = [lesson('l1', 'to-improve', '2027-09-01T00:00:00.000Z')];
    const fields = { action: 'a', ownerAccountId: 'o', dueDate: '2027-10-01', status: 'open' as const };
    expect(() => checkActionLesson({ ...fields, lessonId: 'l1' }, lessons)).not.toThrow();
    expect(() => checkActionLesson({ ...fields, lessonId: null }, lessons)).not.toThrow();
    let error: unknown;
    try {
      checkActionLesson({ ...fields, lessonId: 'gone' }, lessons);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompletionRuleError);
    expect((error as CompletionRuleError).path).toBe('fields.lessonId');
  });

  it('calls an action overdue only while it is not done and its due date has passed', () => {
    expect(isOverdue({ status: 'open', dueDate: '2027-10-01' }, '2027-10-02')).toBe(true);
    expect(isOverdue({ status: 'in-progress', dueDate: '2027-10-01' }, '2027-10-01')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2027-10-01' }, '2027-12-01')).toBe(false);
  });

  it('lists what to improve before what went well, and open actions by due date before done ones', () => {
    const lessons = orderLessons([
      lesson('well', 'went-well', '2027-09-03T00:00:00.000Z'),
      lesson('old', 'to-improve', '2027-09-01T00:00:00.000Z'),
      lesson('new', 'to-improve', '2027-09-02T00:00:00.000Z'),
    ]);
    expect(lessons.map((l) => l.id)).toEqual(['new', 'old', 'well']);
    const actions = orderActions([
      action('done early', { status: 'done', dueDate: '2027-01-01' }),
      action('later', { dueDate: '2027-12-01' }),
      action('sooner', { status: 'in-progress', dueDate: '2027-11-01' }),
    ]);
    expect(actions.map((a) => a.id)).toEqual(['sooner', 'later', 'done early']);
  });
});
