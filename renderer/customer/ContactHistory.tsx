import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '@contract/http/contacts';
import { errorMessage } from '../i18n/error-message';
import { ChannelIcon } from '../inbox/ChannelIcon';
import { formatTime } from './format-time';
import type { ContactHistoryState } from './use-contact-history';

/** A history entry's key: ids are only unique within a channel. */
export const entryKey = (entry: ContactEntry) => `${entry.channel}:${entry.id}`;

/** Props of the history list: what was loaded, which entry is open and how to open one. */
export interface ContactHistoryProps {
  history: ContactHistoryState;
  selectedKey: string | null;
  onSelect: (entry: ContactEntry) => void;
}

/** The customer's contacts on every channel, newest first, each one a button that opens it. */
export function ContactHistory({ history, selectedKey, onSelect }: ContactHistoryProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="contact-history" aria-labelledby="contact-history-title">
      <h4 id="contact-history-title">{t('customer.history.title')}</h4>
      <ul className="contact-history__list" data-testid="contact-history">
        {history.entries.map((entry) => (
          <li key={entryKey(entry)}>
            <button
              type="button"
              className="contact-history__entry"
              data-channel={entry.channel}
              aria-pressed={selectedKey === entryKey(entry)}
              onClick={() => onSelect(entry)}
            >
              <ChannelIcon channel={entry.channel} />
              <time dateTime={entry.startedAt}>{formatTime(entry.startedAt, i18n.language)}</time>
              <span className="contact-history__direction">
                {t(`customer.history.direction.${entry.direction}`)}
              </span>
              <span className="contact-history__summary">
                {entry.summary ?? (entry.channel === 'voice' ? entry.from : t('customer.history.noSummary'))}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {history.error ? <p role="alert">{errorMessage(t, history.error)}</p> : null}
      {history.loading ? (
        <p role="status">{t('customer.history.loading')}</p>
      ) : history.entries.length === 0 && !history.error ? (
        <p>{t('customer.history.empty')}</p>
      ) : null}
      {history.hasMore && !history.loading ? (
        <button type="button" className="contact-history__more" onClick={history.loadMore}>
          {t('customer.history.more')}
        </button>
      ) : null}
    </section>
  );
}
