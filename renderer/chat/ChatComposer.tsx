import { useId, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxChatMessageChars } from '@contract/webchat';
import type { Timers } from '../api/timers';
import { CannedPicker } from '../canned/CannedPicker';
import type { CannedApi } from '../canned/canned-api';
import type { PlaceholderValues } from '../canned/placeholders';
import { useCannedComposer } from '../canned/use-canned-composer';
import { createTypingSignal } from './typing-signal';

/** Props of the composer: sending text, attaching a file, and the typing signal. */
export interface ChatComposerProps {
  timers: Timers;
  disabled: boolean;
  onSend: (text: string) => Promise<void>;
  onAttach: (file: File) => Promise<void>;
  onTyping: (active: boolean) => void;
  /** Focus the message box (the tab was just shown). */
  autoFocus: boolean;
  /** Canned responses offered by "/" or Ctrl+Shift+C, with this conversation's placeholder values. */
  canned: Pick<CannedApi, 'list'>;
  placeholders: PlaceholderValues;
  announce: (message: string) => void;
}

/**
 * The message box: Enter sends, Shift+Enter breaks the line; "/" or Ctrl+Shift+C picks a canned
 * response; a file input sends an attachment.
 */
export function ChatComposer({
  timers,
  disabled,
  onSend,
  onAttach,
  onTyping,
  autoFocus,
  canned: cannedApi,
  placeholders,
  announce,
}: ChatComposerProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [attaching, setAttaching] = useState(false);
  const inputId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const typing = useMemo(() => createTypingSignal(timers, onTyping), [timers, onTyping]);
  const canned = useCannedComposer({ api: cannedApi, text, setText, textarea: box, placeholders, announce });

  const send = () => {
    const message = text.trim();
    if (message === '' || disabled) return;
    typing.stop();
    setText('');
    canned.setNote(null);
    // A failed send stays in the transcript with Retry; the box is free for the next message.
    onSend(message).catch((error: unknown) => console.warn('[chat] message not sent', error));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    canned.onTextChange(event.target.value, event.target.selectionStart);
    setText(event.target.value);
    if (event.target.value !== '') typing.input();
    else typing.stop();
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setAttaching(true);
    onAttach(file).finally(() => setAttaching(false));
  };

  return (
    <form className="chat-composer" onSubmit={onSubmit} data-testid="chat-pane-composer">
      {canned.picker ? (
        <CannedPicker
          state={canned.state}
          initialQuery={canned.picker.query}
          language={i18n.language}
          onPick={canned.insert}
          onClose={canned.close}
        />
      ) : null}
      <label htmlFor={inputId} className="visually-hidden">
        {t('chat.message')}
      </label>
      <textarea
        id={inputId}
        ref={box}
        className="chat-composer__input"
        data-testid="chat-pane-input"
        value={text}
        rows={3}
        maxLength={maxChatMessageChars}
        placeholder={t('chat.placeholder')}
        disabled={disabled}
        // The agent just switched to this conversation to answer it.
        autoFocus={autoFocus}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onBlur={() => typing.stop()}
        aria-keyshortcuts="Control+Shift+C"
      />
      {canned.note ? (
        <p className="chat-composer__note" role="status">
          {canned.note}
        </p>
      ) : null}
      <div className="chat-composer__actions">
        <label className="chat-composer__attach">
          <span>{attaching ? t('chat.attaching') : t('chat.attach')}</span>
          <input
            type="file"
            className="visually-hidden"
            data-testid="chat-pane-attach"
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain"
            disabled={disabled || attaching}
            onChange={onFile}
          />
        </label>
        <button type="button" onClick={canned.open} disabled={disabled}>
          {t('canned.open')}
        </button>
        <button type="submit" data-testid="chat-pane-send" disabled={disabled || text.trim() === ''}>
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
