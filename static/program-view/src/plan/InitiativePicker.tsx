// One initiative chosen from a list of any length (the Plan tab's add and pin pickers).
import { Suspense, lazy, useMemo, useState, type ComponentType } from 'react';
import type { SelectProps } from '@atlaskit/select';
import { useAfterPaint } from '../../../shared/use-after-paint';
import { SelectPlaceholder } from '../components/SelectPlaceholder';
import { PICKER_LIMIT, pickerNote, searchInitiatives, type InitiativeChoice } from './long-lists-model';

interface InitiativeOption {
  label: string;
  value: string;
}

// react-select's code is fetched once the list above it is painted: the tab's first entries do not wait for it.
const Select = lazy(() =>
  import('@atlaskit/select').then((m) => ({
    default: m.default as unknown as ComponentType<SelectProps<InitiativeOption>>,
  })),
);

const PROMPT = 'Type a key or a name';

const optionOf = (choice: InitiativeChoice): InitiativeOption => ({
  value: choice.key,
  label: [choice.key, choice.summary, choice.team ? `(${choice.team})` : null].filter(Boolean).join(' '),
});

/**
 * Chooses one initiative of a list of any length: what is typed narrows it, and the list offers at most 50
 * matches at a time (the exact key first) instead of drawing every initiative of a big quarter.
 */
export function InitiativePicker({
  inputId,
  choices,
  value,
  onChange,
  testId,
}: {
  /** The id of the picker's text input, for its label's htmlFor. */
  inputId: string;
  choices: readonly InitiativeChoice[];
  value: string;
  onChange: (key: string) => void;
  testId: string;
}) {
  const [typed, setTyped] = useState('');
  const wanted = useAfterPaint(true);
  const options = useMemo(() => {
    const matches = searchInitiatives(choices, typed, PICKER_LIMIT);
    const shown = matches.shown.map(optionOf);
    const note = pickerNote(matches, typed);
    return note ? [{ label: note, options: shown }] : shown;
  }, [choices, typed]);
  const chosen = useMemo(() => choices.find((c) => c.key === value), [choices, value]);
  const placeholder = <SelectPlaceholder text={PROMPT} />;
  return (
    <div data-testid={testId} style={{ minWidth: '320px' }}>
      {wanted ? (
        <Suspense fallback={placeholder}>
          <Select
            inputId={inputId}
            instanceId={inputId}
            options={options}
            value={chosen ? optionOf(chosen) : null}
            inputValue={typed}
            onInputChange={(text) => setTyped(text)}
            // The options are already the matches, best first: react-select must not filter them again.
            filterOption={null}
            onChange={(option) => onChange(option?.value ?? '')}
            isClearable
            placeholder={PROMPT}
            noOptionsMessage={() =>
              typed.trim() ? `No initiative matches “${typed.trim()}”` : 'No initiative to choose'
            }
          />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}
