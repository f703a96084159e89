import { useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailMessage, EmailReplyRequest } from '@contract/email';
import { CannedPicker } from '../canned/CannedPicker';
import { SaveCannedForm } from '../canned/SaveCannedForm';
import type { PlaceholderValues } from '../canned/placeholders';
import { useCannedComposer } from '../canned/use-canned-composer';
import { errorMessage } from '../i18n/error-message';
import { formatSize } from './AttachmentList';
import { fileToBase64 } from './email-api';
import type { EmailPaneDeps } from './email-deps';
import type { ComposeMode } from './recipients';
import {
  computedRecipients,
  displayAddress,
  invalidAddresses,
  prefixedSubject,
  splitAddresses,
} from './recipients';

/** The largest total of files the composer attaches (base64 makes it a third larger on the wire). */
export const maxAttachmentBytes = 15 * 1024 * 1024;

/** Props of the composer: what it answers, how, and what happens after. */
export interface ComposerProps {
  original: EmailMessage;
  mode: ComposeMode;
  mailboxAddress: string;
  placeholders: PlaceholderValues;
  deps: Pick<EmailPaneDeps, 'api' | 'canned'>;
  onSent: (message: EmailMessage) => void;
  onCancel: () => void;
  announce: (message: string) => void;
}

/** Reply, reply-all or forward: recipients, subject, text with canned responses, attachments, quoting. */
export function Composer({
  original,
  mode,
  mailboxAddress,
  placeholders,
  deps,
  onSent,
  onCancel,
  announce,
}: ComposerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const computed = computedRecipients(original, mode, mailboxAddress);
  const [to, setTo] = useState('');
  const [cc, setCc] = useState('');
  const [bcc, setBcc] = useState('');
  const [subject, setSubject] = useState(prefixedSubject(mode, original.subject));
  const [text, setText] = useState('');
  const [quote, setQuote] = useState(true);
  const [withOriginalFiles, setWithOriginalFiles] = useState(true);
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [savingCanned, setSavingCanned] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedComposer({
    api: deps.canned,
    text,
    setText,
    textarea: body,
    placeholders,
    announce,
  });
  const { note, setNote } = canned;

  const onBodyChange = (value: string, caret: number) => {
    canned.onTextChange(value, caret);
    setText(value);
  };

  const onBodyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    } else {
      canned.onKeyDown(event);
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const lists = { to: splitAddresses(to), cc: splitAddresses(cc), bcc: splitAddresses(bcc) };
    const invalid = invalidAddresses([...lists.to, ...lists.cc, ...lists.bcc]);
    if (invalid.length > 0) return setProblem(t('email.invalidAddresses', { addresses: invalid.join(', ') }));
    if (computed.to.length + lists.to.length === 0) return setProblem(t('email.needRecipient'));
    if (text.trim() === '' && !(mode === 'forward' && quote)) return setProblem(t('email.emptyBody'));
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > maxAttachmentBytes)
      return setProblem(t('email.attachmentsTooLarge', { size: formatSize(maxAttachmentBytes) }));
    setProblem(null);
    setSending(true);
    try {
      const request: EmailReplyRequest = {
        mode,
        ...lists,
        subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 998),
        text,
        quote,
        attachments: await Promise.all(
          files.map(async (f) => ({
            filename: f.name.replace(/[\r\n\\/]+/g, '_').slice(0, 200) || 'attachment',
            contentType: /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(f.type)
              ? f.type
              : 'application/octet-stream',
            contentBase64: await fileToBase64(f),
          })),
        ),
        ...(mode === 'forward' ? { includeOriginalAttachments: withOriginalFiles } : {}),
      };
      const sent = await deps.api.reply(original.id, request);
      onSent(sent);
    } catch (error) {
      setProblem(t('email.sendFailed', { message: errorMessage(t, error) }));
    } finally {
      setSending(false);
    }
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <form
      className="email-composer"
      onSubmit={send}
      aria-label={t(`email.composer.${mode}`)}
      data-testid="email-composer"
    >
      <h3 className="email-composer__heading">{t(`email.composer.${mode}`)}</h3>
      {computed.to.length + computed.cc.length > 0 ? (
        <p className="email-composer__computed" data-testid="email-computed-recipients">
          {computed.to.length > 0 ? (
            <span>
              {t('email.field.to')}: {computed.to.map(displayAddress).join(', ')}
            </span>
          ) : null}
          {computed.cc.length > 0 ? (
            <span>
              {' '}
              · {t('email.field.cc')}: {computed.cc.map(displayAddress).join(', ')}
            </span>
          ) : null}
        </p>
      ) : null}
      <div className="email-composer__grid">
        <label htmlFor={field('to')}>
          {mode === 'forward' ? t('email.field.to') : t('email.field.addTo')}
        </label>
        <input id={field('to')} value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" />
        <label htmlFor={field('cc')}>{t('email.field.cc')}</label>
        <input id={field('cc')} value={cc} onChange={(e) => setCc(e.target.value)} autoComplete="off" />
        <label htmlFor={field('bcc')}>{t('email.field.bcc')}</label>
        <input id={field('bcc')} value={bcc} onChange={(e) => setBcc(e.target.value)} autoComplete="off" />
        <label htmlFor={field('subject')}>{t('email.field.subject')}</label>
        <input
          id={field('subject')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={998}
        />
      </div>
      <div className="email-composer__body">
        {canned.picker ? (
          <CannedPicker
            state={canned.state}
            initialQuery={canned.picker.query}
            language={i18n.language}
            onPick={canned.insert}
            onClose={canned.close}
          />
        ) : null}
        <label htmlFor={field('text')} className="visually-hidden">
          {t('email.field.text')}
        </label>
        <textarea
          id={field('text')}
          ref={body}
          className="email-composer__text"
          rows={8}
          value={text}
          onChange={(e) => onBodyChange(e.target.value, e.target.selectionStart)}
          onKeyDown={onBodyKeyDown}
          aria-describedby={field('hint')}
          data-testid="email-composer-text"
        />
        <p id={field('hint')} className="email-composer__hint">
          {t('canned.openHint')} · {t('email.sendHint')}
        </p>
        {note ? (
          <p className="email-composer__note" role="status">
            {note}
          </p>
        ) : null}
      </div>
      <div className="email-composer__options">
        <label>
          <input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} />{' '}
          {mode === 'forward' ? t('email.includeOriginal') : t('email.quoteOriginal')}
        </label>
        {mode === 'forward' && original.attachments.length > 0 ? (
          <label>
            <input
              type="checkbox"
              checked={withOriginalFiles}
              onChange={(e) => setWithOriginalFiles(e.target.checked)}
            />{' '}
            {t('email.includeOriginalAttachments', { count: original.attachments.length })}
          </label>
        ) : null}
        <label className="email-composer__attach">
          {t('email.attach')}
          <input
            type="file"
            multiple
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              setFiles((f) => [...f, ...chosen]);
              e.target.value = '';
            }}
            data-testid="email-composer-files"
          />
        </label>
      </div>
      {files.length > 0 ? (
        <ul className="email-composer__files">
          {files.map((f, index) => (
            <li key={`${f.name}-${index}`}>
              {f.name} ({formatSize(f.size)}){' '}
              <button
                type="button"
                onClick={() => setFiles((list) => list.filter((_, i) => i !== index))}
                aria-label={t('email.removeAttachment', { name: f.name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p className="email-composer__problem" role="alert">
          {problem}
        </p>
      ) : null}
      {savingCanned ? (
        <SaveCannedForm
          body={text}
          api={deps.canned}
          onSaved={(response) => {
            canned.add(response);
            setSavingCanned(false);
            setNote(t('canned.save.saved', { title: response.title }));
          }}
          onCancel={() => setSavingCanned(false)}
        />
      ) : null}
      <div className="email-composer__actions">
        <button type="button" onClick={canned.open}>
          {t('canned.open')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (text.trim() === '') return setNote(t('canned.save.emptyText'));
            setSavingCanned((open) => !open);
          }}
          aria-expanded={savingCanned}
        >
          {t('canned.save.open')}
        </button>
        <button type="button" onClick={onCancel} disabled={sending}>
          {t('email.cancel')}
        </button>
        <button type="submit" className="email-composer__send" disabled={sending} data-testid="email-send">
          {sending ? t('email.sending') : t('email.send')}
        </button>
      </div>
    </form>
  );
}
