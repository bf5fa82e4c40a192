import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { QuarterPlanView } from '../../../../src/contract';
import { compareKeys } from './plan-model';
import { PlanSection, field, nativeControl, row, subtle } from './plan-ui';
import type { PlanState } from './use-plan';

/** The quarter's initiatives, chosen by the TPM from the program's scope. */
export function QuarterScope({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [pick, setPick] = useState('');
  const chosen = plan.plan.initiatives;
  const rows = new Map(plan.initiatives.map((i) => [i.key, i]));
  const candidates = [...plan.candidates].sort((a, b) => compareKeys(a.key, b.key));
  const current = chosen.map(({ key, priority }) => ({ key, priority }));
  const set = (initiatives: { key: string; priority: number | null }[], message: string) =>
    state.mutate('plan/initiatives/set', { initiatives }, message);
  return (
    <PlanSection
      title={`Initiatives of the quarter (${chosen.length})`}
      testId="plan-initiatives"
      actions={
        plan.canEdit &&
        candidates.length > 0 && (
          <Button
            onClick={() =>
              void set(
                [...current, ...candidates.map((c) => ({ key: c.key, priority: null }))],
                `Added ${candidates.length} initiatives.`,
              )
            }
            testId="plan-initiatives-add-all"
          >
            Add all {candidates.length} from the program
          </Button>
        )
      }
    >
      {chosen.length === 0 ? (
        <p style={subtle}>No initiative is chosen for this quarter yet.</p>
      ) : (
        <ul
          style={{ ...row, listStyle: 'none', margin: 0, padding: 0 }}
          aria-label="Initiatives of the quarter"
          data-testid="plan-initiatives-list"
        >
          {[...chosen]
            .sort((a, b) => compareKeys(a.key, b.key))
            .map((initiative) => {
              const info = rows.get(initiative.key);
              return (
                <li
                  key={initiative.key}
                  data-testid={`plan-initiative-${initiative.key}`}
                  title={info?.summary ?? undefined}
                  style={{ ...row, gap: '4px' }}
                >
                  <Lozenge appearance={info?.inScope === false ? 'removed' : 'default'}>
                    {initiative.key}
                  </Lozenge>
                  {initiative.carriedOver && <Lozenge appearance="moved">carried over</Lozenge>}
                  {plan.canEdit && (
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      aria-label={`Remove ${initiative.key} from the quarter`}
                      onClick={() =>
                        void set(
                          current.filter((c) => c.key !== initiative.key),
                          `Removed ${initiative.key}.`,
                        )
                      }
                    >
                      ×
                    </Button>
                  )}
                </li>
              );
            })}
        </ul>
      )}
      {plan.carryOverCandidates.length > 0 && (
        <p style={subtle}>Unfinished last quarter, not chosen here: {plan.carryOverCandidates.join(', ')}.</p>
      )}
      {plan.canEdit && candidates.length > 0 && (
        <form
          style={{ ...row, alignItems: 'flex-end' }}
          onSubmit={(event) => {
            event.preventDefault();
            if (pick)
              void set([...current, { key: pick, priority: null }], `Added ${pick}.`).then(() => setPick(''));
          }}
        >
          <label style={field}>
            <span>Add an initiative</span>
            <select
              value={pick}
              onChange={(e) => setPick(e.currentTarget.value)}
              data-testid="plan-initiatives-pick"
              style={nativeControl}
            >
              <option value="">Choose…</option>
              {candidates.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.key} {c.summary} ({c.team})
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" isDisabled={!pick} testId="plan-initiatives-add">
            Add
          </Button>
        </form>
      )}
    </PlanSection>
  );
}
