import type { Timers } from '../api/timers';
import type { CtiHost } from './cti-session';
import type { CtiDirectoryApi } from './directory-api';
import type { DeviceLists } from './media-engine';
import type { PhoneCredentialStore } from './phone-credentials';
import type { Softphone } from './softphone';

/** What the CTI needs from the composition root (main.tsx); tests of other parts leave it out. */
export interface CtiServices {
  /** Builds the softphone of one signed-in shell. */
  createSoftphone: () => Softphone;
  credentials: PhoneCredentialStore;
  host: CtiHost;
  directory: CtiDirectoryApi;
  listDevices: () => Promise<DeviceLists>;
  /** The Seat server's URL; the SIP edge is its /sip. */
  serverUrl: string;
  /** Whether the phone line may name another SIP server: the page's CSP must allow it (desktop only). */
  canChooseSipServer: boolean;
  timers: Timers;
  now: () => number;
  mac: boolean;
  warn: (message: string, detail?: unknown) => void;
}
