// Small fakes of the Electron objects main's services use, shared by their tests.
import { vi } from 'vitest';
import type { IpcInvokeEventLike, IpcMainLike } from '../ipc/handleInvoke';
import type { Logger } from '../log';

/** A logger that records entries so tests can check what was reported. */
export function recordingLogger(): Logger & {
  entries: { level: string; message: string; fields?: Record<string, unknown> }[];
} {
  const entries: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void entries.push({ level, message, fields });
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** An ipcMain that keeps its handlers so a test can invoke them as a renderer frame would. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: vi.fn((channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const invoke = (channel: string, senderUrl: string | null, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args);
  };
  return { ipcMain, handlers, invoke };
}
