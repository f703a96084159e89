import { useCallback, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '@contract/routing';
import type { ConversationAreaServices } from '../conversations/ConversationArea';
import type { ConversationTabs } from '../conversations/conversation-tabs';
import type { ConversationSocket } from '../conversations/pane-props';
import { errorMessage } from '../i18n/error-message';
import { createChatApi } from './chat-api';
import { ChatServicesContext } from './chat-context';
import { createChatStore } from './chat-store';

/** What the shell gets from the seat's chat wiring. */
export interface SeatChat {
  /** Accepts an offer: a web chat through its join check (its tab opens), anything else as before. */
  acceptOffer: (interaction: Interaction) => Promise<unknown>;
  /** Wraps the conversation area so chat panes find the seat's chat store. */
  provide: (children: ReactNode) => ReactNode;
}

/**
 * The seat's one chat store, started for the session: it must hear each begin-of-service notice
 * before any tab is open. Security alerts (a refused or mismatched join) go to `onAlert` as an error to show.
 */
export function useSeatChat(
  services: ConversationAreaServices | undefined,
  socket: ConversationSocket,
  tabs: ConversationTabs,
  onAlert: (alert: Error) => void,
): SeatChat | null {
  const { t, i18n } = useTranslation();
  const chat = useMemo(() => {
    if (!services) return null;
    return {
      store: createChatStore({
        socket,
        timers: services.timers,
        now: services.now,
        newClientId: services.newId,
        // The store outlives language changes: i18n.t speaks the language of the moment of the failure.
        describeError: (error) => errorMessage(i18n.t, error),
      }),
      api: createChatApi({
        http: services.http,
        serverUrl: services.serverUrl,
        fetch: services.fetch,
        getToken: services.getToken,
      }),
    };
  }, [services, socket, i18n]);

  useEffect(() => chat?.store.start(), [chat]);

  useEffect(() => {
    if (!chat) return;
    const subscription = chat.store.alerts$.subscribe(({ interactionId, customer }) => {
      onAlert(new Error(t('chat.announceAlert', { customer: customer ?? interactionId })));
    });
    return () => subscription.unsubscribe();
  }, [chat, onAlert, t]);

  const acceptOffer = useCallback(
    async (interaction: Interaction) => {
      if (chat && interaction.channel === 'im' && chat.store.hasNotice(interaction.id)) {
        tabs.open(interaction);
        return chat.store.accept(interaction.id);
      }
      return socket.request({ type: 'interaction.accept', interactionId: interaction.id });
    },
    [chat, socket, tabs],
  );

  const provide = useCallback(
    (children: ReactNode) => (
      <ChatServicesContext.Provider value={chat}>{children}</ChatServicesContext.Provider>
    ),
    [chat],
  );

  return useMemo(() => (chat ? { acceptOffer, provide } : null), [chat, acceptOffer, provide]);
}
