import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../testing/fakes';
import type { WindowStateStorage } from './boundsStore';
import { createBoundsStore } from './boundsStore';
import type { Rect, WindowState } from './placeWindow';

const display = { workArea: { x: 0, y: 0, width: 1600, height: 900 } };
const screen = { getAllDisplays: () => [display], getPrimaryDisplay: () => display };

function fakeWindow(bounds: Rect, maximised = false) {
  const win = Object.assign(new EventEmitter(), {
    maximised,
    getNormalBounds: () => bounds,
    isMaximized: () => win.maximised,
  });
  return win;
}

function memory(initial: unknown): WindowStateStorage & { saved: WindowState[] } {
  const saved: WindowState[] = [];
  return { saved, read: () => initial, write: (s) => void saved.push(s) };
}

describe('bounds store', () => {
  it('opens where the window was last time, clamped to the display', () => {
    const storage = memory({ bounds: { x: 1000, y: 500, width: 900, height: 700 }, maximised: true });
    const store = createBoundsStore({
      storage,
      screen,
      defaultSize: { width: 1280, height: 800 },
      log: recordingLogger(),
    });
    expect(store.initial()).toEqual({ bounds: { x: 700, y: 200, width: 900, height: 700 }, maximised: true });
  });

  it('uses the default placement when the stored state cannot be read', () => {
    const storage: WindowStateStorage = {
      read: () => {
        throw new Error('corrupt');
      },
      write: () => undefined,
    };
    const log = recordingLogger();
    const store = createBoundsStore({ storage, screen, defaultSize: { width: 1280, height: 800 }, log });
    expect(store.initial()).toEqual({
      bounds: { x: 160, y: 50, width: 1280, height: 800 },
      maximised: false,
    });
    expect(log.entries[0]?.level).toBe('warn');
  });

  it('saves normal bounds and the maximised flag when the user moves, resizes or closes', () => {
    const storage = memory(undefined);
    const store = createBoundsStore({
      storage,
      screen,
      defaultSize: { width: 1280, height: 800 },
      log: recordingLogger(),
    });
    const win = fakeWindow({ x: 10, y: 20, width: 1000, height: 700 });
    const dispose = store.track(win);
    win.emit('moved');
    win.maximised = true;
    win.emit('maximize');
    win.emit('close');
    expect(storage.saved).toEqual([
      { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximised: false },
      { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximised: true },
      { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximised: true },
    ]);
    dispose();
    win.emit('resized');
    expect(storage.saved).toHaveLength(3);
    expect(win.eventNames()).toEqual([]);
  });
});
