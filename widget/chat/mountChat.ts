import { chatTopicsResponseSchema, type ChatTopic } from '@contract/webchat';
import type { MountPart } from '../part';
import { attachmentUrl, createChatConnection } from './chatConnection';
import { createChatView } from './chatView';
import './chat.css';

// The chat part of the customer page: topics from the server, the pre-chat form, then the chat.
// A reload of the tab finds its chat again (credentials in sessionStorage) and loses nothing.

async function loadTopics(origin: string, tenant: string): Promise<ChatTopic[]> {
  const reply = await fetch(new URL(`/webchat/topics?tenantId=${encodeURIComponent(tenant)}`, origin));
  if (!reply.ok) throw new Error(`The chat topics could not be loaded (${reply.status}).`);
  return chatTopicsResponseSchema.parse(await reply.json()).topics;
}

const randomId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Mounts the chat into its section; returns the disposer. */
export const mountChat: MountPart = (section, config) => {
  const doc = section.ownerDocument;
  const loading = doc.createElement('p');
  loading.textContent = 'Loading…';
  section.append(loading);
  const connection = createChatConnection({
    origin: config.serverOrigin,
    tenant: config.tenant,
    fetch: (input, init) => fetch(input, init),
    createSocket: (url) => new WebSocket(url),
    storage: window.sessionStorage,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    newClientId: randomId,
  });
  let disposeView: () => void = () => {};
  let unsubscribe: () => void = () => {};

  loadTopics(config.serverOrigin, config.tenant).then(
    (topics) => {
      loading.remove();
      const view = createChatView(
        section,
        topics,
        config.queue,
        {
          attachment: (id, inline) => {
            const chat = connection.chat;
            return chat ? attachmentUrl(config.serverOrigin, chat.chatId, chat.chatKey, id, inline) : null;
          },
        },
        {
          onStart: (form) => void connection.start(form),
          onSend: (text) => connection.send(text),
          onTyping: (active) => connection.typing(active),
          onAttach: (file) => {
            connection.upload(file).then(
              (attachment) => connection.send('', attachment),
              (error: unknown) => view.notice(error instanceof Error ? error.message : String(error)),
            );
          },
          onEnd: (emailTranscript) => connection.end(emailTranscript),
          onSeen: (seq) => connection.markRead(seq),
          onRetry: (clientId) => connection.retry(clientId),
          onDiscard: (clientId) => connection.discard(clientId),
        },
      );
      disposeView = () => view.dispose();
      unsubscribe = connection.subscribe((state) => view.render(state));
      connection.resume();
    },
    (error: unknown) => {
      loading.textContent = error instanceof Error ? error.message : String(error);
      loading.setAttribute('role', 'alert');
    },
  );

  return () => {
    unsubscribe();
    connection.dispose();
    disposeView();
    loading.remove();
  };
};
