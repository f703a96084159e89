import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatAttachment, ChatMessage } from '@contract/webchat';
import { receiptOf } from './chat-session';
import type { ChatSession, OutgoingMessage } from './chat-session';

/** Props of the transcript: the session's messages and what to do with attachments and failed sends. */
export interface ChatTranscriptProps {
  session: ChatSession;
  customerName: string;
  onDownload: (attachment: ChatAttachment) => void;
  onRetry: (clientId: string) => void;
}

function AttachmentLink({ attachment, onDownload }: { attachment: ChatAttachment; onDownload: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="chat-attachment"
      data-testid="chat-pane-attachment"
      onClick={onDownload}
      aria-label={t('chat.download', { name: attachment.filename })}
    >
      {attachment.filename}{' '}
      <span className="chat-attachment__size">({Math.ceil(attachment.size / 1024)} KB)</span>
    </button>
  );
}

function Line({
  message,
  session,
  customerName,
  onDownload,
}: { message: ChatMessage } & Omit<ChatTranscriptProps, 'onRetry'>) {
  const { t } = useTranslation();
  const who =
    message.author === 'system'
      ? null
      : message.author === 'customer'
        ? (message.authorName ?? customerName)
        : (message.authorName ?? t('chat.you'));
  const receipt = message.author === 'agent' ? receiptOf(session, message) : null;
  return (
    <li
      className="chat-line"
      data-author={message.author}
      data-testid="chat-pane-message"
      data-seq={message.seq}
    >
      {who ? <span className="chat-line__who">{who}</span> : null}
      {message.text ? <span className="chat-line__text">{message.text}</span> : null}
      {message.attachment ? (
        <AttachmentLink attachment={message.attachment} onDownload={() => onDownload(message.attachment!)} />
      ) : null}
      <span className="chat-line__meta">
        <time dateTime={message.sentAt}>{new Date(message.sentAt).toLocaleTimeString()}</time>
        {receipt ? (
          <span className="chat-line__receipt" data-testid="chat-pane-receipt" data-receipt={receipt}>
            {t(`chat.receipt.${receipt}`)}
          </span>
        ) : null}
      </span>
    </li>
  );
}

function Pending({ message, onRetry }: { message: OutgoingMessage; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <li
      className="chat-line chat-line--pending"
      data-author="agent"
      data-state={message.state}
      data-testid="chat-pane-outgoing"
    >
      {message.text ? <span className="chat-line__text">{message.text}</span> : null}
      {message.attachment ? (
        <span className="chat-line__text chat-line__file">{message.attachment.filename}</span>
      ) : null}
      <span className="chat-line__meta">
        {message.state === 'sending' ? (
          t('chat.receipt.sending')
        ) : (
          <>
            <span role="alert">{t('chat.notSent', { message: message.error ?? '' })}</span>{' '}
            <button type="button" onClick={onRetry}>
              {t('chat.retry')}
            </button>
          </>
        )}
      </span>
    </li>
  );
}

/** The chat's messages, oldest first, with receipts on the agent's and the ones still being sent at the end. */
export function ChatTranscript({ session, customerName, onDownload, onRetry }: ChatTranscriptProps) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  const count = session.messages.length + session.outgoing.length;
  // Keep the newest line in view as messages arrive (scrollIntoView is absent in some test DOMs).
  // A block body: newer Chromium returns a Promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);
  return (
    <ol
      className="chat-transcript"
      data-testid="chat-pane-transcript"
      aria-label={t('chat.transcript')}
      aria-live="polite"
    >
      {session.messages.map((m) => (
        <Line key={m.seq} message={m} session={session} customerName={customerName} onDownload={onDownload} />
      ))}
      {session.outgoing.map((o) => (
        <Pending key={o.clientId} message={o} onRetry={() => onRetry(o.clientId)} />
      ))}
      <li ref={end} aria-hidden="true" className="chat-transcript__end" />
    </ol>
  );
}
