import { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ProgramOverview } from '../../../../src/contract';
import { ItemForm } from './ItemForm';
import { lines, Section, subtle } from './Section';
import type { OverviewState } from './use-overview';

/** The initiation assessment: description tied to OKRs, expected benefits, resources needed. */
export function DescriptionSection({
  overview,
  mutate,
}: {
  overview: ProgramOverview;
  mutate: OverviewState['mutate'];
}) {
  const { program, canEdit } = overview;
  const [editing, setEditing] = useState(false);
  return (
    <Section
      title="Description"
      testId="description-section"
      actions={
        canEdit &&
        !editing && (
          <Button onClick={() => setEditing(true)} testId="description-edit">
            Edit
          </Button>
        )
      }
    >
      {editing ? (
        <ItemForm
          testId="description-form"
          fields={[
            { name: 'name', label: 'Name' },
            { name: 'description', label: 'High-level description', kind: 'textarea' },
            { name: 'expectedBenefits', label: 'Expected benefits', kind: 'textarea' },
            { name: 'resourcesNeeded', label: 'Resources needed', kind: 'textarea' },
            { name: 'scopeJql', label: 'Scope JQL' },
            { name: 'dependencyLinkTypes', label: 'Dependency link types (comma separated)' },
          ]}
          initial={{
            name: program.name,
            description: program.description,
            expectedBenefits: program.expectedBenefits,
            resourcesNeeded: program.resourcesNeeded,
            scopeJql: program.scopeJql,
            dependencyLinkTypes: program.dependencyLinkTypes.join(', '),
          }}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={(v) =>
            mutate('program/update', {
              programId: program.id,
              expectedVersion: program.version,
              changes: {
                name: v.name ?? '',
                description: v.description ?? '',
                expectedBenefits: v.expectedBenefits ?? '',
                resourcesNeeded: v.resourcesNeeded ?? '',
                scopeJql: v.scopeJql ?? '',
                dependencyLinkTypes: lines(v.dependencyLinkTypes ?? ''),
              },
            })
          }
        />
      ) : (
        <dl data-testid="description-view" style={{ margin: 0 }}>
          <dt>Description</dt>
          <dd style={subtle}>{program.description || 'Not written yet.'}</dd>
          <dt>Expected benefits</dt>
          <dd style={subtle}>{program.expectedBenefits || 'Not written yet.'}</dd>
          <dt>Resources needed</dt>
          <dd style={subtle}>{program.resourcesNeeded || 'Not written yet.'}</dd>
          <dt>Scope JQL</dt>
          <dd style={subtle}>
            <code>{program.scopeJql}</code>
          </dd>
          <dt>Dependency link types</dt>
          <dd style={subtle}>{program.dependencyLinkTypes.join(', ')}</dd>
        </dl>
      )}
    </Section>
  );
}
