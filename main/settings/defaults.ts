import type { Settings } from '@contract/ipc/settings';
import { defaultSettings, settingsSchema } from '@contract/ipc/settings';

/**
 * The defaults of a fresh install. `npm start` passes the URL of the server it started as
 * SEAT_SERVER_URL; it only replaces the default, never a server URL the user saved.
 */
export function defaultsFromEnvironment(env: Record<string, string | undefined>): Settings {
  const fromEnv = settingsSchema.shape.serverUrl.safeParse(env.SEAT_SERVER_URL);
  return fromEnv.success ? { ...defaultSettings, serverUrl: fromEnv.data } : defaultSettings;
}
