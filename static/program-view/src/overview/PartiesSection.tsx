import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { Person, ProgramOverview } from '../../../../src/contract';
import { call } from '../api';
import { ItemForm } from './ItemForm';
import { Section, subtle } from './Section';
import { nameOf, type OverviewState } from './use-overview';

interface Option {
  value: string;
  label: string;
}

const searchPeople = async (query: string): Promise<Option[]> => {
  if (!query.trim()) return [];
  const { users } = await call('program/users/search', { query });
  return users.map((u) => ({ value: u.accountId, label: u.displayName }));
};

function PersonPicker({
  label,
  testId,
  value,
  multi,
  onChange,
}: {
  label: string;
  testId: string;
  value: Option[];
  multi: boolean;
  onChange: (options: Option[]) => void;
}) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: '4px', fontSize: '12px' }}>
      <span>{label}</span>
      <AsyncSelect<Option, boolean>
        inputId={`${testId}-input`}
        testId={testId}
        isMulti={multi}
        isClearable
        loadOptions={searchPeople}
        value={multi ? value : (value[0] ?? null)}
        onChange={(selected) =>
          onChange(
            selected === null
              ? []
              : Array.isArray(selected)
                ? [...(selected as Option[])]
                : [selected as Option],
          )
        }
        placeholder="Type a name"
      />
    </label>
  );
}

/** Sponsor, stakeholders and owners as Jira users; teams with their lead and capacity. */
export function PartiesSection({ overview, state }: { overview: ProgramOverview; state: OverviewState }) {
  const { program, canEdit, editableTeamIds } = overview;
  const [editing, setEditing] = useState(false);
  const [teamEditing, setTeamEditing] = useState<string | null>(null);
  const asOption = (id: string): Option => ({ value: id, label: nameOf(overview, id) });
  const [owners, setOwners] = useState<Option[]>([]);
  const [sponsor, setSponsor] = useState<Option[]>([]);
  const [stakeholders, setStakeholders] = useState<Option[]>([]);

  const startEditing = () => {
    setOwners(program.owners.map(asOption));
    setSponsor(program.sponsor ? [asOption(program.sponsor)] : []);
    setStakeholders(program.stakeholders.map(asOption));
    setEditing(true);
  };
  const save = async () => {
    const people: Person[] = [...owners, ...sponsor, ...stakeholders].map((o) => ({
      accountId: o.value,
      displayName: o.label,
    }));
    const done = await state.mutate('program/parties/update', {
      programId: program.id,
      expectedVersion: program.version,
      parties: {
        owners: owners.map((o) => o.value),
        sponsor: sponsor[0]?.value ?? null,
        stakeholders: stakeholders.map((o) => o.value),
        people,
      },
    });
    if (done) setEditing(false);
  };
  const teamFields = [
    { name: 'name', label: 'Team' },
    { name: 'jiraTeam', label: 'Jira team or project' },
    {
      name: 'leadAccountId',
      label: 'Lead',
      kind: 'select' as const,
      options: [
        { value: '', label: '—' },
        ...[
          ...new Set([
            ...program.people.map((p) => p.accountId),
            ...program.teams.flatMap((t) => (t.leadAccountId ? [t.leadAccountId] : [])),
          ]),
        ].map((id) => ({ value: id, label: nameOf(overview, id) })),
      ],
    },
    { name: 'capacityPerSprint', label: 'Capacity per sprint', kind: 'number' as const },
  ];
  const teamPayload = (v: Record<string, string>) => ({
    name: v.name ?? '',
    jiraTeam: v.jiraTeam ?? '',
    leadAccountId: v.leadAccountId || null,
    capacityPerSprint: Number(v.capacityPerSprint ?? 0),
  });

  return (
    <Section
      title="Involved parties"
      testId="parties-section"
      actions={
        canEdit &&
        !editing && (
          <>
            <Button onClick={startEditing} testId="parties-edit">
              Edit people
            </Button>
            <Button onClick={() => setTeamEditing('new')} testId="teams-add">
              Add team
            </Button>
          </>
        )
      }
    >
      {editing ? (
        <div
          data-testid="parties-form"
          style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: token('space.100', '8px') }}
        >
          <PersonPicker
            label="Owners (TPMs)"
            testId="parties-owners"
            multi
            value={owners}
            onChange={setOwners}
          />
          <PersonPicker
            label="Sponsor"
            testId="parties-sponsor"
            multi={false}
            value={sponsor}
            onChange={setSponsor}
          />
          <PersonPicker
            label="Stakeholders"
            testId="parties-stakeholders"
            multi
            value={stakeholders}
            onChange={setStakeholders}
          />
          <div style={{ display: 'flex', gap: '4px' }}>
            <Button appearance="primary" onClick={() => void save()} testId="parties-save">
              Save
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </div>
      ) : (
        <dl data-testid="parties-view" style={{ margin: 0 }}>
          <dt>Owners</dt>
          <dd style={subtle}>{program.owners.map((id) => nameOf(overview, id)).join(', ')}</dd>
          <dt>Sponsor</dt>
          <dd style={subtle} data-testid="parties-sponsor-name">
            {nameOf(overview, program.sponsor)}
          </dd>
          <dt>Stakeholders</dt>
          <dd style={subtle} data-testid="parties-stakeholder-names">
            {program.stakeholders.map((id) => nameOf(overview, id)).join(', ') || '—'}
          </dd>
        </dl>
      )}
      {teamEditing === 'new' && (
        <ItemForm
          testId="team-form"
          fields={teamFields}
          initial={{ name: '', jiraTeam: '', leadAccountId: '', capacityPerSprint: '20' }}
          submitLabel="Add team"
          onCancel={() => setTeamEditing(null)}
          onSubmit={(v) =>
            state.mutate('program/teams/save', {
              programId: program.id,
              expectedVersion: program.version,
              team: teamPayload(v),
            })
          }
        />
      )}
      <table data-testid="teams-table" style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th align="left">Team</th>
            <th align="left">Jira team or project</th>
            <th align="left">Lead</th>
            <th align="right">Capacity per sprint</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {program.teams.map((team) =>
            teamEditing === team.id ? (
              <tr key={team.id}>
                <td colSpan={5}>
                  <ItemForm
                    testId="team-form"
                    fields={
                      canEdit
                        ? teamFields
                        : teamFields.filter((f) => f.name === 'jiraTeam' || f.name === 'capacityPerSprint')
                    }
                    initial={{
                      name: team.name,
                      jiraTeam: team.jiraTeam,
                      leadAccountId: team.leadAccountId ?? '',
                      capacityPerSprint: String(team.capacityPerSprint),
                    }}
                    submitLabel="Save"
                    onCancel={() => setTeamEditing(null)}
                    onSubmit={(v) =>
                      state.mutate('program/teams/save', {
                        programId: program.id,
                        expectedVersion: program.version,
                        teamId: team.id,
                        team: teamPayload({ name: team.name, leadAccountId: team.leadAccountId ?? '', ...v }),
                      })
                    }
                  />
                </td>
              </tr>
            ) : (
              <tr key={team.id} data-testid="team-row">
                <td>{team.name}</td>
                <td>{team.jiraTeam}</td>
                <td>{nameOf(overview, team.leadAccountId)}</td>
                <td align="right">{team.capacityPerSprint}</td>
                <td>
                  {editableTeamIds.includes(team.id) && (
                    <Button appearance="subtle" onClick={() => setTeamEditing(team.id)} testId="team-edit">
                      Edit
                    </Button>
                  )}
                  {canEdit && (
                    <Button
                      appearance="subtle"
                      testId="team-delete"
                      onClick={() =>
                        void state.mutate('program/teams/delete', {
                          programId: program.id,
                          expectedVersion: program.version,
                          teamId: team.id,
                        })
                      }
                    >
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </Section>
  );
}
