import { useTranslation } from 'react-i18next';
import type { ChatTranscript } from '@contract/webchat';
import { errorMessage } from '../i18n/error-message';
import { formatTime } from './format-time';
import { useLoaded } from './use-loaded';

/** Props of a stored chat's transcript: its id and how to read it. */
export interface ChatHistoryProps {
  chatId: string;
  loadChat: (chatId: string) => Promise<ChatTranscript>;
}

/** A past chat's transcript as stored on the server, read only. */
export function ChatHistory({ chatId, loadChat }: ChatHistoryProps) {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(chatId, loadChat);
  if (loaded.status === 'loading') return <p role="status">{t('customer.detail.transcriptLoading')}</p>;
  if (loaded.status === 'failed') return <p role="alert">{errorMessage(t, loaded.error)}</p>;
  const chat = loaded.value;
  if (chat.messages.length === 0) return <p>{t('customer.detail.transcriptEmpty')}</p>;
  return (
    <ol
      className="history-transcript"
      data-testid="history-transcript"
      aria-label={t('customer.detail.transcript')}
    >
      {chat.messages.map((m) => (
        <li key={m.seq} className="history-transcript__line" data-author={m.author}>
          <span className="history-transcript__who">
            {m.author === 'system' ? t('customer.detail.system') : (m.authorName ?? chat.name)}
          </span>{' '}
          <time dateTime={m.sentAt}>{formatTime(m.sentAt, i18n.language)}</time>
          <p className="history-transcript__text">
            {m.attachment ? `${m.text} [${m.attachment.filename}]`.trim() : m.text}
          </p>
        </li>
      ))}
    </ol>
  );
}
