import { useTranslation } from 'react-i18next';
import type { EmailMessage, EmailMessageSummary } from '@contract/email';
import { errorMessage } from '../i18n/error-message';
import { AttachmentList } from './AttachmentList';
import type { EmailPaneDeps } from './email-deps';
import { MessageBody } from './MessageBody';
import type { ComposeMode } from './recipients';
import { displayAddress } from './recipients';

/** A message's body as the pane holds it. */
export type LoadedBody =
  { status: 'loading' } | { status: 'ready'; message: EmailMessage } | { status: 'failed'; error: unknown };

/** Props of one message in the thread. */
export interface ThreadMessageProps {
  summary: EmailMessageSummary;
  expanded: boolean;
  body: LoadedBody | undefined;
  /** Null when the agent may not answer (not their work, or the pane is read-only). */
  onCompose: ((mode: ComposeMode, message: EmailMessage) => void) | null;
  onToggle: () => void;
  deps: EmailPaneDeps;
}

/** One message: a header line always, and when expanded its body, attachments and answer buttons. */
export function ThreadMessage({ summary, expanded, body, onCompose, onToggle, deps }: ThreadMessageProps) {
  const { t } = useTranslation();
  const from = summary.from ? displayAddress(summary.from) : t('email.unknownSender');
  const when = new Date(summary.date).toLocaleString();
  return (
    <article
      className={`email-message email-message--${summary.direction}`}
      data-testid="email-message"
      data-message-id={summary.id}
      data-direction={summary.direction}
      aria-label={t('email.messageLabel', { from, when })}
    >
      <button type="button" className="email-message__header" aria-expanded={expanded} onClick={onToggle}>
        <span className="email-message__from">{from}</span>
        <time className="email-message__date" dateTime={summary.date}>
          {when}
        </time>
        {summary.direction === 'outbound' ? (
          <span className={`email-message__status email-message__status--${summary.status}`}>
            {t(`email.status.${summary.status}`)}
          </span>
        ) : null}
        {!expanded ? <span className="email-message__preview">{summary.preview}</span> : null}
      </button>
      {expanded ? (
        <div className="email-message__content">
          <p className="email-message__recipients">
            {t('email.field.to')}: {summary.to.map(displayAddress).join(', ') || '—'}
            {summary.cc.length > 0
              ? ` · ${t('email.field.cc')}: ${summary.cc.map(displayAddress).join(', ')}`
              : ''}
          </p>
          {body === undefined || body.status === 'loading' ? (
            <p>{t('email.loadingMessage')}</p>
          ) : body.status === 'failed' ? (
            <p role="alert">{t('email.messageFailed', { message: errorMessage(t, body.error) })}</p>
          ) : (
            <>
              {body.message.error ? (
                <p className="email-message__send-error" role="alert">
                  {t('email.relayRefused', { reason: body.message.error })}
                </p>
              ) : null}
              <MessageBody message={body.message} deps={deps} />
              <AttachmentList
                messageId={body.message.id}
                attachments={body.message.attachments}
                deps={deps}
              />
              {onCompose ? (
                <div className="email-message__actions">
                  {(['reply', 'replyAll', 'forward'] as const).map((mode) => (
                    <button
                      key={mode}
                      type="button"
                      onClick={() => onCompose(mode, body.message)}
                      data-testid={`email-${mode}`}
                    >
                      {t(`email.action.${mode}`)}
                    </button>
                  ))}
                </div>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </article>
  );
}
