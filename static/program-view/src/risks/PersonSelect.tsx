import Select from '@atlaskit/select';
import type { Person } from '../../../../src/contract';

interface PersonOption {
  label: string;
  value: string;
}

/** Picks one of the people named in the program. */
export function PersonSelect({
  inputId,
  people,
  value,
  onChange,
}: {
  inputId: string;
  people: readonly Person[];
  value: string;
  onChange: (accountId: string) => void;
}) {
  const options: PersonOption[] = people.map((p) => ({ label: p.displayName, value: p.accountId }));
  return (
    <Select<PersonOption>
      inputId={inputId}
      options={options}
      value={options.find((o) => o.value === value) ?? null}
      onChange={(option) => option && onChange(option.value)}
      placeholder="Choose a person"
    />
  );
}
