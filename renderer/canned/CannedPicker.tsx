import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '@contract/http/canned';
import { errorMessage } from '../i18n/error-message';
import { searchCanned } from './canned-search';
import type { CannedState } from './use-canned';
import './CannedPicker.css';

/** Props of the picker: the loaded list, the query it opens with, and what to do on pick or close. */
export interface CannedPickerProps {
  state: CannedState;
  initialQuery: string;
  /** The UI language, so texts in it come first. */
  language: string;
  onPick: (response: CannedResponse) => void;
  onClose: () => void;
}

const maxShown = 8;

/** A searchable list of canned responses: type to filter, arrows to move, Enter to insert, Escape to close. */
export function CannedPicker({ state, initialQuery, language, onPick, onClose }: CannedPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const matches =
    state.status === 'ready' ? searchCanned(state.responses, query, { language, limit: maxShown }) : [];
  const current = matches[Math.min(active, matches.length - 1)];

  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (Math.min(i, matches.length - 1) + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="canned-picker" data-testid="canned-picker">
      <input
        ref={input}
        className="canned-picker__search"
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label={t('canned.search')}
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        placeholder={t('canned.searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // Leaving the picker (not into its own list) closes it, as a menu would.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) onClose();
        }}
      />
      {state.status === 'loading' || state.status === 'idle' ? (
        <p className="canned-picker__note">{t('canned.loading')}</p>
      ) : state.status === 'failed' ? (
        <p className="canned-picker__note" role="alert">
          {t('canned.loadFailed', { message: errorMessage(t, state.error) })}
        </p>
      ) : matches.length === 0 ? (
        <p className="canned-picker__note">{t('canned.none')}</p>
      ) : (
        <ul className="canned-picker__list" id={listId} role="listbox" aria-label={t('canned.title')}>
          {matches.map((r) => (
            <li
              key={r.id}
              id={`${listId}-${r.id}`}
              role="option"
              aria-selected={r === current}
              className="canned-picker__option"
              // mousedown, not click: the search field must not blur (and close the picker) first.
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(r);
              }}
            >
              <span className="canned-picker__title">{r.title}</span>
              {r.shortcut ? <span className="canned-picker__shortcut">/{r.shortcut}</span> : null}
              {r.scope === 'personal' ? (
                <span className="canned-picker__scope">{t('canned.personal')}</span>
              ) : null}
              <span className="canned-picker__preview">{r.body.replace(/\s+/g, ' ').slice(0, 90)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
