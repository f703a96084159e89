import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TransferTarget } from '@contract/routing';
import type { ChatAttachment } from '@contract/webchat';
import { useObservable } from '../app/use-observable';
import { GenericPane } from '../conversations/GenericPane';
import type { ConversationPaneProps } from '../conversations/pane-props';
import { createCannedApi } from '../canned/canned-api';
import { errorMessage } from '../i18n/error-message';
import { useChatServices } from './chat-context';
import type { ChatServices } from './chat-context';
import { newSession, unreadCount } from './chat-session';
import type { ChatSession } from './chat-session';
import { ChatComposer } from './ChatComposer';
import { ChatTranscript } from './ChatTranscript';
import { ChatTransfer } from './ChatTransfer';
import { ChatWrapup } from './ChatWrapup';
import './ChatPane.css';

/** The seat's web chat pane (channel im): falls back to the generic pane outside a chat provider. */
export function ChatPane(props: ConversationPaneProps) {
  const services = useChatServices();
  // An im interaction created another way (e.g. by the API) has no web chat to talk in.
  const isWebchat = props.interaction.attached.webchat !== undefined;
  return services && isWebchat ? <ChatPaneBody {...props} chat={services} /> : <GenericPane {...props} />;
}

function ChatPaneBody({
  interaction,
  gone,
  user,
  socket,
  services,
  active,
  onClose,
  onAttention,
  announce,
  chat,
}: ConversationPaneProps & { chat: ChatServices }) {
  const { t } = useTranslation();
  const { store, api } = chat;
  const id = interaction.id;
  const session$ = useMemo(() => store.session$(id), [store, id]);
  const session = useObservable(session$, store.session(id)) ?? newSession(id);
  const [busy, setBusy] = useState(false);
  const cannedApi = useMemo(() => createCannedApi(services.http), [services.http]);
  const mine = gone === null && user.agentId !== null && interaction.agentId === user.agentId;
  const serving = mine && (interaction.state === 'active' || interaction.state === 'held');
  const canWrite = serving && !session.customerLeft;
  const customer = session.notice?.customer;
  const customerName =
    customer?.name ??
    (typeof interaction.attached.customerName === 'string' ? interaction.attached.customerName : '');
  const unread = unreadCount(session);
  const webchat = interaction.attached.webchat as { chatId?: unknown; topic?: unknown } | undefined;
  // The notice names the topic by its queue id; the label the customer picked travels in attached data.
  const topic = typeof webchat?.topic === 'string' && webchat.topic ? webchat.topic : customer?.topic;
  // Known from the notice or transcript, else from what the web chat attached to the interaction.
  const chatId = session.chatId ?? (typeof webchat?.chatId === 'string' ? webchat.chatId : null);

  // Work already accepted (a reload, a tab opened later): ask for the transcript if none came yet.
  const needsHistory = serving && session.messages.length === 0;
  useEffect(() => {
    if (!needsHistory) return;
    store.history(id).catch((error: unknown) => console.warn('[chat] transcript not available', error));
  }, [needsHistory, store, id]);

  // The agent sees what is on screen: mark it read; otherwise tell the tab how much waits.
  useEffect(() => {
    if (active && serving && unread > 0) store.markRead(id);
    onAttention(active ? 0 : unread);
  }, [active, serving, unread, store, id, onAttention]);

  const run = useCallback(
    (work: () => Promise<unknown>, done?: string) => {
      setBusy(true);
      work()
        .then(
          () => done && announce(done),
          (error: unknown) => announce(t('chat.failed', { message: errorMessage(t, error) })),
        )
        .finally(() => setBusy(false));
    },
    [announce, t],
  );

  const accept = () =>
    run(async () => {
      const outcome = await store.accept(id);
      announce(outcome === 'accepted' ? t('chat.accepted') : t('chat.acceptWhenJoined'));
    });
  const reject = () =>
    run(() => socket.request({ type: 'chat.reject', interactionId: id }), t('chat.rejected'));
  const end = () =>
    run(() => socket.request({ type: 'interaction.end', interactionId: id }), t('chat.endedByYou'));
  const transfer = (to: TransferTarget) =>
    run(() => socket.request({ type: 'interaction.transfer', interactionId: id, to }), t('chat.transferred'));
  const wrapup = (disposition: string) =>
    run(async () => {
      await socket.request({ type: 'interaction.wrapup', interactionId: id, disposition });
      onClose();
    }, t('chat.wrappedUp'));

  const attach = async (file: File) => {
    if (!chatId) return;
    try {
      const attachment = await api.upload(chatId, file);
      await store.send(id, '', attachment);
    } catch (error) {
      announce(t('chat.attachFailed', { message: errorMessage(t, error) }));
    }
  };

  const download = (attachment: ChatAttachment) => {
    if (!chatId) return;
    api.download(chatId, attachment).then(
      (blob) => saveBlob(blob, attachment.filename),
      (error: unknown) => announce(t('chat.downloadFailed', { message: errorMessage(t, error) })),
    );
  };

  const onTyping = useCallback((activeNow: boolean) => store.typing(id, activeNow), [store, id]);

  return (
    <div className="chat-pane" data-testid="chat-pane" data-interaction-id={id} data-join={session.join}>
      <header className="chat-pane__header">
        <strong data-testid="chat-pane-customer">{customerName || t('conversations.anonymous')}</strong>
        {customer ? (
          <span className="chat-pane__facts">
            {customer.contact} · {t('chat.topic', { topic })}
          </span>
        ) : null}
      </header>
      {session.alerts.map((a) => (
        <p
          key={a.at + a.code}
          className="chat-pane__alert"
          role="alert"
          data-testid="chat-pane-alert"
          data-kind={a.kind}
        >
          {t(`chat.alert.${a.kind}`, { code: a.code })}
        </p>
      ))}
      <p className="chat-pane__status" data-testid="chat-pane-status">
        {statusText(t, session, interaction.state, mine)}
      </p>
      {mine && interaction.state === 'offered' ? (
        <div className="chat-pane__offer">
          <button
            type="button"
            data-testid="chat-pane-accept"
            onClick={accept}
            disabled={busy || session.join === 'rejected'}
          >
            {t('chat.accept')}
          </button>
          <button type="button" onClick={reject} disabled={busy}>
            {t('chat.reject')}
          </button>
        </div>
      ) : null}
      <ChatTranscript
        session={session}
        customerName={customerName}
        onDownload={download}
        onRetry={(clientId) =>
          store.retry(id, clientId).catch((error: unknown) => console.warn('[chat] retry failed', error))
        }
      />
      {session.customerTyping ? (
        <p className="chat-pane__typing" data-testid="chat-pane-typing" aria-live="polite">
          {t('chat.customerTyping', { name: customerName || t('conversations.anonymous') })}
        </p>
      ) : null}
      {serving ? (
        <>
          <ChatComposer
            timers={services.timers}
            disabled={!canWrite}
            onSend={(text) => store.send(id, text)}
            onAttach={attach}
            onTyping={onTyping}
            autoFocus={active}
            canned={cannedApi}
            placeholders={{
              'customer.name': customerName || null,
              'customer.contact': customer?.contact ?? null,
              'agent.name': user.displayName,
              'interaction.id': id,
            }}
            announce={announce}
          />
          <div className="chat-pane__work">
            <ChatTransfer api={api} selfAgentId={user.agentId} busy={busy} onTransfer={transfer} />
            <button
              type="button"
              className="chat-pane__end"
              data-testid="chat-pane-end"
              onClick={end}
              disabled={busy}
            >
              {t('chat.end')}
            </button>
          </div>
        </>
      ) : null}
      {mine && interaction.state === 'wrapup' ? <ChatWrapup busy={busy} onWrapup={wrapup} /> : null}
    </div>
  );
}

function statusText(t: TFunction, session: ChatSession, state: string, mine: boolean): string {
  if (session.customerLeft) return t('chat.status.customerLeft');
  if (state === 'wrapup') return t('chat.status.wrapup');
  if (state === 'active' || state === 'held') return t('chat.status.active');
  if (!mine || state !== 'offered') return t(`inbox.state.${state}`);
  if (session.join === 'rejected') return t('chat.status.rejected');
  if (session.join === 'verified' || session.join === 'accepting') return t('chat.status.joined');
  if (session.acceptWanted) return t('chat.status.acceptWanted');
  return session.notice ? t('chat.status.waitingJoin') : t('chat.status.offered');
}

// A blob URL on a link the browser "clicks": how a page saves a file it fetched with a token.
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
