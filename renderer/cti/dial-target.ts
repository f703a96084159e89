import { z } from 'zod';
import { parseOrThrow } from '@contract/errors';

// Where the agent dials, transfers or consults: a queue (by its address slug), another agent (by
// user name) or a telephone number. Typed by the agent, so validated before it becomes a SIP URI.

/** A dial, transfer or consultation target. */
export const dialTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), value: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) }).strict(),
  z.object({ kind: z.literal('agent'), value: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) }).strict(),
  z
    .object({
      kind: z.literal('number'),
      value: z
        .string()
        .transform((v) => v.replace(/[\s().-]/g, ''))
        .pipe(z.string().regex(/^\+?[0-9*#]{1,24}$/)),
    })
    .strict(),
]);
export type DialTarget = z.input<typeof dialTargetSchema>;

/** The SIP URI of a target in the account's domain; throws VALIDATION_FAILED for bad input. */
export function targetUri(target: DialTarget, domain: string): string {
  const valid = parseOrThrow(dialTargetSchema, target);
  return `sip:${valid.value}@${domain}`;
}
