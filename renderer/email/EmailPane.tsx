import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailMessage, EmailThread } from '@contract/email';
import { createCannedApi } from '../canned/canned-api';
import type { PlaceholderValues } from '../canned/placeholders';
import type { ConversationPaneProps } from '../conversations/pane-props';
import { errorMessage } from '../i18n/error-message';
import { Composer } from './Composer';
import { EmailWorkActions } from './EmailWorkActions';
import { createEmailApi } from './email-api';
import type { EmailPaneDeps } from './email-deps';
import type { ComposeMode } from './recipients';
import { createEmailSanitizer } from './sanitize-email-html';
import { ThreadMessage } from './ThreadMessage';
import type { LoadedBody } from './ThreadMessage';
import './EmailPane.css';

type ThreadState =
  { status: 'loading' } | { status: 'ready'; thread: EmailThread } | { status: 'failed'; error: unknown };

const answerable = new Set(['active', 'held', 'wrapup']);

/** Placeholder values of this conversation for canned responses. */
function placeholdersOf(props: ConversationPaneProps, thread: EmailThread | null): PlaceholderValues {
  const attached = props.interaction.attached['email'];
  const email = attached && typeof attached === 'object' ? (attached as Record<string, unknown>) : {};
  const firstInbound = thread?.messages.find((m) => m.direction === 'inbound');
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return {
    'customer.name': text(email['fromName']) ?? text(firstInbound?.from?.name),
    'customer.email': text(email['from']) ?? text(firstInbound?.from?.address),
    'agent.name': props.user.displayName,
    'interaction.id': props.interaction.id,
    'email.subject': thread?.subject ?? text(email['subject']),
    'mailbox.address': thread?.mailboxAddress ?? text(email['mailbox']),
  };
}

/** The e-mail conversation pane as registered for the `email` channel: builds its services from the app's. */
export function EmailPane(props: ConversationPaneProps) {
  const { http, serverUrl, getToken } = props.services;
  const deps = useMemo<EmailPaneDeps>(
    () => ({
      api: createEmailApi({ http, serverUrl, getToken, fetch: (url, init) => window.fetch(url, init) }),
      canned: createCannedApi(http),
      sanitizer: createEmailSanitizer(window),
      // In the desktop app main's window-open handler passes allowed links to the OS; nothing else opens.
      openLink: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
      blobUrls: { create: (blob) => URL.createObjectURL(blob), revoke: (url) => URL.revokeObjectURL(url) },
      saveFile: (blob, filename) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
    }),
    [http, serverUrl, getToken],
  );
  return <EmailPaneView {...props} deps={deps} />;
}

/** Props of the pane with its services given (tests pass fakes). */
export interface EmailPaneViewProps extends ConversationPaneProps {
  deps: EmailPaneDeps;
}

/** The thread of an e-mail interaction: messages newest last, the customer's latest and the newest open, and the composer. */
export function EmailPaneView(props: EmailPaneViewProps) {
  const { interaction, gone, user, socket, active, onAttention, announce, deps } = props;
  const { t } = useTranslation();
  const [thread, setThread] = useState<ThreadState>({ status: 'loading' });
  const [bodies, setBodies] = useState<ReadonlyMap<string, LoadedBody>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [composing, setComposing] = useState<{ mode: ComposeMode; message: EmailMessage } | null>(null);
  const [reloads, setReloads] = useState(0);
  const unseen = useRef(0);
  const activeRef = useRef(active);
  const requested = useRef(new Set<string>());

  const loadBody = useCallback(
    (messageId: string, force = false) => {
      if (requested.current.has(messageId) && !force) return;
      requested.current.add(messageId);
      setBodies((b) => new Map(b).set(messageId, { status: 'loading' }));
      deps.api.message(messageId).then(
        (message) => setBodies((b) => new Map(b).set(messageId, { status: 'ready', message })),
        (error: unknown) => {
          requested.current.delete(messageId);
          setBodies((b) => new Map(b).set(messageId, { status: 'failed', error }));
        },
      );
    },
    [deps],
  );

  useEffect(() => {
    let live = true;
    deps.api.threadOfInteraction(interaction.id).then(
      (loaded) => {
        if (!live) return;
        setThread({ status: 'ready', thread: loaded });
        // The customer's latest message is what the agent answers; an auto-acknowledgement or our own
        // reply after it must not hide it.
        const open = [loaded.messages.findLast((m) => m.direction === 'inbound'), loaded.messages.at(-1)];
        for (const summary of open) {
          if (!summary) continue;
          setExpanded((e) => (e.has(summary.id) ? e : new Set(e).add(summary.id)));
          loadBody(summary.id);
        }
      },
      (error: unknown) => live && setThread({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [deps, interaction.id, reloads, loadBody]);

  // A customer writing again in this thread: reload it, and flag the tab when the agent is elsewhere.
  useEffect(() => {
    const subscription = socket.messages$.subscribe((frame) => {
      if (frame.type !== 'email.received' || frame.interactionId !== interaction.id) return;
      setReloads((n) => n + 1);
      announce(t('email.newMessage', { from: frame.message.from?.address ?? '' }));
      if (!activeRef.current) {
        unseen.current += 1;
        onAttention(unseen.current);
      }
    });
    return () => subscription.unsubscribe();
  }, [socket, interaction.id, onAttention, announce, t]);

  useEffect(() => {
    activeRef.current = active;
    if (active && unseen.current > 0) {
      unseen.current = 0;
      onAttention(0);
    }
  }, [active, onAttention]);

  const toggle = (messageId: string) => {
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(messageId)) next.delete(messageId);
      else next.add(messageId);
      return next;
    });
    loadBody(messageId);
  };

  const mine = gone === null && interaction.agentId !== null && interaction.agentId === user.agentId;
  const canAnswer = mine && answerable.has(interaction.state);
  const ready = thread.status === 'ready' ? thread.thread : null;
  const placeholders = placeholdersOf(props, ready);

  const onSent = (sent: EmailMessage) => {
    setComposing(null);
    requested.current.add(sent.id);
    setBodies((b) => new Map(b).set(sent.id, { status: 'ready', message: sent }));
    setReloads((n) => n + 1);
    announce(t(sent.status === 'failed' ? 'email.sentFailed' : 'email.sent'));
  };

  if (thread.status === 'loading') return <p className="email-pane__state">{t('email.loadingThread')}</p>;
  if (thread.status === 'failed')
    return (
      <div className="email-pane__state" role="alert">
        <p>{t('email.threadFailed', { message: errorMessage(t, thread.error) })}</p>
        <button type="button" onClick={() => setReloads((n) => n + 1)}>
          {t('email.retry')}
        </button>
      </div>
    );

  const { thread: loaded } = thread;
  return (
    <section
      className="email-pane"
      data-testid="email-pane"
      aria-label={t('email.paneLabel', { subject: loaded.subject })}
    >
      <header className="email-pane__header">
        <h2 className="email-pane__subject" data-testid="email-subject">
          {loaded.subject || t('email.noSubject')}
        </h2>
        <p className="email-pane__mailbox">
          {t('email.mailbox', { address: loaded.mailboxAddress, count: loaded.messages.length })}
        </p>
        {!canAnswer ? (
          <p className="email-pane__readonly">
            {t(gone ? 'email.gone' : interaction.state === 'offered' ? 'email.readOnly' : 'email.closed')}
          </p>
        ) : null}
        {mine ? (
          <EmailWorkActions
            interaction={interaction}
            socket={socket}
            announce={announce}
            onFinished={props.onClose}
          />
        ) : null}
      </header>
      <div className="email-pane__messages">
        {loaded.messages.map((summary) => (
          <ThreadMessage
            key={summary.id}
            summary={summary}
            expanded={expanded.has(summary.id)}
            body={bodies.get(summary.id)}
            onToggle={() => toggle(summary.id)}
            onCompose={canAnswer ? (mode, message) => setComposing({ mode, message }) : null}
            deps={deps}
          />
        ))}
      </div>
      {composing && canAnswer ? (
        <Composer
          key={`${composing.mode}-${composing.message.id}`}
          original={composing.message}
          mode={composing.mode}
          mailboxAddress={loaded.mailboxAddress}
          placeholders={placeholders}
          deps={deps}
          onSent={onSent}
          onCancel={() => setComposing(null)}
          announce={announce}
        />
      ) : null}
    </section>
  );
}
