import type { Settings, SettingsPatch } from '@contract/ipc/settings';
import type { AuthApi } from '../api/auth-api';
import type { SeatSocket } from '../api/seat-socket';
import type { SessionStore } from '../auth/session-store';
import type { CtiServices } from '../cti/cti-services';
import type { CustomerServices } from '../customer/customer-api';
import type { ConversationAreaServices } from '../conversations/ConversationArea';
import type { InboxServices } from '../inbox/Inbox';
import type { NewWorkServices } from '../notify/new-work-services';

/** What the app needs from its host: saving the language and hearing about settings changed elsewhere. */
export interface AppHost {
  setSettings(patch: SettingsPatch): Promise<Settings>;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
}

/** Everything the React app talks to, built once in main.tsx and replaced by fakes in tests. */
export interface AppServices {
  host: AppHost;
  auth: AuthApi;
  sessions: SessionStore;
  /** Builds (without connecting) the seat socket for a session token. */
  openSocket: (token: string) => SeatSocket;
  /** The browser's or OS's locale, used when the language setting is 'system'. */
  systemLocale: string;
  /** Where the page's language is declared for screen readers (document.documentElement in the app). */
  rootElement: HTMLElement;
  /** What the inbox pane reads from; without it the pane shows its placeholder (tests of other parts). */
  inbox?: InboxServices;
  /** What conversation panes use; without it no conversation area is shown (tests of other parts). */
  conversations?: ConversationAreaServices;
  /** Sound and badge for work arriving while the seat is in the background; none in tests of other parts. */
  newWork?: NewWorkServices;
  /** The softphone and CTI toolbar's services; without them no call area is shown (tests of other parts). */
  cti?: CtiServices;
  /** The customer pane's reads (profile, contact history); without them it shows only the screen pop. */
  customer?: CustomerServices;
}
