import { useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '@contract/http/canned';
import type { CannedApi } from './canned-api';
import { fillPlaceholders } from './placeholders';
import type { PlaceholderValues } from './placeholders';
import { replaceToken, slashTokenAt } from './slash-trigger';
import type { SlashToken } from './slash-trigger';
import { useCanned } from './use-canned';
import type { CannedState } from './use-canned';

/** What a composer (e-mail, chat) hands the canned-response behaviour: its text and where it is typed. */
export interface CannedComposerOptions {
  api: Pick<CannedApi, 'list'>;
  text: string;
  setText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  placeholders: PlaceholderValues;
  /** Tells screen-reader users what was inserted. */
  announce: (message: string) => void;
}

/** The canned-response picker as a composer uses it. */
export interface CannedComposer {
  state: CannedState;
  /** The open picker's starting query, or null when closed. */
  picker: { query: string } | null;
  /** A note for the agent after an insert (placeholders left unfilled), or null. */
  note: string | null;
  setNote: (note: string | null) => void;
  open: () => void;
  close: () => void;
  insert: (response: CannedResponse) => void;
  /** Adds a response just saved so the picker offers it at once. */
  add: (response: CannedResponse) => void;
  /** Call from the textarea's change handler: a "/" typed at the start of a word opens the picker. */
  onTextChange: (value: string, caret: number) => void;
  /** Call from the textarea's keydown handler; true when it handled the key (Ctrl+Shift+C). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
}

/**
 * Canned responses in a composer: "/" or Ctrl+Shift+C opens the picker, the chosen text replaces the
 * slash word (or goes in at the caret) with placeholders filled, and unknown ones are left visible
 * with a note so the agent checks them before sending. One hook so e-mail and chat behave alike.
 */
export function useCannedComposer(options: CannedComposerOptions): CannedComposer {
  const { api, text, setText, textarea, placeholders, announce } = options;
  const { t } = useTranslation();
  const canned = useCanned(api);
  const [picker, setPicker] = useState<{ token: SlashToken | null; query: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const openAt = (token: SlashToken | null) => {
    canned.load();
    setPicker({ token, query: token?.query ?? '' });
  };

  const close = () => {
    setPicker(null);
    textarea.current?.focus();
  };

  const insert = (response: CannedResponse) => {
    const filled = fillPlaceholders(response.body, placeholders);
    const box = textarea.current;
    const caret = box?.selectionStart ?? text.length;
    const token = picker?.token ?? { start: caret, end: box?.selectionEnd ?? caret, query: '' };
    const next = replaceToken(text, token, filled.text);
    setText(next.text);
    setPicker(null);
    setNote(
      filled.unfilled.length > 0
        ? t('canned.unfilled', { names: filled.unfilled.map((n) => `{{${n}}}`).join(', ') })
        : null,
    );
    announce(t('canned.inserted', { title: response.title }));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onTextChange = (value: string, caret: number) => {
    const token = slashTokenAt(value, caret);
    // Typing goes on in the picker's search field once it is open.
    if (token && token.query === '' && value.length > text.length) openAt(token);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.key === 'C' || event.key === 'c') && event.ctrlKey && event.shiftKey) {
      event.preventDefault();
      openAt(null);
      return true;
    }
    return false;
  };

  return {
    state: canned.state,
    picker: picker ? { query: picker.query } : null,
    note,
    setNote,
    open: () => openAt(null),
    close,
    insert,
    add: canned.add,
    onTextChange,
    onKeyDown,
  };
}
