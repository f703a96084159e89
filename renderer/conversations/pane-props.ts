import type { User } from '@contract/auth';
import type { Interaction } from '@contract/routing';
import type { HttpClient } from '../api/http-client';
import type { SeatSocket } from '../api/seat-socket';
import type { Timers } from '../api/timers';

/** What a conversation pane may use of the seat socket: its frames, and requests answered by ack or error. */
export type ConversationSocket = Pick<SeatSocket, 'messages$' | 'request'>;

/** Services every conversation pane gets from the app's composition root. */
export interface ConversationServices {
  /** JSON requests to the Seat server with the session's token. */
  http: HttpClient;
  /** The server's base URL (no trailing slash), for downloads and uploads the JSON client does not cover. */
  serverUrl: string;
  /** The session token for such requests, or null when signed out. */
  getToken: () => string | null;
  timers: Timers;
  now: () => number;
}

/**
 * The ONE props interface of every conversation pane (chat, e-mail, voice, generic). A channel's pane
 * is registered in panes.ts and rendered inside its tab; it gets the live interaction and reports back
 * through the callbacks only.
 */
export interface ConversationPaneProps {
  /** The interaction as the server last described it; a new object whenever a frame changes it. */
  interaction: Interaction;
  /** Set when the interaction is no longer this seat's to work: offer revoked, transferred away. */
  gone: 'revoked' | 'transferred' | null;
  user: User;
  socket: ConversationSocket;
  services: ConversationServices;
  /** Whether this pane's tab is the one shown; a hidden pane stays mounted and keeps its state. */
  active: boolean;
  /** Closes this pane's tab (e.g. once the work is wrapped up). */
  onClose: () => void;
  /** Tells the tab strip how many new items wait unseen in this pane (0 clears the badge). */
  onAttention: (unseen: number) => void;
  /** Says something to screen-reader users through the conversation area's status region. */
  announce: (message: string) => void;
}
