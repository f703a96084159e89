import type { BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../log';
import { isAllowedExternalUrl } from '../security/externalLinks';
import type { WindowState } from './placeWindow';
import { minimumSize } from './placeWindow';

/** The event object Electron passes to navigation and webview listeners. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of webContents the window factory hardens. */
export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent & { url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of a BrowserWindow the factory uses. */
export interface MainWindowLike {
  webContents: HardenableWebContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize(): void;
  loadURL(url: string): Promise<void>;
}

/** What the factory needs; the composition root passes Electron's real objects. */
export interface MainWindowDeps<W extends MainWindowLike> {
  createWindow(options: BrowserWindowConstructorOptions): W;
  preloadPath: string;
  state: WindowState;
  entryUrl: string;
  isOwnUrl(url: string): boolean;
  openExternal(url: string): Promise<void>;
  log: Logger;
}

/** The options of the one window, with Electron's security checklist applied. */
export function mainWindowOptions(preloadPath: string, state: WindowState): BrowserWindowConstructorOptions {
  return {
    ...state.bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: 'Seat',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

/**
 * Stops the page from going anywhere but our own pages: navigation away and redirects are
 * cancelled, new windows are never created, webviews never attach. A link the agent clicks that is
 * safe to hand to the system (https, mailto, tel) opens in the default browser or mail/phone app.
 */
export function hardenWebContents(
  webContents: HardenableWebContents,
  deps: Pick<MainWindowDeps<MainWindowLike>, 'isOwnUrl' | 'openExternal' | 'log'>,
): void {
  const openOutside = (url: string) => {
    if (!isAllowedExternalUrl(url)) {
      deps.log.warn('Blocked a link to an address that is not allowed', { url: url.slice(0, 200) });
      return;
    }
    deps
      .openExternal(url)
      .catch((error: unknown) => deps.log.warn('Could not open link', { error: String(error) }));
  };
  const guardNavigation = (event: PreventableEvent & { url: string }) => {
    if (deps.isOwnUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  };
  webContents.on('will-navigate', guardNavigation);
  webContents.on('will-redirect', guardNavigation);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** Creates the main window, hardened, where it was last time, shown once its first paint is ready. */
export function createMainWindow<W extends MainWindowLike>(deps: MainWindowDeps<W>): W {
  const window = deps.createWindow(mainWindowOptions(deps.preloadPath, deps.state));
  hardenWebContents(window.webContents, deps);
  window.once('ready-to-show', () => {
    if (deps.state.maximised) window.maximize();
    window.show();
  });
  window
    .loadURL(deps.entryUrl)
    .catch((error: unknown) => deps.log.error('The seat page did not load', { error: String(error) }));
  return window;
}
