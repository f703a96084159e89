import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appEntryUrl, isAppUrl } from '../appOrigin';
import { recordingLogger } from '../testing/fakes';
import type { PreventableEvent } from './createMainWindow';
import { createMainWindow, mainWindowOptions } from './createMainWindow';

const state = { bounds: { x: 10, y: 20, width: 1280, height: 800 }, maximised: true };

function fakeWindow() {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: undefined as undefined | ((d: { url: string }) => { action: 'deny' }),
    setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }) {
      contents.openHandler = handler;
    },
  });
  return Object.assign(new EventEmitter(), {
    webContents: contents,
    show: vi.fn(),
    maximize: vi.fn(),
    loadURL: vi.fn(async (_url: string) => undefined),
  });
}

function setup() {
  const window = fakeWindow();
  let options: BrowserWindowConstructorOptions | undefined;
  const openExternal = vi.fn(async (_url: string) => undefined);
  const log = recordingLogger();
  createMainWindow({
    createWindow: (o) => {
      options = o;
      return window;
    },
    preloadPath: '/app/dist/preload/preload.cjs',
    state,
    entryUrl: appEntryUrl,
    isOwnUrl: isAppUrl,
    openExternal,
    log,
  });
  const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
    const e: PreventableEvent & { url: string } = { url, preventDefault: vi.fn() };
    window.webContents.emit(event, e);
    return e.preventDefault;
  };
  return { window, options: options!, openExternal, log, navigate };
}

describe('main window factory', () => {
  it('applies the security checklist to webPreferences exactly', () => {
    expect(mainWindowOptions('/p.cjs', state).webPreferences).toEqual({
      preload: '/p.cjs',
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
    });
  });

  it('opens at the remembered bounds, hidden until ready, then maximised as it was', () => {
    const { window, options } = setup();
    expect(options).toMatchObject({ x: 10, y: 20, width: 1280, height: 800, show: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://seat/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('lets the page move between our own pages', () => {
    const { navigate } = setup();
    expect(navigate('will-navigate', 'app://seat/index.html')).not.toHaveBeenCalled();
  });

  it('cancels navigation and redirects away from our pages', () => {
    const { navigate, openExternal } = setup();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:7420/']) {
      expect(navigate('will-navigate', url), url).toHaveBeenCalled();
      expect(navigate('will-redirect', url), url).toHaveBeenCalled();
    }
    expect(openExternal).not.toHaveBeenCalledWith('file:///etc/passwd');
    expect(openExternal).not.toHaveBeenCalledWith('http://127.0.0.1:7420/');
  });

  it('never opens a new window, and hands only allowed links to the system', () => {
    const { window, openExternal, log } = setup();
    const open = window.webContents.openHandler!;
    expect(open({ url: 'https://kb.example.com/article/1' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:care@example.com' })).toEqual({ action: 'deny' });
    expect(open({ url: 'smb://attacker/share' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://seat/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://kb.example.com/article/1',
      'mailto:care@example.com',
    ]);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
  });

  it('blocks webviews from attaching', () => {
    const { window } = setup();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
