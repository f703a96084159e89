import { SeatError } from '@contract/errors';
import type { NotificationRequest } from '@contract/ipc/channels';
import type { Logger } from '../log';

/** The part of an Electron Notification the service uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

/** Shows desktop notifications for the renderer and reports which one the agent clicked. */
export interface NotificationService {
  show(request: NotificationRequest): null;
  /** Closes the notification of that id if it still shows; an unknown id changes nothing. */
  close(id: string): null;
}

export interface NotificationServiceDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** Brings the seat window to the front. */
  focusWindow(): void;
  /** Tells the renderer which notification was clicked. */
  emitClicked(payload: { id: string }): void;
  log: Logger;
  /** How many notifications may be on screen at once; the oldest closes first. */
  limit?: number;
}

/**
 * Electron drops a notification's click handler when the object is garbage-collected, so the
 * service holds every shown notification until it is clicked or closed. A new notification with
 * the id of one still showing replaces it (the same offer is not announced twice).
 */
export function createNotificationService(deps: NotificationServiceDeps): NotificationService {
  const showing = new Map<string, NotificationLike>();
  const limit = deps.limit ?? 20;
  return {
    show(request) {
      if (!deps.isSupported())
        throw new SeatError('UNAVAILABLE', 'Desktop notifications are not supported here.');
      showing.get(request.id)?.close();
      showing.delete(request.id);
      const notification = deps.create({ title: request.title, body: request.body });
      notification.on('click', () => {
        deps.focusWindow();
        deps.emitClicked({ id: request.id });
        if (showing.get(request.id) === notification) showing.delete(request.id);
      });
      notification.on('close', () => {
        if (showing.get(request.id) === notification) showing.delete(request.id);
      });
      showing.set(request.id, notification);
      while (showing.size > limit) {
        const [oldestId, oldest] = showing.entries().next().value as [string, NotificationLike];
        showing.delete(oldestId);
        oldest.close();
      }
      notification.show();
      return null;
    },
    close(id) {
      const notification = showing.get(id);
      showing.delete(id);
      notification?.close();
      return null;
    },
  };
}
