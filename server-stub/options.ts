import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Writable } from 'node:stream';
import { emailOptionsSchema } from './channels/email/emailOptions';
import { webchatOptionsSchema } from './channels/webchat/webchatOptions';

const fn = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'function', { message: `${what} must be a function` });

/** Options of createSeatServer; checked at construction so a bad one fails before anything opens. */
export const seatServerOptionsSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(7420),
    /** Folder for the SQLite file; created if missing. */
    dataDir: z.string().min(1),
    /** Built renderer served at `/`. */
    webRoot: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL('../dist/renderer', import.meta.url))),
    /** Built customer page (call and chat widget) served at `/widget/`. */
    widgetRoot: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL('../dist/widget', import.meta.url))),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where logs go (tests capture them); stdout when absent. */
    logStream: z
      .custom<Writable>(
        (v) => typeof v === 'object' && v !== null && typeof (v as Writable).write === 'function',
      )
      .optional(),
    sessionTtlMs: z
      .number()
      .int()
      .positive()
      .default(12 * 60 * 60 * 1000),
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024),
    heartbeatMs: z.number().int().min(10).default(30_000),
    closeGraceMs: z.number().int().min(0).default(2_000),
    loginRateLimit: z
      .object({ maxFailures: z.number().int().positive(), windowMs: z.number().int().positive() })
      .default({ maxFailures: 5, windowMs: 15 * 60 * 1000 }),
    /** scrypt cost for passwords hashed by this server (the demo seed); stored with each hash. */
    scrypt: z
      .object({ N: z.number().int().min(2), r: z.number().int().positive(), p: z.number().int().positive() })
      .default({ N: 16384, r: 8, p: 1 }),
    seedDemo: z.boolean().default(true),
    /**
     * SQLite synchronous mode for the routing log: 'process' (NORMAL) survives kill -9 and crashes of
     * the server; 'power' (FULL) also survives power loss, at one fsync per event. Absent: the store's FULL.
     */
    durability: z.enum(['process', 'power']).optional(),
    /** Wallboards get at most one update per tenant per this many ms. */
    wallboardIntervalMs: z.number().int().min(50).max(60_000).default(1000),
    /** The e-mail channel: SMTP receiver (off unless a port is given), size limits, default relay. */
    email: emailOptionsSchema.prefault({}),
    /** Web chat limits (message rate, new chats per address, queue-figure interval). */
    webchat: webchatOptionsSchema.prefault({}),
    /** Interval of WebSocket pings on /sip; a socket that misses one is closed and its bindings dropped. */
    sipHeartbeatMs: z.number().int().min(50).max(300_000).default(30_000),
    /** Outbound SIP trunk: a SIP-over-WebSocket gateway for numbers agents dial (absent: numbers get 404). */
    sipTrunk: z
      .object({
        url: z.string().regex(/^wss?:\/\/[^\s/]+/, 'must be a ws:// or wss:// URL'),
        domain: z.string().regex(/^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$/, 'must be a host name'),
      })
      .strict()
      .optional(),
    now: fn<() => number>('now').default(() => () => Date.now()),
    generateId: fn<() => string>('generateId').default(() => () => randomUUID()),
    generateToken: fn<() => string>('generateToken').default(
      () => () => randomBytes(32).toString('base64url'),
    ),
  })
  .strict();

/** Options as callers write them. */
export type SeatServerOptions = z.input<typeof seatServerOptionsSchema>;
/** Options with every default filled in. */
export type ResolvedSeatServerOptions = z.output<typeof seatServerOptionsSchema>;
