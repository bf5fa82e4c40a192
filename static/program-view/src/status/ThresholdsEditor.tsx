import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ProgramStatusView, RiskSeverity } from '../../../../src/contract';
import { call, ResolverCallError } from '../api';
import { draftOf, SEVERITIES, thresholdSentences, thresholdsOf, type ThresholdsDraft } from './status-model';

interface SeverityOption {
  label: string;
  value: RiskSeverity;
}
const OPTIONS: SeverityOption[] = SEVERITIES.map((s) => ({ label: s, value: s }));

const field = { display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') } as const;
const subtle = { margin: 0, color: token('color.text.subtle') } as const;

function NumberField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div style={field}>
      <label htmlFor={id}>{label}</label>
      <Textfield
        id={id}
        type="number"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        testId={id}
      />
    </div>
  );
}

function SeverityField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: RiskSeverity[];
  onChange: (value: RiskSeverity[]) => void;
}) {
  return (
    <div style={field}>
      <label htmlFor={id}>{label}</label>
      <Select<SeverityOption, true>
        inputId={id}
        isMulti
        options={OPTIONS}
        value={OPTIONS.filter((o) => value.includes(o.value))}
        onChange={(options) => onChange(options.map((o) => o.value))}
        testId={id}
      />
    </div>
  );
}

/** When the program turns amber or red: owners edit it, everyone else reads it. */
export function ThresholdsEditor({ view, onSaved }: { view: ProgramStatusView; onSaved: () => void }) {
  const [draft, setDraft] = useState<ThresholdsDraft>(() => draftOf(view.thresholds));
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof ThresholdsDraft>(key: K) =>
    (value: ThresholdsDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const heading = (
    <h3
      id="status-thresholds-heading"
      style={{ margin: 0, font: token('font.heading.small', '600 16px/20px sans-serif') }}
    >
      RAG thresholds{view.thresholdsAreDefaults ? ' (defaults)' : ''}
    </h3>
  );
  if (!view.canEditThresholds)
    return (
      <section aria-labelledby="status-thresholds-heading" data-testid="status-thresholds-read-only">
        {heading}
        <ul style={{ margin: 0 }}>
          {thresholdSentences(view.thresholds).map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p style={subtle}>Only the program’s owners can change them.</p>
      </section>
    );

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await call('status/thresholds/set', {
        programId: view.program.id,
        expectedVersion: view.programVersion,
        thresholds: thresholdsOf(draft),
      });
      onSaved();
    } catch (e) {
      const path = e instanceof ResolverCallError ? e.errors[0]?.path : undefined;
      const message = e instanceof ResolverCallError ? e.message : 'Saving failed.';
      setError(path && !message.startsWith(path) ? `${message} (${path})` : message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section
      aria-labelledby="status-thresholds-heading"
      data-testid="status-thresholds"
      style={{ display: 'grid', gap: token('space.100', '8px') }}
    >
      {heading}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
          gap: token('space.150', '12px'),
        }}
      >
        <NumberField
          id="status-threshold-behind-amber"
          label="Amber: points behind plan, more than"
          value={draft.behindAmber}
          onChange={set('behindAmber')}
        />
        <NumberField
          id="status-threshold-behind-red"
          label="Red: points behind plan, more than"
          value={draft.behindRed}
          onChange={set('behindRed')}
        />
        <NumberField
          id="status-threshold-slip-amber"
          label="Amber: milestone late by (days)"
          value={draft.milestoneSlipAmberDays}
          onChange={set('milestoneSlipAmberDays')}
        />
        <NumberField
          id="status-threshold-slip-red"
          label="Red: milestone late by (days)"
          value={draft.milestoneSlipRedDays}
          onChange={set('milestoneSlipRedDays')}
        />
        <SeverityField
          id="status-threshold-risk-amber"
          label="Risk severities that turn it amber"
          value={draft.riskAmber}
          onChange={set('riskAmber')}
        />
        <SeverityField
          id="status-threshold-risk-red"
          label="Risk severities that turn it red"
          value={draft.riskRed}
          onChange={set('riskRed')}
        />
      </div>
      {error && (
        <SectionMessage appearance="error" testId="status-thresholds-error">
          <p>{error}</p>
        </SectionMessage>
      )}
      <div>
        <Button
          appearance="primary"
          onClick={() => void save()}
          isDisabled={saving}
          testId="status-thresholds-save"
        >
          {saving ? 'Saving…' : 'Save thresholds'}
        </Button>
      </div>
    </section>
  );
}
