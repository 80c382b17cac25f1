import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/lib/i18n';
import { TAGS_MAX, normalizeTag } from '../rules';

/** Up to five tags as chips: Enter, comma or space adds what was typed; Backspace removes the last. */
export function TagsInput({
  tags,
  onChange,
  error,
}: {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const full = tags.length >= TAGS_MAX;

  const add = (raw: string) => {
    if (raw.trim() === '') return true;
    const tag = normalizeTag(raw);
    if (tag === null) {
      setInvalid(raw.trim());
      return false;
    }
    setInvalid(null);
    if (!tags.includes(tag) && !full) onChange([...tags, tag]);
    setText('');
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (
      e.key === 'Enter' ||
      e.key === ',' ||
      e.key === '，' ||
      (e.key === ' ' && !e.nativeEvent.isComposing)
    ) {
      if (e.nativeEvent.isComposing) return;
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  const message = invalid !== null ? t('field.tags.pattern') : error;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field tags-input">
      <label className="field__label" htmlFor={id}>
        {t('composer.tags')}
      </label>
      <div className={['tags-input__box', message && 'tags-input__box--invalid'].filter(Boolean).join(' ')}>
        <ul className="tags-input__chips" aria-label={t('composer.tagsChosen')}>
          {tags.map((tag) => (
            <li key={tag} className="tags-input__chip">
              #{tag}
              <button
                type="button"
                className="tags-input__remove"
                aria-label={t('composer.removeTag', { tag })}
                onClick={() => onChange(tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          className="tags-input__input"
          value={text}
          disabled={full}
          placeholder={full ? t('composer.tagsFull') : t('composer.tagsPlaceholder')}
          aria-invalid={message ? true : undefined}
          aria-describedby={[message ? errorId : null, hintId].filter(Boolean).join(' ')}
          onChange={(e) => {
            setText(e.target.value);
            if (invalid !== null) setInvalid(null);
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
      <p className="field__hint" id={hintId}>
        {t('composer.tagsHint', { max: TAGS_MAX, count: tags.length })}
      </p>
    </div>
  );
}
