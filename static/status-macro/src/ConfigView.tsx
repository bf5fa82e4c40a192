import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { useCallback, useEffect, useState } from 'react';
import { call } from './api';
import { stageLabel } from './card-model';
import { loadMacroContext, submitConfig } from './host';
import { MacroError } from './MacroError';
import { ConfigSkeleton } from './MacroSkeletons';
import { useResource } from './use-resource';

interface Option {
  label: string;
  value: string;
}

/** The macro's configuration: pick one of the programs the configuring user may read. */
export function ConfigView() {
  const load = useCallback(async () => {
    const [context, answer] = await Promise.all([loadMacroContext(), call('macro/programs', {})]);
    return { current: context.programId, programs: answer.programs };
  }, []);
  const { resource, retry } = useResource(load);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (resource.state === 'ready' && picked === undefined) setPicked(resource.value.current);
  }, [resource, picked]);

  if (resource.state === 'loading') return <ConfigSkeleton />;
  if (resource.state === 'failed')
    return (
      <MacroError
        error={resource.error}
        title="Your programs could not be loaded"
        onRetry={retry}
        testId="config-error"
      />
    );
  const options: Option[] = resource.value.programs.map((p) => ({
    value: p.id,
    label: `${p.name} (${stageLabel[p.stage]})`,
  }));
  if (options.length === 0)
    return (
      <SectionMessage appearance="information" title="No programs to show" testId="no-programs">
        <p>
          The macro shows a program you have a role in, and you have none yet. Ask a program manager to add
          you, or create a program on the Programs page in Jira.
        </p>
      </SectionMessage>
    );

  const save = async () => {
    if (!picked) return;
    setSaving(true);
    setError(undefined);
    try {
      await submitConfig({ programId: picked });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The setting could not be saved.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      data-testid="macro-config"
      style={{ display: 'grid', gap: 12, padding: 8 }}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor="program-picker">Program</label>
      <Select<Option>
        inputId="program-picker"
        options={options}
        value={options.find((o) => o.value === picked) ?? null}
        onChange={(option) => setPicked(option?.value)}
        placeholder="Choose a program"
      />
      {error && <p role="alert">{error}</p>}
      <div>
        <Button appearance="primary" type="submit" isDisabled={!picked || saving}>
          Save
        </Button>
      </div>
    </form>
  );
}
