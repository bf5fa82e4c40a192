import Select from '@atlaskit/select';

interface TeamOption {
  label: string;
  value: string;
}

/** The Scope table's team filter: any number of teams; none chosen shows every team. */
export function TeamFilter({
  inputId,
  teams,
  chosen,
  onChange,
}: {
  inputId: string;
  teams: readonly string[];
  chosen: readonly string[];
  onChange: (teams: readonly string[]) => void;
}) {
  const options: TeamOption[] = teams.map((team) => ({ label: team, value: team }));
  return (
    <Select<TeamOption, true>
      inputId={inputId}
      isMulti
      isClearable
      placeholder="All teams"
      options={options}
      value={options.filter((o) => chosen.includes(o.value))}
      onChange={(selected) => onChange((selected ?? []).map((o) => o.value))}
    />
  );
}
