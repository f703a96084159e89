import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from './settings';

/** Facts about the running desktop app. */
export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.enum(['win32', 'darwin', 'linux']),
  locale: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The renderer's name for one of its notifications, to replace, close or recognise a click on it. */
export const notificationIdSchema = z.string().min(1).max(128);

/** A desktop notification the renderer asks for (e.g. an incoming offer). */
export const notificationRequestSchema = z
  .object({
    id: notificationIdSchema,
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
  })
  .strict();
export type NotificationRequest = z.infer<typeof notificationRequestSchema>;

/** How many items wait unseen, shown as the app's badge (dock, taskbar, launcher); 0 clears it. */
export const badgeCountSchema = z.number().int().min(0).max(9999);

/**
 * Every renderer → main call, declared once: its channel name, argument tuple and result.
 * Main validates `args` with these schemas; the renderer parses the result with them.
 */
export const invokeChannels = {
  'settings:get': { args: z.tuple([]), result: settingsSchema },
  'settings:set': { args: z.tuple([settingsPatchSchema]), result: settingsSchema },
  'app:info': { args: z.tuple([]), result: appInfoSchema },
  'notification:show': { args: z.tuple([notificationRequestSchema]), result: z.null() },
  'notification:close': { args: z.tuple([notificationIdSchema]), result: z.null() },
  'app:setBadgeCount': { args: z.tuple([badgeCountSchema]), result: z.null() },
} as const;
export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['result']>;

/** Every main → renderer event, declared once with its payload. */
export const eventChannels = {
  'settings:changed': settingsSchema,
  'notification:clicked': z.object({ id: z.string() }),
} as const;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/**
 * The preload bridge exposed as `window.seat`: one method per operation. A failure rejects with an
 * ErrorBody object (contextBridge keeps only an Error's message); renderer/host makes it a SeatError.
 */
export interface SeatBridge {
  getSettings(): Promise<InvokeResult<'settings:get'>>;
  setSettings(patch: InvokeArgs<'settings:set'>[0]): Promise<InvokeResult<'settings:set'>>;
  getAppInfo(): Promise<InvokeResult<'app:info'>>;
  showNotification(request: InvokeArgs<'notification:show'>[0]): Promise<null>;
  /** Closes the notification of that id if it is still on screen (a call answered, given up or over). */
  closeNotification(id: InvokeArgs<'notification:close'>[0]): Promise<null>;
  /** Shows `count` as the app's badge while the window is in the background; 0 clears it. */
  setBadgeCount(count: InvokeArgs<'app:setBadgeCount'>[0]): Promise<null>;
  /** Subscribes to settings changes; returns the unsubscribe. */
  onSettingsChanged(listener: (settings: EventPayload<'settings:changed'>) => void): () => void;
  /** Subscribes to clicks on notifications this renderer showed; returns the unsubscribe. */
  onNotificationClicked(listener: (event: EventPayload<'notification:clicked'>) => void): () => void;
}
