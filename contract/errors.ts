import { z } from 'zod';

/** One catalogue of every error the server, the seat's IPC and the WebSocket can answer with. */
export const errorCatalogue = {
  BAD_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  VALIDATION_FAILED: { status: 400, message: 'The request does not have the expected shape.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body must be application/json.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than allowed.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first: this call needs a session token.' },
  TOKEN_INVALID: { status: 401, message: 'The session token is not valid.' },
  TOKEN_EXPIRED: { status: 401, message: 'The session has expired; sign in again.' },
  BAD_CREDENTIALS: { status: 401, message: 'The user name or password is wrong.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  NOT_FOUND: { status: 404, message: 'There is no such resource.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down.' },
  UNKNOWN_MESSAGE: { status: 400, message: 'The message type is unknown.' },
  UPGRADE_REQUIRED: { status: 426, message: 'This endpoint speaks WebSocket only; open it with an upgrade.' },
  IPC_SENDER_REJECTED: { status: 403, message: 'The IPC call came from a page that is not ours.' },
  UNKNOWN_QUEUE: { status: 404, message: 'There is no such queue.' },
  UNKNOWN_AGENT: { status: 404, message: 'There is no such agent.' },
  UNKNOWN_SKILL: { status: 400, message: 'The skill is not defined.' },
  UNKNOWN_INTERACTION: { status: 404, message: 'There is no such interaction.' },
  UNKNOWN_REASON: { status: 400, message: 'The not-ready reason code is not configured.' },
  UNKNOWN_DISPOSITION: { status: 400, message: 'The disposition code is not allowed for this queue.' },
  INVALID_TRANSITION: { status: 409, message: 'This change is not allowed from the current state.' },
  OFFER_EXPIRED: { status: 409, message: 'The offer is no longer valid.' },
  ANSWER_ON_PHONE: {
    status: 409,
    message: 'Answer calls on the phone: a voice offer is taken by answering the ringing call.',
  },
  AGENT_UNAVAILABLE: { status: 409, message: 'The agent cannot take this work now.' },
  DUPLICATE: { status: 409, message: 'This was already created.' },
  INVALID_CONFIG: { status: 400, message: 'The configuration is not valid.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  UNAVAILABLE: { status: 503, message: 'The service is not available right now.' },
  CHAT_TOKEN_INVALID: { status: 403, message: 'The chat join token is not the one issued for this chat.' },
  CHAT_TOKEN_USED: { status: 409, message: 'The chat join token was already used.' },
  CHAT_TOKEN_EXPIRED: { status: 410, message: 'The chat join token has expired.' },
  CHAT_ENDED: { status: 409, message: 'This chat has ended.' },
  MESSAGE_TOO_LONG: { status: 413, message: 'The message is longer than allowed.' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, message: 'This kind of file cannot be sent.' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: 'The file is larger than allowed.' },
} as const satisfies Record<string, { status: number; message: string }>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

/** One problem found while validating input: where it is and what is wrong. */
export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The body of every error reply, over HTTP, WebSocket and IPC alike. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An error that carries a catalogue code; thrown by handlers and turned into an ErrorBody at the edge. */
export class SeatError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'SeatError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

/** Turns zod issues into the details of a VALIDATION_FAILED error. */
export function detailsFromZod(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses input with a schema, throwing VALIDATION_FAILED with every problem found. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new SeatError('VALIDATION_FAILED', undefined, detailsFromZod(result.error));
  return result.data;
}
