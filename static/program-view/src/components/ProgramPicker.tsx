import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { ProgramSummary } from '../../../../src/contract';

interface ProgramOption {
  label: string;
  value: string;
}

export function ProgramPicker(props: {
  programs: readonly ProgramSummary[];
  selectedId: string;
  onSelect: (programId: string) => void;
}) {
  const options: ProgramOption[] = props.programs.map((program) => ({
    label: program.name,
    value: program.id,
  }));
  const selected = options.find((option) => option.value === props.selectedId) ?? null;
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px'), maxWidth: '360px' }}
    >
      <label
        htmlFor="program-picker"
        style={{
          font: token('font.body.small', 'normal 400 12px/16px sans-serif'),
          fontWeight: token('font.weight.semibold', '600'),
          color: token('color.text.subtle'),
        }}
      >
        Program
      </label>
      <Select<ProgramOption>
        inputId="program-picker"
        options={options}
        value={selected}
        isSearchable={options.length > 7}
        onChange={(option) => option && props.onSelect(option.value)}
      />
    </div>
  );
}
