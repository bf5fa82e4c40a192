import { useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type {
  CompletionView,
  ImprovementActionFields,
  ImprovementActionView,
  Lesson,
  LessonFields,
} from '../../../../src/contract';
import {
  PlanSection,
  cell,
  field,
  headCell,
  nativeControl,
  personName,
  row,
  stack,
  subtle,
  table,
} from '../plan/plan-ui';
import { ACTION_STATUSES, LESSON_CATEGORIES, day } from './completion-model';
import { visuallyHidden } from './completion-ui';
import type { CompletionState } from './use-completion';

const escapeCancels = (onCancel: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') onCancel();
};

function LessonForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: LessonFields;
  onSave: (fields: LessonFields) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(initial);
  const [busy, setBusy] = useState(false);
  const ready = fields.whatHappened.trim() !== '' && fields.learned.trim() !== '';
  return (
    <form
      data-testid="lesson-form"
      aria-label="Lesson learned"
      style={{ ...stack, maxWidth: '720px' }}
      onKeyDown={escapeCancels(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSave({ ...fields, whatHappened: fields.whatHappened.trim(), learned: fields.learned.trim() })
          .then((done) => done && onCancel())
          .finally(() => setBusy(false));
      }}
    >
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: '12px' }}>Kind</legend>
        <div style={row}>
          {LESSON_CATEGORIES.map((c) => (
            <label key={c.category} style={{ ...row, gap: '4px' }}>
              <input
                type="radio"
                name="lesson-category"
                checked={fields.category === c.category}
                onChange={() => setFields((f) => ({ ...f, category: c.category }))}
                data-testid={`lesson-form-${c.category}`}
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label style={field}>
        <span>What happened</span>
        <TextArea
          value={fields.whatHappened}
          onChange={(e) => {
            const whatHappened = e.currentTarget.value;
            setFields((f) => ({ ...f, whatHappened }));
          }}
          isRequired
          testId="lesson-form-happened"
        />
      </label>
      <label style={field}>
        <span>What we learned</span>
        <TextArea
          value={fields.learned}
          onChange={(e) => {
            const learned = e.currentTarget.value;
            setFields((f) => ({ ...f, learned }));
          }}
          isRequired
          testId="lesson-form-learned"
        />
      </label>
      <span style={row}>
        <Button type="submit" appearance="primary" isDisabled={!ready || busy} testId="lesson-form-save">
          Save lesson
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </span>
    </form>
  );
}

function ActionForm({
  initial,
  view,
  onSave,
  onCancel,
}: {
  initial: ImprovementActionFields;
  view: CompletionView;
  onSave: (fields: ImprovementActionFields) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(initial);
  const [busy, setBusy] = useState(false);
  const set = <F extends keyof ImprovementActionFields>(name: F, value: ImprovementActionFields[F]) =>
    setFields((f) => ({ ...f, [name]: value }));
  const ready = fields.action.trim() !== '' && fields.ownerAccountId !== '' && fields.dueDate !== '';
  return (
    <form
      data-testid="action-form"
      aria-label="Improvement action"
      style={{ ...stack, maxWidth: '720px' }}
      onKeyDown={escapeCancels(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSave({ ...fields, action: fields.action.trim() })
          .then((done) => done && onCancel())
          .finally(() => setBusy(false));
      }}
    >
      <label style={field}>
        <span>Action</span>
        <Textfield
          value={fields.action}
          onChange={(e) => set('action', e.currentTarget.value)}
          isRequired
          testId="action-form-action"
        />
      </label>
      <div style={row}>
        <label style={{ ...field, flex: '1 1 200px' }}>
          <span>Owner</span>
          <select
            value={fields.ownerAccountId}
            onChange={(e) => set('ownerAccountId', e.currentTarget.value)}
            style={nativeControl}
            data-testid="action-form-owner"
          >
            <option value="">Choose someone</option>
            {view.people.map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <label style={{ ...field, flex: '0 1 180px' }}>
          <span>Due date</span>
          <input
            type="date"
            value={fields.dueDate}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
            style={nativeControl}
            data-testid="action-form-due"
          />
        </label>
        <label style={{ ...field, flex: '0 1 160px' }}>
          <span>Status</span>
          <select
            value={fields.status}
            onChange={(e) => set('status', e.currentTarget.value as ImprovementActionFields['status'])}
            style={nativeControl}
            data-testid="action-form-status"
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s.status} value={s.status}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label style={field}>
        <span>Follows from the lesson</span>
        <select
          value={fields.lessonId ?? ''}
          onChange={(e) => set('lessonId', e.currentTarget.value || null)}
          style={nativeControl}
          data-testid="action-form-lesson"
        >
          <option value="">None</option>
          {view.lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.whatHappened.slice(0, 80)}
            </option>
          ))}
        </select>
      </label>
      <span style={row}>
        <Button type="submit" appearance="primary" isDisabled={!ready || busy} testId="action-form-save">
          Save action
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </span>
    </form>
  );
}

const lessonFields = (l: Lesson): LessonFields => ({
  category: l.category,
  whatHappened: l.whatHappened,
  learned: l.learned,
});
const actionFields = (a: ImprovementActionView): ImprovementActionFields => ({
  action: a.action,
  ownerAccountId: a.ownerAccountId,
  dueDate: a.dueDate,
  status: a.status,
  lessonId: a.lessonId,
});

/** Lessons learned (owners and team leads write them) and the improvement plan (owners keep it). */
export function LessonsSection({ view, state }: { view: CompletionView; state: CompletionState }) {
  const [editingLesson, setEditingLesson] = useState<string | 'new' | null>(null);
  const [editingAction, setEditingAction] = useState<string | 'new' | null>(null);
  const editable = new Set(view.editableLessonIds);
  const lessonById = new Map(view.lessons.map((l) => [l.id, l]));
  const saveLesson = (l: Lesson & { version: number }) => (fields: LessonFields) =>
    state.mutate('completion/lesson/save', { id: l.id, expectedVersion: l.version, fields }, 'Lesson saved.');
  const saveAction = (a: ImprovementActionView) => (fields: ImprovementActionFields) =>
    state.mutate(
      'completion/action/save',
      { id: a.id, expectedVersion: a.version, fields },
      'Improvement action saved.',
    );
  const hasLessonActions = view.canAddLessons || view.lessons.some((l) => editable.has(l.id));
  return (
    <>
      <PlanSection
        title="Lessons learned"
        testId="completion-lessons"
        actions={
          view.canAddLessons &&
          editingLesson === null && (
            <Button onClick={() => setEditingLesson('new')} testId="lesson-add">
              Add a lesson
            </Button>
          )
        }
      >
        {editingLesson === 'new' && (
          <LessonForm
            initial={{ category: 'to-improve', whatHappened: '', learned: '' }}
            onSave={(fields) => state.mutate('completion/lesson/save', { fields }, 'Lesson added.')}
            onCancel={() => setEditingLesson(null)}
          />
        )}
        {view.lessons.length === 0 ? (
          <p style={subtle} data-testid="lessons-empty">
            No lessons recorded yet.{' '}
            {view.canAddLessons ? 'Owners and team leads add what went well and what to improve.' : ''}
          </p>
        ) : (
          <table style={table} aria-label="Lessons learned">
            <thead>
              <tr>
                <th style={headCell}>Kind</th>
                <th style={headCell}>What happened</th>
                <th style={headCell}>What we learned</th>
                <th style={headCell}>By</th>
                {hasLessonActions && (
                  <th style={headCell}>
                    <span style={visuallyHidden}>Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {view.lessons.map((l) => {
                const category = LESSON_CATEGORIES.find((c) => c.category === l.category);
                if (editingLesson === l.id)
                  return (
                    <tr key={l.id}>
                      <td style={cell} colSpan={5}>
                        <LessonForm
                          initial={lessonFields(l)}
                          onSave={saveLesson(l)}
                          onCancel={() => setEditingLesson(null)}
                        />
                      </td>
                    </tr>
                  );
                return (
                  <tr key={l.id} data-testid="lesson-row">
                    <td style={cell}>
                      <Lozenge appearance={category?.appearance ?? 'default'}>{category?.label}</Lozenge>
                    </td>
                    <td style={cell}>{l.whatHappened}</td>
                    <td style={cell}>{l.learned}</td>
                    <td style={{ ...cell, ...subtle }}>
                      {personName(view.people, l.createdBy)}, {day(l.createdAt)}
                    </td>
                    {hasLessonActions && (
                      <td style={cell}>
                        {editable.has(l.id) && (
                          <span style={row}>
                            <Button
                              appearance="subtle"
                              spacing="compact"
                              onClick={() => setEditingLesson(l.id)}
                              aria-label={`Edit the lesson “${l.whatHappened}”`}
                            >
                              Edit
                            </Button>
                            <Button
                              appearance="subtle"
                              spacing="compact"
                              onClick={() =>
                                void state.mutate(
                                  'completion/lesson/delete',
                                  { id: l.id, expectedVersion: l.version },
                                  'Lesson deleted.',
                                )
                              }
                              aria-label={`Delete the lesson “${l.whatHappened}”`}
                            >
                              Delete
                            </Button>
                          </span>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PlanSection>

      <PlanSection
        title="Improvement plan"
        testId="completion-actions"
        actions={
          view.canEdit &&
          editingAction === null && (
            <Button onClick={() => setEditingAction('new')} testId="action-add">
              Add an action
            </Button>
          )
        }
      >
        {editingAction === 'new' && (
          <ActionForm
            initial={{ action: '', ownerAccountId: '', dueDate: '', status: 'open', lessonId: null }}
            view={view}
            onSave={(fields) =>
              state.mutate('completion/action/save', { fields }, 'Improvement action added.')
            }
            onCancel={() => setEditingAction(null)}
          />
        )}
        {view.actions.length === 0 ? (
          <p style={subtle} data-testid="actions-empty">
            No improvement actions yet.
          </p>
        ) : (
          <table style={table} aria-label="Improvement plan">
            <thead>
              <tr>
                <th style={headCell}>Action</th>
                <th style={headCell}>Owner</th>
                <th style={headCell}>Due</th>
                <th style={headCell}>Status</th>
                <th style={headCell}>Follows from</th>
                {view.canEdit && (
                  <th style={headCell}>
                    <span style={visuallyHidden}>Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a) => {
                const status = ACTION_STATUSES.find((s) => s.status === a.status);
                if (editingAction === a.id)
                  return (
                    <tr key={a.id}>
                      <td style={cell} colSpan={6}>
                        <ActionForm
                          initial={actionFields(a)}
                          view={view}
                          onSave={saveAction(a)}
                          onCancel={() => setEditingAction(null)}
                        />
                      </td>
                    </tr>
                  );
                return (
                  <tr key={a.id} data-testid="action-row">
                    <td style={cell}>{a.action}</td>
                    <td style={cell}>{personName(view.people, a.ownerAccountId)}</td>
                    <td style={cell}>
                      {a.dueDate}{' '}
                      {a.overdue && (
                        <Lozenge appearance="removed" testId="action-overdue">
                          Overdue
                        </Lozenge>
                      )}
                    </td>
                    <td style={cell}>
                      <Lozenge appearance={status?.appearance ?? 'default'}>{status?.label}</Lozenge>
                    </td>
                    <td style={cell}>
                      {a.lessonId ? (lessonById.get(a.lessonId)?.whatHappened ?? '—') : '—'}
                    </td>
                    {view.canEdit && (
                      <td style={cell}>
                        <span style={row}>
                          <Button
                            appearance="subtle"
                            spacing="compact"
                            onClick={() => setEditingAction(a.id)}
                            aria-label={`Edit the action “${a.action}”`}
                          >
                            Edit
                          </Button>
                          <Button
                            appearance="subtle"
                            spacing="compact"
                            onClick={() =>
                              void state.mutate(
                                'completion/action/delete',
                                { id: a.id, expectedVersion: a.version },
                                'Improvement action deleted.',
                              )
                            }
                            aria-label={`Delete the action “${a.action}”`}
                          >
                            Delete
                          </Button>
                        </span>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PlanSection>
    </>
  );
}
