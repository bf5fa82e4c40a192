import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { QuarterPlanView } from '../../../../src/contract';
import { TablePagination, useTablePage } from '../tables/TablePagination';
import { InitiativePicker } from './InitiativePicker';
import { compareKeys } from './plan-model';
import { PlanSection, field, row, subtle } from './plan-ui';
import type { PlanState } from './use-plan';

/** Entries a long list of the Plan tab draws at once, as its tables do. */
export const LIST_PAGE = 50;

/** The quarter's initiatives, chosen by the TPM from the program's scope; 50 a page, by key. */
export function QuarterScope({ plan, state }: { plan: QuarterPlanView; state: PlanState }) {
  const [pick, setPick] = useState('');
  const chosen = plan.plan.initiatives;
  const rows = useMemo(() => new Map(plan.initiatives.map((i) => [i.key, i])), [plan.initiatives]);
  const candidates = useMemo(
    () => [...plan.candidates].sort((a, b) => compareKeys(a.key, b.key)),
    [plan.candidates],
  );
  const byKey = useMemo(() => [...chosen].sort((a, b) => compareKeys(a.key, b.key)), [chosen]);
  const { shown, setPage } = useTablePage(byKey, LIST_PAGE);
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
        <p style={subtle} data-testid="plan-initiatives-empty">
          No initiative is chosen for this quarter yet.{' '}
          {!plan.canEdit
            ? 'The program’s owners choose them; they will show here.'
            : candidates.length > 0
              ? `Add them one at a time below, or all ${candidates.length} of the program with “Add all”.`
              : 'The program has no initiative to choose: add epics to its scope on the Scope tab.'}
        </p>
      ) : (
        <>
          {shown.pages > 1 && (
            <p style={subtle} data-testid="plan-initiatives-range">
              {shown.range}, by key
            </p>
          )}
          <ul
            style={{ ...row, listStyle: 'none', margin: 0, padding: 0 }}
            aria-label={
              shown.pages > 1 ? `Initiatives of the quarter, ${shown.range}` : 'Initiatives of the quarter'
            }
            data-testid="plan-initiatives-list"
          >
            {shown.items.map((initiative) => {
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
          <TablePagination
            shown={shown}
            onSetPage={setPage}
            label="Pages of the quarter’s initiatives"
            testId="plan-initiatives-pagination"
          />
        </>
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
          <div style={field}>
            <label htmlFor="plan-initiatives-pick-input">Add an initiative</label>
            <InitiativePicker
              inputId="plan-initiatives-pick-input"
              choices={candidates}
              value={pick}
              onChange={setPick}
              testId="plan-initiatives-pick"
            />
          </div>
          <Button type="submit" isDisabled={!pick} testId="plan-initiatives-add">
            Add
          </Button>
        </form>
      )}
    </PlanSection>
  );
}
