import { z } from 'zod';
import { errorBodySchema } from '../errors';

/**
 * What main sends back for every invoke: the value, or the catalogue error. Electron turns a thrown
 * error into a bare message string, so the code would be lost; an envelope keeps it.
 */
export function ipcReplySchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorBodySchema.shape.error }),
  ]);
}
export type IpcReply<T> =
  { ok: true; value: T } | { ok: false; error: z.infer<typeof errorBodySchema>['error'] };
