import { detailsFromZod, SeatError } from '@contract/errors';
import { clientMessageSchema, type ClientMessage } from '@contract/ws';

/** A frame the seat sent, either understood or refused with the error and request id to answer. */
export type ParsedFrame =
  { ok: true; message: ClientMessage } | { ok: false; id: string | null; error: SeatError };

const knownTypes = new Set(clientMessageSchema.options.map((option) => option.shape.type.value));

/** Reads one text frame: malformed JSON, unknown type and bad fields each get their own code. */
export function parseClientFrame(text: string | null): ParsedFrame {
  if (text === null)
    return {
      ok: false,
      id: null,
      error: new SeatError('BAD_JSON', 'Send frames as text holding one JSON object.'),
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      id: null,
      error: new SeatError('BAD_JSON', `The frame is not valid JSON (${(error as Error).message}).`),
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      id: null,
      error: new SeatError('VALIDATION_FAILED', 'A frame is one JSON object with a "type".'),
    };
  }
  const record = data as Record<string, unknown>;
  const id = typeof record['id'] === 'string' && record['id'].length <= 64 ? record['id'] : null;
  if (typeof record['type'] !== 'string' || !knownTypes.has(record['type'] as ClientMessage['type'])) {
    return {
      ok: false,
      id,
      error: new SeatError(
        'UNKNOWN_MESSAGE',
        `Unknown frame type; expected one of: ${[...knownTypes].join(', ')}.`,
      ),
    };
  }
  const parsed = clientMessageSchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      id,
      error: new SeatError('VALIDATION_FAILED', undefined, detailsFromZod(parsed.error)),
    };
  return { ok: true, message: parsed.data };
}
