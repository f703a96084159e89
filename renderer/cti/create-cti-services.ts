import type { HttpClient } from '../api/http-client';
import type { Timers } from '../api/timers';
import type { CtiServices } from './cti-services';
import type { CtiHost } from './cti-session';
import { createCtiDirectoryApi } from './directory-api';
import { createJsSipUa } from './jssip-ua';
import type { PhoneCredentialStore } from './phone-credentials';
import { createSoftphone } from './softphone';
import { createWebAudioMedia } from './web-audio-media';

/** What the composition root hands the CTI. */
export interface CtiServicesDeps {
  window: Window;
  host: CtiHost;
  http: HttpClient;
  serverUrl: string;
  /** True in the desktop app, whose CSP follows the settings' SIP server; the web seat's does not. */
  canChooseSipServer: boolean;
  timers: Timers;
  credentials: PhoneCredentialStore;
}

/** The CTI's real services: JsSIP, the browser's media, the server's directory. */
export function createCtiServices(deps: CtiServicesDeps): CtiServices {
  const { window: win, timers } = deps;
  const warn = (message: string, detail?: unknown) => console.warn(`[cti] ${message}`, detail ?? '');
  const now = () => Date.now();
  const media = createWebAudioMedia({
    mediaDevices: win.navigator.mediaDevices,
    createAudioContext: () => new AudioContext(),
    createAudioElement: () => win.document.createElement('audio'),
    warn,
  });
  return {
    createSoftphone: () =>
      createSoftphone({
        createUa: createJsSipUa,
        media,
        timers,
        now,
        newId: () => win.crypto.randomUUID(),
        warn,
      }),
    credentials: deps.credentials,
    host: deps.host,
    directory: createCtiDirectoryApi(deps.http),
    listDevices: () => media.devices(),
    serverUrl: deps.serverUrl,
    canChooseSipServer: deps.canChooseSipServer,
    timers,
    now,
    mac: /mac/i.test(win.navigator.platform),
    warn,
  };
}
