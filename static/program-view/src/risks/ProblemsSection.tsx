// Problems: risks that happened, each with what happened, its owner and how it is being resolved. Owners and
// the leads of the teams a problem concerns update the resolution, the date it was resolved and the owner.
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { Person, RegisterRisk } from '../../../../src/contract';
import { call, ResolverCallError } from '../api';
import { IssueText } from './IssueText';
import { PersonSelect } from './PersonSelect';
import { dateOnly, personName, problemsFirstOpen } from './risks-model';
import { sectionHeading, subtle } from './styles';

const card = {
  display: 'grid',
  gap: token('space.100', '8px'),
  padding: token('space.150', '12px'),
  border: `1px solid ${token('color.border')}`,
  borderRadius: token('radius.small', '3px'),
} as const;

function ProblemEditor({
  programId,
  risk,
  people,
  onSaved,
}: {
  programId: string;
  risk: RegisterRisk;
  people: readonly Person[];
  onSaved: () => void;
}) {
  const problem = risk.problem;
  const [resolution, setResolution] = useState(problem?.resolution ?? '');
  const [resolvedAt, setResolvedAt] = useState(problem?.resolvedAt ?? '');
  const [owner, setOwner] = useState(problem?.ownerAccountId ?? risk.ownerAccountId ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const id = (field: string) => `problem-${field}-${risk.id}`;
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await call('risks/problem/update', {
        programId,
        riskId: risk.id,
        expectedVersion: risk.version,
        resolution,
        resolvedAt: resolvedAt === '' ? null : resolvedAt,
        ...(owner !== '' ? { ownerAccountId: owner } : {}),
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ResolverCallError ? e.message : 'Saving the problem failed.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      data-testid={`problem-form-${risk.id}`}
      style={{
        display: 'grid',
        gap: token('space.100', '8px'),
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id('resolution')} style={{ display: 'grid', gap: token('space.050', '4px') }}>
        Resolution
        <TextArea
          id={id('resolution')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          testId={id('resolution')}
        />
      </label>
      <label htmlFor={id('resolved')} style={{ display: 'grid', gap: token('space.050', '4px') }}>
        Resolved on (leave empty while open)
        <Textfield
          id={id('resolved')}
          type="date"
          value={resolvedAt}
          onChange={(e) => setResolvedAt(e.currentTarget.value)}
          testId={id('resolved')}
        />
      </label>
      <div style={{ display: 'grid', gap: token('space.050', '4px') }}>
        <label htmlFor={id('owner')}>Owner</label>
        <PersonSelect inputId={id('owner')} people={people} value={owner} onChange={setOwner} />
      </div>
      <div
        style={{
          gridColumn: '1 / -1',
          display: 'flex',
          gap: token('space.100', '8px'),
          alignItems: 'center',
        }}
      >
        <Button type="submit" appearance="primary" isDisabled={saving} testId={id('save')}>
          {saving ? 'Saving…' : 'Save the problem'}
        </Button>
      </div>
      {error && (
        <div style={{ gridColumn: '1 / -1' }}>
          <SectionMessage appearance="error" testId={id('error')}>
            <p>{error}</p>
          </SectionMessage>
        </div>
      )}
    </form>
  );
}

export function ProblemsSection({
  programId,
  risks,
  people,
  siteUrl,
  onSaved,
  onRecordProblem,
}: {
  programId: string;
  risks: readonly RegisterRisk[];
  people: readonly Person[];
  siteUrl: string | undefined;
  onSaved: () => void;
  onRecordProblem: (risk: RegisterRisk) => void;
}) {
  const problems = problemsFirstOpen(risks);
  return (
    <section
      aria-labelledby="problems-heading"
      data-testid="problems"
      style={{ display: 'grid', gap: token('space.100', '8px') }}
    >
      <h3 id="problems-heading" style={sectionHeading}>
        Problems ({problems.length})
      </h3>
      {problems.length === 0 ? (
        <p style={subtle} data-testid="problems-empty">
          No risk has happened. When one does, record it with “It happened” in the register.
        </p>
      ) : (
        problems.map((risk) => {
          const problem = risk.problem;
          return (
            <article
              key={risk.id}
              style={card}
              data-testid={`problem-${risk.id}`}
              aria-label={`Problem: ${risk.title}`}
            >
              <div
                style={{
                  display: 'flex',
                  gap: token('space.100', '8px'),
                  alignItems: 'center',
                  flexWrap: 'wrap',
                }}
              >
                <strong>
                  <IssueText text={risk.title} siteUrl={siteUrl} />
                </strong>
                {problem?.resolvedAt ? (
                  <Lozenge appearance="success">resolved {problem.resolvedAt}</Lozenge>
                ) : (
                  <Lozenge appearance="removed">open</Lozenge>
                )}
              </div>
              <p style={{ margin: 0 }}>
                <strong>What happened: </strong>
                {problem?.description || <span style={subtle}>not recorded</span>}
              </p>
              <p style={{ margin: 0, ...subtle }}>
                Owner: {personName(people, problem?.ownerAccountId ?? risk.ownerAccountId)} · happened{' '}
                {dateOnly(problem?.happenedAt)}
              </p>
              {risk.canManageProblem && problem ? (
                <ProblemEditor
                  key={risk.version}
                  programId={programId}
                  risk={risk}
                  people={people}
                  onSaved={onSaved}
                />
              ) : (
                <p style={{ margin: 0 }}>
                  <strong>Resolution: </strong>
                  {problem?.resolution || <span style={subtle}>not resolved yet</span>}
                </p>
              )}
              {risk.canManageProblem && !problem && (
                <div>
                  <Button onClick={() => onRecordProblem(risk)} testId={`problem-record-${risk.id}`}>
                    Record what happened and who owns it
                  </Button>
                </div>
              )}
            </article>
          );
        })
      )}
    </section>
  );
}
