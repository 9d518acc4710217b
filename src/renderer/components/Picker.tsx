import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  readonly value: number;
  readonly label: string;
  /** A second, quieter line: a short name, a task's problem. */
  readonly detail?: string;
}

/** What the FieldFrame gives its control: the id and the aria attributes tying it to label and error. */
interface FieldAria {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-required': boolean;
}

const SHOWN = 50;

const matches = (option: PickerOption, query: string): boolean => {
  const q = query.trim().toLowerCase();
  return q === '' || option.label.toLowerCase().includes(q) || (option.detail ?? '').toLowerCase().includes(q);
};

/**
 * Chooses one or several records by typing part of their name: the chosen ones stand as chips
 * (in the order chosen; × or Backspace removes one), the matches open below. ↑ ↓ move, Enter
 * chooses, Esc closes the list. With `onQuery` the caller finds the matches (a search in the core);
 * with `create`, the last entry makes a new record of what was typed.
 */
export function Picker({
  aria,
  options,
  selected,
  onChange,
  multiple,
  ordered = false,
  onQuery,
  create,
  labelOf,
  placeholder,
  onBlur,
}: {
  aria: FieldAria;
  options: readonly PickerOption[];
  selected: readonly number[];
  onChange: (values: number[]) => void;
  multiple: boolean;
  /** The order chosen means something (the first lead unit leads): the chips are numbered. */
  ordered?: boolean;
  onQuery?: (query: string) => void;
  create?: { readonly label: (query: string) => string; readonly run: (query: string) => void };
  labelOf: (value: number) => string;
  placeholder?: string;
  onBlur?: () => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  // Saving the form (by the keyboard, with the list open) closes the list: it would hang over what was saved.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const close = () => setOpen(false);
    form.addEventListener('submit', close);
    return () => form.removeEventListener('submit', close);
  }, []);

  const found = options.filter((o) => !selected.includes(o.value) && (onQuery !== undefined || matches(o, query))).slice(0, SHOWN);
  const offerCreate = create !== undefined && query.trim() !== '';
  const entries = found.length + (offerCreate ? 1 : 0);
  const current = Math.min(active, Math.max(0, entries - 1));

  const type = (text: string): void => {
    setQuery(text);
    setActive(0);
    setOpen(true);
    onQuery?.(text);
  };
  const choose = (index: number): void => {
    const option = found[index];
    if (option) onChange(multiple ? [...selected, option.value] : [option.value]);
    else if (offerCreate) create.run(query.trim());
    type('');
    setOpen(multiple);
  };
  const unchoose = (value: number): void => onChange(selected.filter((v) => v !== value));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive(Math.max(0, Math.min(entries - 1, current + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter' && open && entries > 0) {
      event.preventDefault();
      choose(current);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && selected.length > 0) {
      unchoose(selected[selected.length - 1]!);
    }
  };

  const optionId = (index: number): string => `${listId}-${index}`;
  return (
    <div className={`picker${aria['aria-invalid'] ? ' picker--invalid' : ''}`}>
      {selected.length > 0 && (
        <ul className="picker__chips" aria-label={t('picker.chosen')}>
          {selected.map((value, index) => (
            <li key={value} className="chip">
              {ordered && selected.length > 1 && <span className="chip__order">{index + 1}</span>}
              <span className="chip__label">{labelOf(value)}</span>
              <button type="button" className="chip__remove" aria-label={t('picker.remove', { name: labelOf(value) })} onClick={() => unchoose(value)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...aria}
        ref={input}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && entries > 0}
        aria-controls={listId}
        aria-activedescendant={open && entries > 0 ? optionId(current) : undefined}
        value={query}
        placeholder={placeholder ?? t('picker.placeholder')}
        onChange={(e) => type(e.target.value)}
        onFocus={() => {
          setOpen(true);
          onQuery?.(query);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="picker__list" hidden={!open || entries === 0} aria-multiselectable={multiple || undefined}>
        {found.map((option, index) => (
          <li
            key={option.value}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={`picker__option${index === current ? ' picker__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(index)}
            onMouseEnter={() => setActive(index)}
          >
            <span>{option.label}</span>
            {option.detail && <span className="picker__detail">{option.detail}</span>}
          </li>
        ))}
        {offerCreate && (
          <li
            id={optionId(found.length)}
            role="option"
            aria-selected={current === found.length}
            className={`picker__option picker__option--create${current === found.length ? ' picker__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(found.length)}
            onMouseEnter={() => setActive(found.length)}
          >
            {create.label(query.trim())}
          </li>
        )}
      </ul>
    </div>
  );
}
