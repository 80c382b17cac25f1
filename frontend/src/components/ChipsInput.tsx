import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import './ChipsInput.css';

/**
 * A short list of free words as chips (fields of expertise, languages): Enter or comma adds what
 * was typed, Backspace on an empty box removes the last. `normalise` returns null for a word
 * that is not allowed.
 */
export function ChipsInput({
  label,
  hint,
  error,
  values,
  onChange,
  max,
  normalise,
  invalidText,
  placeholder,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  max: number;
  normalise: (raw: string) => string | null;
  invalidText: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const full = values.length >= max;

  const add = (raw: string) => {
    if (raw.trim() === '') return;
    const value = normalise(raw);
    if (value === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (!values.includes(value) && !full) onChange([...values, value]);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  const message = invalid ? invalidText : error;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  return (
    <div className="field chips-input">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className={['chips-input__box', message && 'chips-input__box--invalid'].filter(Boolean).join(' ')}>
        <ul className="chips-input__chips">
          {values.map((value) => (
            <li key={value} className="chips-input__chip">
              {value}
              <button
                type="button"
                className="chips-input__remove"
                aria-label={t('common.remove', { value })}
                onClick={() => onChange(values.filter((x) => x !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          className="chips-input__input"
          value={text}
          disabled={full}
          placeholder={full ? t('common.full', { max }) : placeholder}
          aria-invalid={message ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (invalid) setInvalid(false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => add(text)}
        />
      </div>
      {message && (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A set of checkboxes with one legend, e.g. the disciplines of a profile. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  labelOf,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  labelOf: (option: T) => string;
}) {
  const id = useId();
  return (
    <fieldset
      className="field checkbox-group"
      aria-describedby={
        [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined
      }
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option} className="checkbox-group__option">
            <input
              type="checkbox"
              checked={value.includes(option)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, option] : value.filter((v) => v !== option))
              }
            />
            <span>{labelOf(option)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </fieldset>
  );
}
