// The composition root of the Electron main process: the only file that wires the real `electron`
// modules into the services. Everything it calls is unit-tested through small interfaces; this
// file only connects them, so it runs where an Electron binary exists (not in this repo's CI).
//
// Where the renderer comes from: dist/renderer, served by main as app://seat/ (see appOrigin.ts).
// The renderer talks to the server URL from settings and the softphone's SIP server; main lets it
// (CSP connect-src, CORS on that server's responses) and reloads the page when either changes so
// the new CSP applies.
// Outside loopback the server must be https, since our pages are a secure context.
import { app, BrowserWindow, ipcMain, Notification, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '@contract/ipc/settings';
import { appEntryUrl, appScheme, isAppUrl } from './appOrigin';
import { createAppInfo } from './app/appInfo';
import { claimSingleInstance, telLinkFromArgv } from './app/singleInstance';
import { registerIpcHandlers, sendEvent } from './ipc/registerIpc';
import type { Logger } from './log';
import { createLineLogger } from './log';
import { createNotificationService } from './notifications/notificationService';
import { createBadgeService } from './app/badge';
import { createAppProtocolHandler } from './protocol/appProtocol';
import { contentSecurityPolicy, needsReload } from './security/contentSecurityPolicy';
import { createPermissionPolicy } from './security/permissions';
import { allowAppOriginOnServer } from './security/serverCors';
import { defaultsFromEnvironment } from './settings/defaults';
import { createSettingsService } from './settings/settingsService';
import { createBoundsStore } from './window/boundsStore';
import { createMainWindow } from './window/createMainWindow';

/** Opens one electron-store file; a file that is not valid JSON is logged and started afresh. */
function openStore(name: string, log: Logger): Store<Record<string, unknown>> {
  let store: Store<Record<string, unknown>>;
  try {
    store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: false });
  } catch (error) {
    log.warn('A settings file was not valid JSON and was reset', { name, error: String(error) });
    store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true });
  }
  // electron-store answers a sync IPC message with the user-data path for renderer-side stores.
  // We have none, and every IPC we answer goes through handleInvoke, so that listener goes.
  ipcMain.removeAllListeners('electron-store-get-data');
  return store;
}

function start(log: Logger, focusWindow: { current: () => void }): void {
  const settingsStore = openStore('settings', log);
  const settings = createSettingsService({
    storage: {
      read: () => settingsStore.store,
      write: (value: Settings) => void (settingsStore.store = value),
    },
    defaults: defaultsFromEnvironment(process.env),
    log,
  });
  const windowStore = openStore('window-state', log);
  const bounds = createBoundsStore({
    storage: { read: () => windowStore.store, write: (value) => void (windowStore.store = { ...value }) },
    screen,
    defaultSize: { width: 1440, height: 900 },
    log,
  });

  const policy = createPermissionPolicy(isAppUrl);
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(policy.request(permission, details)),
  );
  ses.setPermissionCheckHandler((_contents, permission, origin, details) =>
    policy.check(permission, origin, details),
  );
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback(allowAppOriginOnServer(details, settings.get().serverUrl)),
  );

  protocol.handle(
    appScheme,
    createAppProtocolHandler({
      rootDir: path.join(app.getAppPath(), 'dist', 'renderer'),
      readFile: (file) => readFile(file),
      contentSecurityPolicy: () => contentSecurityPolicy(settings.get()),
    }),
  );

  let window: BrowserWindow | null = null;
  const openWindow = () => {
    const created = createMainWindow({
      createWindow: (options) => new BrowserWindow(options),
      preloadPath: path.join(__dirname, '..', 'preload', 'preload.cjs'),
      state: bounds.initial(),
      entryUrl: appEntryUrl,
      isOwnUrl: isAppUrl,
      openExternal: (url) => shell.openExternal(url),
      log,
    });
    const untrack = bounds.track(created);
    created.on('closed', () => {
      untrack();
      window = null;
    });
    window = created;
  };
  focusWindow.current = () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const notifications = createNotificationService({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    focusWindow: () => focusWindow.current(),
    emitClicked: (payload) => window && sendEvent(window.webContents, 'notification:clicked', payload),
    log,
  });
  const badge = createBadgeService({
    platform: process.platform,
    setAppBadgeCount: (count) => app.setBadgeCount(count),
    flashWindow: (on) => window?.flashFrame(on),
    log,
  });
  registerIpcHandlers(
    ipcMain,
    {
      settings,
      notifications,
      badge,
      appInfo: () =>
        createAppInfo({ version: app.getVersion(), platform: process.platform, locale: app.getLocale() }),
    },
    { isTrustedSender: isAppUrl, log },
  );

  let served = settings.get();
  settings.onChange((next) => {
    const before = served;
    served = next;
    if (!window) return;
    sendEvent(window.webContents, 'settings:changed', next);
    if (needsReload(before, next)) window.webContents.reload();
  });

  openWindow();
  app.on('activate', () => {
    if (!window) openWindow();
  });
}

function main(): void {
  const log = createLineLogger(
    (line) => process.stdout.write(`${line}\n`),
    () => new Date(),
  );
  // Must happen before `ready`: our scheme behaves like https (secure context, fetch, CORS).
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
  app.enableSandbox();

  const focusWindow = { current: () => undefined as void };
  const first = claimSingleInstance(app, (argv) => {
    focusWindow.current();
    const tel = telLinkFromArgv(argv);
    if (tel) log.info('A phone link was passed to the running seat', { tel });
  });
  if (!first) {
    app.quit();
    return;
  }
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => start(log, focusWindow))
    .catch((error: unknown) => {
      log.error('The seat could not start', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      app.exit(1);
    });
}

main();
