import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailAttachment } from '@contract/email';
import { errorMessage } from '../i18n/error-message';
import { attachmentPath } from './email-api';
import type { EmailPaneDeps } from './email-deps';

/** Props of a message's attachment list. */
export interface AttachmentListProps {
  messageId: string;
  attachments: readonly EmailAttachment[];
  deps: Pick<EmailPaneDeps, 'api' | 'saveFile'>;
}

/** "12 KB", "3.4 MB": sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The files attached to a message, each downloadable (always saved, never opened inside the seat). */
export function AttachmentList({ messageId, attachments, deps }: AttachmentListProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  if (attachments.length === 0) return null;

  const download = (attachment: EmailAttachment) => {
    setFailure(null);
    setBusy((b) => new Set(b).add(attachment.id));
    deps.api
      .download(attachmentPath(messageId, attachment.id))
      .then(
        (blob) => deps.saveFile(blob, attachment.filename),
        (error: unknown) =>
          setFailure(
            t('email.downloadFailed', { name: attachment.filename, message: errorMessage(t, error) }),
          ),
      )
      .finally(() =>
        setBusy((b) => {
          const next = new Set(b);
          next.delete(attachment.id);
          return next;
        }),
      );
  };

  return (
    <div className="email-attachments">
      <h4 className="email-attachments__heading">{t('email.attachments', { count: attachments.length })}</h4>
      <ul className="email-attachments__list" data-testid="email-attachments">
        {attachments.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="email-attachments__file"
              onClick={() => download(a)}
              disabled={busy.has(a.id)}
              aria-label={t('email.download', { name: a.filename, size: formatSize(a.size) })}
            >
              <span className="email-attachments__name">{a.filename}</span>{' '}
              <span className="email-attachments__size">
                {formatSize(a.size)}
                {a.inline ? ` · ${t('email.inline')}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {failure ? (
        <p className="email-attachments__error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
