// Builds the two desktop bundles into a temporary folder and runs them against fake Electron
// modules: the preload must need nothing but 'electron' (a sandboxed preload has no Node), and the
// main bundle's composition root must wire every service when the app becomes ready.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDesktop, desktopBuildOptions } from './build-desktop.mjs';

const root = path.resolve(import.meta.dirname, '..');
const nodeRequire = createRequire(import.meta.url);
let work;
let outDir;

/** Runs a CommonJS bundle with the given require, as Electron would load it. */
function runBundle(file, requireFn) {
  const module = { exports: {} };
  const run = compileFunction(
    readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    { filename: file },
  );
  run(module.exports, requireFn, module, file, path.dirname(file));
  return module.exports;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'seat-desktop-'));
  outDir = path.join(work, 'dist');
  await buildDesktop(root, outDir);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('desktop build options', () => {
  it('bundles main for Node and the preload for the sandbox, both CommonJS with electron left external', () => {
    const [main, preload] = desktopBuildOptions('/repo');
    expect(main).toMatchObject({
      platform: 'node',
      format: 'cjs',
      bundle: true,
      external: ['electron'],
      outfile: '/repo/dist/main/main.cjs',
    });
    expect(preload).toMatchObject({
      platform: 'browser',
      format: 'cjs',
      bundle: true,
      external: ['electron'],
      outfile: '/repo/dist/preload/preload.cjs',
    });
  });
});

describe('preload bundle', () => {
  it('needs nothing but electron and exposes the full bridge as window.seat', async () => {
    const exposed = {};
    const ipcRenderer = {
      invoke: vi.fn(async () => ({ ok: true, value: { version: '0.1.0', platform: 'linux', locale: 'en' } })),
      on: vi.fn(),
      removeListener: vi.fn(),
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => (exposed[key] = api) },
      ipcRenderer,
    };
    runBundle(path.join(outDir, 'preload', 'preload.cjs'), (id) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    });
    expect(Object.keys(exposed)).toEqual(['seat']);
    expect(Object.keys(exposed.seat).sort()).toEqual(
      [
        'closeNotification',
        'getAppInfo',
        'getSettings',
        'onNotificationClicked',
        'onSettingsChanged',
        'setBadgeCount',
        'setSettings',
        'showNotification',
      ].sort(),
    );
    await expect(exposed.seat.getAppInfo()).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      locale: 'en',
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app:info');
  });
});

/** Just enough of Electron's main-process modules for main.ts to start. */
function fakeElectron(appDir, userData) {
  const handlers = new Map();
  const windows = [];
  const sessionHandlers = {};
  let protocolHandler;
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => true,
    enableSandbox: vi.fn(),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    exit: vi.fn(),
    getAppPath: () => appDir,
    getPath: () => userData,
    getVersion: () => '0.1.0',
    getLocale: () => 'en-GB',
  });
  class BrowserWindow extends EventEmitter {
    constructor(options) {
      super();
      this.options = options;
      this.webContents = Object.assign(new EventEmitter(), {
        setWindowOpenHandler: (h) => (this.webContents.openHandler = h),
        isDestroyed: () => false,
        send: vi.fn(),
        reload: vi.fn(),
      });
      this.loadURL = vi.fn(async () => undefined);
      this.show = vi.fn();
      this.maximize = vi.fn();
      windows.push(this);
    }
    getNormalBounds() {
      return { x: this.options.x, y: this.options.y, width: this.options.width, height: this.options.height };
    }
    isMaximized() {
      return false;
    }
  }
  class Notification extends EventEmitter {
    static isSupported = () => true;
    show() {}
    close() {}
  }
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  const electron = {
    app,
    BrowserWindow,
    Notification,
    ipcMain: Object.assign(new EventEmitter(), {
      handle: (c, h) => handlers.set(c, h),
      removeHandler: (c) => handlers.delete(c),
    }),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme, h) => (protocolHandler = { scheme, h }),
    },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h) => (sessionHandlers.request = h),
        setPermissionCheckHandler: (h) => (sessionHandlers.check = h),
        webRequest: { onHeadersReceived: (h) => (sessionHandlers.headers = h) },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
  return { electron, handlers, windows, sessionHandlers, protocol: () => protocolHandler };
}

describe('main bundle', () => {
  it('wires the window, protocol, permissions and IPC when the app is ready', async () => {
    const appDir = path.join(work, 'app');
    mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
    writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Seat</title>');
    const fake = fakeElectron(appDir, path.join(work, 'userData'));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      runBundle(path.join(outDir, 'main', 'main.cjs'), (id) =>
        id === 'electron' ? fake.electron : nodeRequire(id),
      );
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
    } finally {
      stdout.mockRestore();
    }
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();

    const [window] = fake.windows;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window.options.webPreferences.preload).toBe(path.join(outDir, 'preload', 'preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://seat/index.html');

    const page = await fake.protocol().h(new Request('app://seat/index.html'));
    expect(await page.text()).toContain('<title>Seat</title>');
    expect(page.headers.get('content-security-policy')).toContain('connect-src');

    expect([...fake.handlers.keys()].sort()).toEqual([
      'app:info',
      'app:setBadgeCount',
      'notification:close',
      'notification:show',
      'settings:get',
      'settings:set',
    ]);
    const reply = await fake.handlers.get('app:info')({ senderFrame: { url: 'app://seat/index.html' } });
    expect(reply).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: expect.any(String), locale: 'en-GB' },
    });
    const foreign = await fake.handlers.get('settings:get')({
      senderFrame: { url: 'https://evil.example/' },
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
    expect(fake.electron.ipcMain.listenerCount('electron-store-get-data')).toBe(0);

    const granted = vi.fn();
    fake.sessionHandlers.request(window.webContents, 'media', granted, {
      requestingUrl: 'app://seat/',
      isMainFrame: true,
      mediaTypes: ['video'],
    });
    expect(granted).toHaveBeenCalledWith(false);
  }, 60_000);
});
