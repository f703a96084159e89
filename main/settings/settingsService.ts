import { parseOrThrow, SeatError } from '@contract/errors';
import type { Settings } from '@contract/ipc/settings';
import { settingsPatchSchema, settingsSchema } from '@contract/ipc/settings';
import { mergeSettings, recoverSettings } from '@contract/ipc/settingsMerge';
import type { Logger } from '../log';

/** Where settings are kept between runs (electron-store in the app); holds untrusted data. */
export interface SettingsStorage {
  read(): unknown;
  write(settings: Settings): void;
}

/** The seat's settings as main sees them: always valid, changed only through a validated patch. */
export interface SettingsService {
  get(): Settings;
  /** Validates and applies a patch; throws VALIDATION_FAILED and changes nothing when it is bad. */
  set(patch: unknown): Settings;
  /** Called after every change that altered something; returns the unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void;
}

export interface SettingsServiceDeps {
  storage: SettingsStorage;
  defaults: Settings;
  log: Logger;
}

/**
 * Reads the store once at start, validating it: a hand-edited or corrupted key falls back to its
 * default (and is logged) while the valid keys are kept. The repaired values are written back only
 * on the next change, so an admin's mistake stays visible in the file until then.
 */
export function createSettingsService({ storage, defaults, log }: SettingsServiceDeps): SettingsService {
  let current = load();
  const listeners = new Set<(settings: Settings) => void>();

  function load(): Settings {
    let stored: unknown;
    try {
      stored = storage.read();
    } catch (error) {
      log.warn('Settings store could not be read; using defaults', { error: String(error) });
      return defaults;
    }
    const { settings, fellBack } = recoverSettings(stored, defaults);
    if (fellBack.length > 0)
      log.warn('Settings store had invalid values; using defaults for them', { keys: fellBack });
    return settings;
  }

  return {
    get: () => current,
    set(patch) {
      const valid = parseOrThrow(settingsPatchSchema, patch);
      const next = parseOrThrow(settingsSchema, mergeSettings(current, valid));
      try {
        storage.write(next);
      } catch (error) {
        log.error('Settings could not be saved', { error: String(error) });
        throw new SeatError('UNAVAILABLE', 'The settings could not be saved.');
      }
      const changed = JSON.stringify(next) !== JSON.stringify(current);
      current = next;
      if (changed) for (const listener of [...listeners]) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
