import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultSettings } from '@contract/ipc/settings';
import type { Settings } from '@contract/ipc/settings';
import { createAuthApi } from './api/auth-api';
import { createHttpClient } from './api/http-client';
import { SeatSocket } from './api/seat-socket';
import { realTimers } from './api/timers';
import { seatSocketUrl } from './api/ws-url';
import { isSessionEnded } from './api/api-error';
import { App } from './app/App';
import type { AppServices } from './app/services';
import { createSessionStore } from './auth/session-store';
import { createCapacityLoader } from './conversations/conversations-api';
import { createCtiServices } from './cti/create-cti-services';
import { createPhoneCredentialStore, rememberPhoneCredentials } from './cti/phone-credentials';
import { createCustomerApi } from './customer/customer-api';
import { createInboxApi } from './inbox/inbox-api';
import { createNewWorkServices } from './notify/new-work-services';
import { getHost } from './host';
import './styles/base.css';

// The composition root: the only place that touches window, fetch and WebSocket directly.
async function start(): Promise<void> {
  const host = getHost();
  let settings: Settings;
  try {
    settings = await host.getSettings();
  } catch (error) {
    console.error('[seat] settings could not be read; starting with defaults', error);
    settings = defaultSettings;
  }
  // The web seat is served by the server it talks to; the desktop app is told where it is.
  const serverUrl = host.kind === 'browser' ? window.location.origin : settings.serverUrl;
  const sessions = createSessionStore(window.sessionStorage, () => Date.now());
  const http = createHttpClient({
    baseUrl: serverUrl,
    fetch: (url, init) => window.fetch(url, init),
    getToken: () => sessions.current()?.token ?? null,
  });
  // The softphone registers with the sign-in's own credentials, kept in memory only.
  const phoneCredentials = createPhoneCredentialStore(window.sessionStorage);
  const auth = rememberPhoneCredentials(createAuthApi(http), phoneCredentials);
  const timers = realTimers();

  const services: AppServices = {
    host,
    auth,
    sessions,
    systemLocale: window.navigator.language,
    rootElement: document.documentElement,
    inbox: { api: createInboxApi(http), timers, now: () => Date.now() },
    newWork: createNewWorkServices({
      window,
      document,
      host,
      warn: (message) => console.warn('[notify]', message),
    }),
    conversations: {
      http,
      serverUrl,
      getToken: () => sessions.current()?.token ?? null,
      timers,
      now: () => Date.now(),
      loadCapacity: createCapacityLoader(http),
      fetch: (url, init) => window.fetch(url, init),
      newId: () => window.crypto.randomUUID(),
    },
    cti: createCtiServices({
      window,
      host,
      http,
      serverUrl,
      // The web seat's CSP comes from its server and allows only that server's own origin.
      canChooseSipServer: host.kind !== 'browser',
      timers,
      credentials: phoneCredentials,
    }),
    customer: { api: createCustomerApi(http) },
    openSocket: (token) =>
      new SeatSocket({
        url: seatSocketUrl(serverUrl, token),
        createSocket: (url) => new WebSocket(url),
        timers,
        checkSession: () =>
          auth.me().then(
            () => true,
            (error: unknown) => {
              if (isSessionEnded(error)) return false;
              throw error;
            },
          ),
      }),
  };

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App services={services} initialLanguage={settings.language} />
    </StrictMode>,
  );
}

void start();
