import type { AppInfo } from '@contract/ipc/channels';
import { appInfoSchema } from '@contract/ipc/channels';

/** Builds the app:info answer from Electron's app and Node's process, validated against the contract. */
export function createAppInfo(source: { version: string; platform: string; locale: string }): AppInfo {
  // The seat ships for Windows, macOS and Linux; another Unix runs the Linux build.
  const platform = source.platform === 'win32' || source.platform === 'darwin' ? source.platform : 'linux';
  return appInfoSchema.parse({ version: source.version, platform, locale: source.locale || 'en' });
}
