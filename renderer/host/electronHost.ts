import { errorBodySchema, SeatError } from '@contract/errors';
import type { SeatBridge } from '@contract/ipc/channels';
import type { Host } from './host';

// contextBridge copies only the message of an Error, so the preload rejects with a plain ErrorBody;
// here it becomes a SeatError again so callers see the same error type in both hosts.
function toSeatError(reason: unknown): unknown {
  if (reason instanceof SeatError) return reason;
  const body = errorBodySchema.safeParse(reason);
  if (body.success)
    return new SeatError(body.data.error.code, body.data.error.message, body.data.error.details);
  return reason;
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (reason) {
    throw toSeatError(reason);
  }
}

/** The host inside the desktop app: the preload bridge, with its rejections turned into SeatErrors. */
export function createElectronHost(bridge: SeatBridge): Host {
  return {
    kind: 'electron',
    getSettings: () => call(() => bridge.getSettings()),
    setSettings: (patch) => call(() => bridge.setSettings(patch)),
    getAppInfo: () => call(() => bridge.getAppInfo()),
    showNotification: (request) => call(() => bridge.showNotification(request)),
    closeNotification: (id) => call(() => bridge.closeNotification(id)),
    setBadgeCount: (count) => call(() => bridge.setBadgeCount(count)),
    onSettingsChanged: (listener) => bridge.onSettingsChanged(listener),
    onNotificationClicked: (listener) => bridge.onNotificationClicked(listener),
  };
}
