import type { ErrorBody } from '@contract/errors';
import { detailsFromZod } from '@contract/errors';
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeResult,
  SeatBridge,
} from '@contract/ipc/channels';
import { eventChannels, invokeChannels } from '@contract/ipc/channels';
import { ipcReplySchema } from '@contract/ipc/reply';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Where the bridge reports data from main that broke the contract. */
export type BridgeWarn = (message: string) => void;

// contextBridge copies an Error's message only, so a failure crosses into the page as a plain
// ErrorBody object; renderer/host turns it back into a SeatError.
function failure(body: ErrorBody): Promise<never> {
  return Promise.reject(body);
}

/**
 * Builds `window.seat`: one method per contract operation, each calling its own channel, its
 * reply parsed with the contract before the page sees it. Subscriptions hand the page only the
 * parsed payload (never the IPC event) and return an unsubscribe that removes that one listener.
 */
export function createSeatBridge(ipc: IpcRendererLike, warn: BridgeWarn): SeatBridge {
  async function invoke<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResult<C>> {
    const raw = await ipc.invoke(channel, ...args);
    const reply = ipcReplySchema(invokeChannels[channel].result).safeParse(raw);
    if (!reply.success) {
      warn(`Main answered ${channel} outside the contract.`);
      return failure({
        error: {
          code: 'VALIDATION_FAILED',
          message: `The desktop app answered ${channel} with data of the wrong shape.`,
          details: detailsFromZod(reply.error),
        },
      });
    }
    if (!reply.data.ok) return failure({ error: reply.data.error });
    return reply.data.value as InvokeResult<C>;
  }

  function subscribe<C extends EventChannel>(
    channel: C,
    listener: (payload: EventPayload<C>) => void,
  ): () => void {
    const onEvent = (_event: unknown, payload: unknown) => {
      const parsed = eventChannels[channel].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<C>);
      else warn(`Main sent ${channel} outside the contract; dropped.`);
    };
    ipc.on(channel, onEvent);
    return () => {
      ipc.removeListener(channel, onEvent);
    };
  }

  return {
    getSettings: () => invoke('settings:get'),
    setSettings: (patch) => invoke('settings:set', patch),
    getAppInfo: () => invoke('app:info'),
    showNotification: (request) => invoke('notification:show', request),
    closeNotification: (id) => invoke('notification:close', id),
    setBadgeCount: (count) => invoke('app:setBadgeCount', count),
    onSettingsChanged: (listener) => subscribe('settings:changed', listener),
    onNotificationClicked: (listener) => subscribe('notification:clicked', listener),
  };
}
