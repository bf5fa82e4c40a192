// "It happened": the risk becomes a problem with what happened and who owns dealing with it. An in-page form
// right under the register, focused when it opens.
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { Person, RegisterRisk } from '../../../../src/contract';
import { call, ResolverCallError } from '../api';
import { PersonSelect } from './PersonSelect';
import { sectionHeading } from './styles';

export function RecordProblemForm({
  programId,
  risk,
  people,
  onCancel,
  onSaved,
}: {
  programId: string;
  risk: RegisterRisk;
  people: readonly Person[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState(risk.ownerAccountId ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => descriptionRef.current?.focus(), [risk.id]);
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await call('risks/problem/record', {
        programId,
        riskId: risk.id,
        expectedVersion: risk.version,
        description,
        ownerAccountId: owner,
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ResolverCallError ? e.message : 'Recording the problem failed.');
      setSaving(false);
    }
  };
  return (
    <form
      data-testid="record-problem-form"
      aria-labelledby="record-problem-heading"
      style={{
        display: 'grid',
        gap: token('space.150', '12px'),
        padding: token('space.200', '16px'),
        border: `1px solid ${token('color.border.bold')}`,
        borderRadius: token('radius.small', '3px'),
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id="record-problem-heading" style={sectionHeading}>
        It happened: {risk.title}
      </h3>
      <label htmlFor="problem-description" style={{ display: 'grid', gap: token('space.050', '4px') }}>
        What happened
        <TextArea
          id="problem-description"
          ref={descriptionRef}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          testId="problem-description"
          isRequired
        />
      </label>
      <div style={{ display: 'grid', gap: token('space.050', '4px'), maxWidth: 360 }}>
        <label htmlFor="problem-owner">Owner of the problem</label>
        <PersonSelect inputId="problem-owner" people={people} value={owner} onChange={setOwner} />
      </div>
      {error && (
        <SectionMessage appearance="error" testId="record-problem-error">
          <p>{error}</p>
        </SectionMessage>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button
          appearance="primary"
          type="submit"
          isDisabled={saving || description.trim() === '' || owner === ''}
          testId="record-problem-save"
        >
          {saving ? 'Recording…' : 'Record the problem'}
        </Button>
        <Button appearance="subtle" onClick={onCancel} testId="record-problem-cancel">
          Cancel
        </Button>
      </div>
    </form>
  );
}
