import { useId, useMemo, useState } from 'react';
import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxChatMessageChars } from '@contract/webchat';
import type { Timers } from '../api/timers';
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
}

/** The message box: Enter sends, Shift+Enter breaks the line; a file input sends an attachment. */
export function ChatComposer({ timers, disabled, onSend, onAttach, onTyping, autoFocus }: ChatComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [attaching, setAttaching] = useState(false);
  const inputId = useId();
  const typing = useMemo(() => createTypingSignal(timers, onTyping), [timers, onTyping]);

  const send = () => {
    const message = text.trim();
    if (message === '' || disabled) return;
    typing.stop();
    setText('');
    // A failed send stays in the transcript with Retry; the box is free for the next message.
    onSend(message).catch((error: unknown) => console.warn('[chat] message not sent', error));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
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
      <label htmlFor={inputId} className="visually-hidden">
        {t('chat.message')}
      </label>
      <textarea
        id={inputId}
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
      />
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
        <button type="submit" data-testid="chat-pane-send" disabled={disabled || text.trim() === ''}>
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
