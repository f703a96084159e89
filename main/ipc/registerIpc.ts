import type { AppInfo, EventChannel, EventPayload } from '@contract/ipc/channels';
import { eventChannels } from '@contract/ipc/channels';
import type { BadgeService } from '../app/badge';
import type { NotificationService } from '../notifications/notificationService';
import type { SettingsService } from '../settings/settingsService';
import type { HandleInvokeOptions, IpcMainLike } from './handleInvoke';
import { handleInvoke } from './handleInvoke';

/** The services the renderer reaches over IPC. */
export interface IpcServices {
  settings: SettingsService;
  notifications: NotificationService;
  badge: BadgeService;
  appInfo(): AppInfo;
}

/** Registers one handler per invoke channel of the contract; returns the disposer removing them all. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  services: IpcServices,
  options: HandleInvokeOptions,
): () => void {
  const disposers = [
    handleInvoke(ipcMain, 'settings:get', () => services.settings.get(), options),
    handleInvoke(ipcMain, 'settings:set', (patch) => services.settings.set(patch), options),
    handleInvoke(ipcMain, 'app:info', () => services.appInfo(), options),
    handleInvoke(ipcMain, 'notification:show', (request) => services.notifications.show(request), options),
    handleInvoke(ipcMain, 'notification:close', (id) => services.notifications.close(id), options),
    handleInvoke(ipcMain, 'app:setBadgeCount', (count) => services.badge.set(count), options),
  ];
  return () => {
    for (const dispose of disposers) dispose();
  };
}

/** The part of webContents events are sent through. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends a main → renderer event after checking its payload against the contract. */
export function sendEvent<C extends EventChannel>(
  sink: EventSink,
  channel: C,
  payload: EventPayload<C>,
): void {
  const valid = eventChannels[channel].parse(payload);
  if (!sink.isDestroyed()) sink.send(channel, valid);
}
