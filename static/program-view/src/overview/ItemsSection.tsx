import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { Agreement, ProgramOverview } from '../../../../src/contract';
import { ItemForm, type FieldSpec, type FormValues } from './ItemForm';
import { Section, subtle } from './Section';
import { nameOf, type OverviewState } from './use-overview';

export type ItemRoute = 'strategies' | 'strategic-initiatives' | 'goals' | 'milestones' | 'risks';

interface Item {
  id: string;
  version: number;
  agreement?: Agreement | null;
}

/** A list of one kind of artifact, each editable in place, with add, delete and (optionally) agree. */
export function ItemsSection<T extends Item>({
  title,
  route,
  noun,
  overview,
  state,
  items,
  fields,
  blank,
  valuesOf,
  fieldsOf,
  render,
  agreeable = false,
}: {
  title: string;
  route: ItemRoute;
  noun: string;
  overview: ProgramOverview;
  state: OverviewState;
  items: readonly T[];
  fields: readonly FieldSpec[];
  blank: FormValues;
  valuesOf: (item: T) => FormValues;
  fieldsOf: (values: FormValues) => unknown;
  render: (item: T) => ReactNode;
  agreeable?: boolean;
}) {
  const { program, canEdit } = overview;
  const [editing, setEditing] = useState<string | null>(null);
  const [agreeing, setAgreeing] = useState<string | null>(null);
  const mutate = state.mutate as (key: string, payload: unknown) => Promise<boolean>;
  const testId = `${route}-section`;

  return (
    <Section
      title={title}
      testId={testId}
      actions={
        canEdit &&
        editing === null && (
          <Button onClick={() => setEditing('new')} testId={`${route}-add`}>
            Add {noun}
          </Button>
        )
      }
    >
      {editing === 'new' && (
        <ItemForm
          testId={`${route}-form`}
          fields={fields}
          initial={blank}
          submitLabel={`Add ${noun}`}
          onCancel={() => setEditing(null)}
          onSubmit={(v) => mutate(`program/${route}/save`, { programId: program.id, fields: fieldsOf(v) })}
        />
      )}
      {items.length === 0 && editing !== 'new' && <p style={subtle}>No {noun}s yet.</p>}
      <ul
        style={{
          listStyle: 'none',
          padding: 0,
          margin: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: token('space.100', '8px'),
        }}
      >
        {items.map((item) => (
          <li
            key={item.id}
            data-testid={`${route}-item`}
            style={{ display: 'flex', flexDirection: 'column', gap: '4px' }}
          >
            {editing === item.id ? (
              <ItemForm
                testId={`${route}-form`}
                fields={fields}
                initial={valuesOf(item)}
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSubmit={(v) =>
                  mutate(`program/${route}/save`, {
                    programId: program.id,
                    id: item.id,
                    expectedVersion: item.version,
                    fields: fieldsOf(v),
                  })
                }
              />
            ) : (
              <div
                style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100', '8px') }}
              >
                <div>
                  {render(item)}
                  {agreeable && (
                    <p style={subtle} data-testid={`${route}-agreement`}>
                      {item.agreement
                        ? `Agreed by ${item.agreement.agreedBy.map((a) => nameOf(overview, a)).join(', ')} on ${item.agreement.at.slice(0, 10)}`
                        : 'Not agreed yet'}
                    </p>
                  )}
                </div>
                {canEdit && (
                  <div style={{ display: 'flex', gap: '4px', alignItems: 'start' }}>
                    <Button onClick={() => setEditing(item.id)} testId={`${route}-edit`}>
                      Edit
                    </Button>
                    {agreeable && (
                      <Button onClick={() => setAgreeing(item.id)} testId={`${route}-agree`}>
                        Record agreement
                      </Button>
                    )}
                    <Button
                      appearance="subtle"
                      testId={`${route}-delete`}
                      onClick={() =>
                        void mutate(`program/${route}/delete`, {
                          programId: program.id,
                          id: item.id,
                          expectedVersion: item.version,
                        })
                      }
                    >
                      Delete
                    </Button>
                  </div>
                )}
              </div>
            )}
            {agreeing === item.id && (
              <ItemForm
                testId={`${route}-agree-form`}
                fields={[
                  {
                    name: 'agreedBy',
                    label: 'Agreed by',
                    kind: 'select',
                    options: partiesOf(overview).map((p) => ({ value: p.accountId, label: p.label })),
                  },
                  { name: 'note', label: 'Note' },
                ]}
                initial={{ agreedBy: program.sponsor ?? program.owners[0] ?? '', note: '' }}
                submitLabel="Record"
                onCancel={() => setAgreeing(null)}
                onSubmit={(v) =>
                  mutate(`program/${route}/agree`, {
                    programId: program.id,
                    id: item.id,
                    expectedVersion: item.version,
                    agreedBy: v.agreedBy ? [v.agreedBy] : [],
                    note: v.note ?? '',
                  })
                }
              />
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Everyone who can agree: the program's owners, sponsor, stakeholders and team leads. */
export function partiesOf(overview: ProgramOverview): { accountId: string; label: string }[] {
  const p = overview.program;
  const ids = [
    ...(p.sponsor ? [p.sponsor] : []),
    ...p.stakeholders,
    ...p.owners,
    ...p.teams.flatMap((t) => (t.leadAccountId ? [t.leadAccountId] : [])),
  ];
  return [...new Set(ids)].map((id) => ({ accountId: id, label: nameOf(overview, id) }));
}
