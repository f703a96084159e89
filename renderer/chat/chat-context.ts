import { createContext, useContext } from 'react';
import type { ChatApi } from './chat-api';
import type { ChatStore } from './chat-store';

/** What chat panes share across the seat: the one chat store (it must hear notices before any tab opens) and the chat API. */
export interface ChatServices {
  store: ChatStore;
  api: ChatApi;
}

/** Provided by the shell around the conversation area. */
export const ChatServicesContext = createContext<ChatServices | null>(null);

/** The seat's chat services, or null outside a provider. */
export function useChatServices(): ChatServices | null {
  return useContext(ChatServicesContext);
}
