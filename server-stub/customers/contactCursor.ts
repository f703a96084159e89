import { z } from 'zod';
import { SeatError } from '@contract/errors';
import { contactChannelSchema, type ContactChannel, type ContactEntry } from '@contract/http/contacts';

// The contact history is one list merged from several tables, so a page position cannot be a row
// offset: it is the sort key of the last entry given (start time, channel, id), and each table is
// asked only for what sorts after it. Newest first; ties on time break by channel, then id.

/** Where a page ends: the sort key of its last entry. */
export interface ContactPosition {
  /** Start time in milliseconds since the epoch. */
  at: number;
  channel: ContactChannel;
  id: string;
}

const positionSchema = z
  .object({ at: z.number().int().min(0), channel: contactChannelSchema, id: z.string().min(1).max(128) })
  .strict();

/** The position of an entry. */
export const positionOf = (entry: ContactEntry): ContactPosition => ({
  at: Date.parse(entry.startedAt),
  channel: entry.channel,
  id: entry.id,
});

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders positions newest first (negative when `a` comes before `b`). */
export function compareNewestFirst(a: ContactPosition, b: ContactPosition): number {
  return b.at - a.at || compareText(b.channel, a.channel) || compareText(b.id, a.id);
}

/** The opaque cursor the reply gives for a position. */
export function encodeCursor(position: ContactPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Reads a cursor back; one the server did not make is a VALIDATION_FAILED, never a guess. */
export function decodeCursor(cursor: string): ContactPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const position = positionSchema.safeParse(parsed);
  if (!position.success)
    throw new SeatError('VALIDATION_FAILED', 'The cursor is not one this server gave.', [
      { path: 'cursor', message: 'unknown cursor' },
    ]);
  return position.data;
}

/**
 * The SQL condition (and its arguments) for rows of one channel's table that sort after `position`:
 * `time` is the column holding the start, `toTime` turns milliseconds into that column's form.
 */
export function afterClause(
  position: ContactPosition | null,
  channel: ContactChannel,
  time: string,
  id: string,
  toTime: (ms: number) => unknown,
): { sql: string; args: unknown[] } {
  if (!position) return { sql: '1 = 1', args: [] };
  const at = toTime(position.at);
  if (channel < position.channel) return { sql: `${time} <= ?`, args: [at] };
  if (channel > position.channel) return { sql: `${time} < ?`, args: [at] };
  return { sql: `(${time} < ? OR (${time} = ? AND ${id} < ?))`, args: [at, at, position.id] };
}
