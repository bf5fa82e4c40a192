import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import type { QuarterPlanView, SuccessCriterion, SuccessCriterionFields } from '../../../../src/contract';
import { PlanSection, field, row, stack, subtle } from './plan-ui';
import type { PlanState } from './use-plan';

const blank: SuccessCriterionFields = { statement: '', metric: '', target: '', goalIds: [] };

function CriterionForm({
  initial,
  goals,
  onSubmit,
  onCancel,
}: {
  initial: SuccessCriterionFields;
  goals: { id: string; statement: string }[];
  onSubmit: (fields: SuccessCriterionFields) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(initial);
  const set = (name: 'statement' | 'metric' | 'target', value: string) =>
    setFields((f) => ({ ...f, [name]: value }));
  return (
    <form
      data-testid="success-criterion-form"
      style={{ ...stack, maxWidth: '720px' }}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit({ ...fields, statement: fields.statement.trim() }).then((done) => done && onCancel());
      }}
    >
      <label style={field}>
        <span>Criterion (what must be true at the end of the quarter)</span>
        <Textfield
          value={fields.statement}
          onChange={(e) => set('statement', e.currentTarget.value)}
          isRequired
          testId="success-criterion-form-statement"
        />
      </label>
      <div style={row}>
        <label style={{ ...field, flex: '1 1 200px' }}>
          <span>Metric</span>
          <Textfield
            value={fields.metric}
            onChange={(e) => set('metric', e.currentTarget.value)}
            testId="success-criterion-form-metric"
          />
        </label>
        <label style={{ ...field, flex: '1 1 200px' }}>
          <span>Target</span>
          <Textfield
            value={fields.target}
            onChange={(e) => set('target', e.currentTarget.value)}
            testId="success-criterion-form-target"
          />
        </label>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: '12px' }}>Program goals it serves</legend>
        {goals.length === 0 ? (
          <p style={subtle}>The program has no goals yet (Overview tab).</p>
        ) : (
          <div style={stack}>
            {goals.map((goal) => (
              <label key={goal.id} style={{ ...row, gap: '4px' }}>
                <input
                  type="checkbox"
                  checked={fields.goalIds.includes(goal.id)}
                  data-testid={`success-criterion-form-goal-${goal.id}`}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setFields((f) => ({
                      ...f,
                      goalIds: checked ? [...f.goalIds, goal.id] : f.goalIds.filter((g) => g !== goal.id),
                    }));
                  }}
                />
                {goal.statement}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <span style={row}>
        <Button
          type="submit"
          appearance="primary"
          isDisabled={!fields.statement.trim()}
          testId="success-criterion-form-submit"
        >
          Save criterion
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </span>
    </form>
  );
}

/** The quarter's success criteria, each measurable and tied to the program goals it serves. */
export function SuccessCriteria({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const goals = (state.overview?.goals ?? []).map((g) => ({ id: g.id, statement: g.statement }));
  const goalName = (id: string) => goals.find((g) => g.id === id)?.statement ?? id;
  const save = (id: string | undefined) => (fields: SuccessCriterionFields) =>
    state.mutate('plan/success-criteria/save', id ? { id, fields } : { fields }, 'Success criterion saved.');
  const criteria = plan.plan.successCriteria;
  const fieldsOf = (c: SuccessCriterion): SuccessCriterionFields => ({
    statement: c.statement,
    metric: c.metric,
    target: c.target,
    goalIds: c.goalIds,
  });
  return (
    <PlanSection
      title="Success criteria"
      testId="plan-success-criteria"
      actions={
        plan.canEdit &&
        editing === null && (
          <Button onClick={() => setEditing('new')} testId="success-criteria-add">
            Add criterion
          </Button>
        )
      }
    >
      {editing === 'new' && (
        <CriterionForm
          initial={blank}
          goals={goals}
          onSubmit={save(undefined)}
          onCancel={() => setEditing(null)}
        />
      )}
      {criteria.length === 0 && editing !== 'new' && (
        <p style={subtle}>No success criteria for this quarter yet.</p>
      )}
      <ul style={{ margin: 0, paddingLeft: '20px' }}>
        {criteria.map((c) =>
          editing === c.id ? (
            <li key={c.id}>
              <CriterionForm
                initial={fieldsOf(c)}
                goals={goals}
                onSubmit={save(c.id)}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={c.id} data-testid="success-criterion" style={{ marginBottom: '6px' }}>
              <span style={row}>
                <strong>{c.statement}</strong>
                {(c.metric || c.target) && (
                  <span style={subtle}>
                    {c.metric}
                    {c.target ? ` → ${c.target}` : ''}
                  </span>
                )}
                {c.goalIds.map((g) => (
                  <Lozenge key={g} appearance="new">
                    {goalName(g)}
                  </Lozenge>
                ))}
                {plan.canEdit && (
                  <>
                    <Button appearance="subtle" spacing="compact" onClick={() => setEditing(c.id)}>
                      Edit
                    </Button>
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      onClick={() =>
                        void state.mutate(
                          'plan/success-criteria/delete',
                          { id: c.id },
                          'Success criterion deleted.',
                        )
                      }
                    >
                      Delete
                    </Button>
                  </>
                )}
              </span>
            </li>
          ),
        )}
      </ul>
    </PlanSection>
  );
}
