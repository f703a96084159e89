import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '@contract/http/contacts';
import type { ChatTranscript } from '@contract/webchat';
import { ChatHistory } from './ChatHistory';
import { formatTime } from './format-time';

/** Props of an opened history entry. */
export interface ContactDetailProps {
  entry: ContactEntry;
  loadChat: (chatId: string) => Promise<ChatTranscript>;
  onClose: () => void;
}

/** One past contact: its facts, and what was said (a chat's transcript, an e-mail's first lines). */
export function ContactDetail({ entry, loadChat, onClose }: ContactDetailProps) {
  const { t, i18n } = useTranslation();
  const time = (iso: string | null) => (iso ? formatTime(iso, i18n.language) : null);
  const facts: Array<[string, string | null]> = [
    ['from', entry.from || null],
    ['to', entry.to || null],
    ['started', time(entry.startedAt)],
    ['answered', time(entry.answeredAt)],
    ['ended', time(entry.endedAt)],
    ['disposition', entry.disposition],
  ];
  return (
    <section
      className="contact-detail"
      data-testid="contact-detail"
      data-channel={entry.channel}
      aria-label={t('customer.detail.label')}
    >
      <button type="button" className="contact-detail__close" onClick={onClose}>
        {t('customer.detail.close')}
      </button>
      {entry.channel === 'email' ? (
        <>
          <h4 className="contact-detail__subject">{entry.summary}</h4>
          <p className="contact-detail__preview">{entry.preview ?? t('customer.detail.noText')}</p>
        </>
      ) : null}
      <dl className="customer-facts">
        {facts.map(([name, value]) =>
          value ? (
            <div key={name}>
              <dt>{t(`customer.detail.${name}`)}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {entry.channel === 'im' ? <ChatHistory chatId={entry.id} loadChat={loadChat} /> : null}
    </section>
  );
}
