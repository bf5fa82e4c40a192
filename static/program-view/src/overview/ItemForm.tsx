import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date' | 'number' | 'select';
  options?: readonly { value: string; label: string }[];
}

export type FormValues = Record<string, string>;

/** A small in-place form: every field is text until the section turns it into its contract type. */
export function ItemForm({
  fields,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
}: {
  fields: readonly FieldSpec[];
  initial: FormValues;
  submitLabel: string;
  onSubmit: (values: FormValues) => Promise<boolean>;
  onCancel: () => void;
  testId: string;
}) {
  const [values, setValues] = useState<FormValues>(initial);
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <form
      data-testid={testId}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        gap: token('space.100', '8px'),
        padding: token('space.150', '12px'),
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.small', '3px'),
      }}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSubmit(values).then((done) => {
          setBusy(false);
          if (done) onCancel();
        });
      }}
    >
      {fields.map((field) => (
        <label
          key={field.name}
          style={{ display: 'flex', flexDirection: 'column', gap: '4px', fontSize: '12px' }}
        >
          <span>{field.label}</span>
          {field.kind === 'textarea' ? (
            <TextArea
              name={field.name}
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name, e.currentTarget.value)}
              testId={`${testId}-${field.name}`}
            />
          ) : field.kind === 'select' ? (
            <select
              name={field.name}
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name, e.currentTarget.value)}
              data-testid={`${testId}-${field.name}`}
              style={{ padding: '6px' }}
            >
              {(field.options ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <Textfield
              name={field.name}
              type={field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text'}
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name, e.currentTarget.value)}
              testId={`${testId}-${field.name}`}
            />
          )}
        </label>
      ))}
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'end' }}>
        <Button type="submit" appearance="primary" isDisabled={busy} testId={`${testId}-submit`}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
