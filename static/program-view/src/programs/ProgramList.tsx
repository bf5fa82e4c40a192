import { useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import type { ProgramListRow } from '../../../../src/contract';
import { EmptyState } from '../components/EmptyState';
import { CreateProgram } from './CreateProgram';

/** Every program the viewer takes part in; a click opens it. */
export function ProgramList({
  programs,
  onOpen,
  onCreated,
}: {
  programs: readonly ProgramListRow[];
  onOpen: (programId: string) => void;
  onCreated: (programId: string) => void;
}) {
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="program-list" style={{ display: 'flex', flexDirection: 'column', gap: '8px' }}>
      <div>
        <Button appearance="primary" onClick={() => setCreating(true)} testId="create-program">
          Create program
        </Button>
      </div>
      {creating && <CreateProgram onClose={() => setCreating(false)} onCreated={onCreated} />}
      <DynamicTable
        testId="programs-table"
        head={{
          cells: [
            { key: 'name', content: 'Program', isSortable: true },
            { key: 'stage', content: 'Stage', isSortable: true },
            { key: 'owner', content: 'Owner' },
            { key: 'updated', content: 'Updated', isSortable: true },
          ],
        }}
        rows={programs.map((p) => ({
          key: p.id,
          testId: `program-row-${p.id}`,
          cells: [
            {
              key: p.name,
              content: (
                <Button appearance="subtle" onClick={() => onOpen(p.id)} testId={`open-program-${p.id}`}>
                  {p.name}
                </Button>
              ),
            },
            { key: p.stage, content: <Lozenge appearance="new">{p.stage}</Lozenge> },
            { key: 'owner', content: p.owners.map((o) => o.displayName).join(', ') },
            { key: p.updatedAt, content: p.updatedAt.slice(0, 10) },
          ],
        }))}
        emptyView={
          <EmptyState
            testId="no-programs"
            header="No programs yet"
            description={
              <>
                <p>
                  A program groups the epics several teams deliver toward one goal. Create one and give it a
                  JQL scope, for example <code>issuetype = Epic AND project in (PAY, ID)</code>.
                </p>
                <p>If a program exists but you don’t see it, ask its TPM to add you to it.</p>
              </>
            }
            action={
              <Button appearance="primary" onClick={() => setCreating(true)}>
                Create your first program
              </Button>
            }
          />
        }
      />
    </div>
  );
}
