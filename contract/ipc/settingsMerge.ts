import type { Settings, SettingsPatch } from './settings';
import { settingsSchema } from './settings';

/** Applies a validated patch: top-level fields replace, audio, hotkeys and softphone merge key by key. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return {
    serverUrl: patch.serverUrl ?? current.serverUrl,
    language: patch.language ?? current.language,
    audio: { ...current.audio, ...patch.audio },
    hotkeys: { ...current.hotkeys, ...patch.hotkeys },
    softphone: { ...current.softphone, ...patch.softphone },
  };
}

/** The outcome of reading stored settings: what to use, and which keys had to fall back. */
export interface RecoveredSettings {
  settings: Settings;
  /** Top-level keys whose stored value was missing or invalid and were replaced by the default. */
  fellBack: (keyof Settings)[];
}

const settingsKeys = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/**
 * Reads settings that may have been hand-edited or corrupted: each top-level key that does not
 * validate falls back to its default on its own, so one bad hotkey does not reset the server URL.
 */
export function recoverSettings(stored: unknown, defaults: Settings): RecoveredSettings {
  const record =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  const fellBack: (keyof Settings)[] = [];
  const candidate: Record<string, unknown> = {};
  for (const key of settingsKeys) {
    const field = settingsSchema.shape[key];
    const parsed = field.safeParse(record[key]);
    if (parsed.success) candidate[key] = parsed.data;
    else {
      candidate[key] = defaults[key];
      fellBack.push(key);
    }
  }
  return { settings: settingsSchema.parse(candidate), fellBack };
}
