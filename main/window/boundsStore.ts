import type { Logger } from '../log';
import type { DisplayLike, Rect, WindowState } from './placeWindow';
import { placeWindow } from './placeWindow';

/** Where the window state is kept between runs (its own electron-store file in the app). */
export interface WindowStateStorage {
  read(): unknown;
  write(state: WindowState): void;
}

/** The part of Electron's screen module the bounds store uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
}

/** The part of a BrowserWindow the bounds store watches. */
export interface TrackedWindowLike {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'resized' | 'moved' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  removeListener(
    event: 'resized' | 'moved' | 'maximize' | 'unmaximize' | 'close',
    listener: () => void,
  ): unknown;
}

/** Remembers where the main window was and whether it was maximised. */
export interface BoundsStore {
  /** Where to open the window now, clamped to the displays that exist now. */
  initial(): WindowState;
  /** Saves the window's state whenever the user finishes moving or resizing it; returns the disposer. */
  track(window: TrackedWindowLike): () => void;
}

const trackedEvents = ['resized', 'moved', 'maximize', 'unmaximize', 'close'] as const;

export function createBoundsStore(deps: {
  storage: WindowStateStorage;
  screen: ScreenLike;
  defaultSize: { width: number; height: number };
  log: Logger;
}): BoundsStore {
  return {
    initial() {
      let saved: unknown;
      try {
        saved = deps.storage.read();
      } catch (error) {
        deps.log.warn('Window state could not be read; using the default placement', {
          error: String(error),
        });
      }
      return placeWindow(
        saved,
        deps.screen.getAllDisplays(),
        deps.screen.getPrimaryDisplay(),
        deps.defaultSize,
      );
    },
    track(window) {
      // The normal bounds, not the maximised ones, so un-maximising next run restores the old size.
      const save = () => {
        try {
          deps.storage.write({ bounds: window.getNormalBounds(), maximised: window.isMaximized() });
        } catch (error) {
          deps.log.warn('Window state could not be saved', { error: String(error) });
        }
      };
      for (const event of trackedEvents) window.on(event, save);
      return () => {
        for (const event of trackedEvents) window.removeListener(event, save);
      };
    },
  };
}
