import { detailsFromZod, SeatError } from '@contract/errors';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '@contract/ipc/channels';
import { invokeChannels } from '@contract/ipc/channels';
import type { IpcReply } from '@contract/ipc/reply';
import type { Logger } from '../log';

/** The part of an invoke event the helper reads: which frame sent it. */
export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the helper uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** How the helper decides whom to answer and where it reports problems. */
export interface HandleInvokeOptions {
  /** True for a sender frame URL that belongs to our own pages. */
  isTrustedSender: (url: string) => boolean;
  log: Logger;
}

/** A handler for one channel: the validated argument tuple in, the channel's result out. */
export type InvokeHandler<C extends InvokeChannel> = (
  ...args: InvokeArgs<C>
) => Promise<InvokeResult<C>> | InvokeResult<C>;

function failure(error: SeatError): IpcReply<never> {
  return { ok: false, error: error.toBody().error };
}

/**
 * Registers the handler of one channel; every IPC handler goes through here. In order: the sender
 * frame must be one of our pages, the arguments must match the channel's tuple schema (else the
 * handler is not called), and the result must match the result schema. The reply is an envelope
 * carrying the value or a catalogue error; an unexpected error is logged here and answered as
 * INTERNAL without its message or stack. Returns the disposer that removes the handler.
 */
export function handleInvoke<C extends InvokeChannel>(
  ipcMain: IpcMainLike,
  channel: C,
  handler: InvokeHandler<C>,
  options: HandleInvokeOptions,
): () => void {
  const schemas = invokeChannels[channel];
  ipcMain.handle(channel, async (event, ...rawArgs): Promise<IpcReply<InvokeResult<C>>> => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!options.isTrustedSender(senderUrl)) {
      options.log.warn('IPC call from an untrusted sender refused', { channel, senderUrl });
      return failure(new SeatError('IPC_SENDER_REJECTED'));
    }
    const args = schemas.args.safeParse(rawArgs);
    if (!args.success)
      return failure(new SeatError('VALIDATION_FAILED', undefined, detailsFromZod(args.error)));
    try {
      const value = await handler(...(args.data as InvokeArgs<C>));
      const result = schemas.result.safeParse(value);
      if (!result.success) {
        options.log.error('IPC handler returned a value outside its contract', {
          channel,
          issues: detailsFromZod(result.error),
        });
        return failure(new SeatError('INTERNAL'));
      }
      return { ok: true, value: result.data as InvokeResult<C> };
    } catch (error) {
      if (error instanceof SeatError) return failure(error);
      options.log.error('IPC handler failed', {
        channel,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return failure(new SeatError('INTERNAL'));
    }
  });
  return () => ipcMain.removeHandler(channel);
}
