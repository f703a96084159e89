import {
  emailMessageSchema,
  emailReplyResponseSchema,
  emailThreadSchema,
  type EmailMessage,
  type EmailReplyRequest,
  type EmailThread,
} from '@contract/email';
import { errorBodySchema } from '@contract/errors';
import { ApiError } from '../api/api-error';
import type { FetchLike, HttpClient } from '../api/http-client';

/** The e-mail routes the pane uses: thread, message, reply/forward, and attachment bytes. */
export interface EmailApi {
  threadOfInteraction(interactionId: string): Promise<EmailThread>;
  message(messageId: string): Promise<EmailMessage>;
  /** Reply, reply to all or forward `messageId`; resolves with the stored outbound message. */
  reply(messageId: string, request: EmailReplyRequest): Promise<EmailMessage>;
  /** The bytes of an attachment, or of an inline image by its path under /api/email/messages/. */
  download(path: string): Promise<Blob>;
}

/** Where binary downloads go: the JSON client covers everything else. */
export interface EmailApiDeps {
  http: HttpClient;
  serverUrl: string;
  getToken: () => string | null;
  fetch: FetchLike;
}

/** The path of one attachment's download. */
export const attachmentPath = (messageId: string, attachmentId: string) =>
  `/api/email/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`;

const id = (value: string) => encodeURIComponent(value);

/** Builds the API over the seat's HTTP client and, for bytes, fetch with the session token. */
export function createEmailApi(deps: EmailApiDeps): EmailApi {
  const base = deps.serverUrl.replace(/\/+$/, '');
  return {
    threadOfInteraction: (interactionId) =>
      deps.http.request({
        method: 'GET',
        path: `/api/email/interactions/${id(interactionId)}/thread`,
        schema: emailThreadSchema,
      }),
    message: (messageId) =>
      deps.http.request({
        method: 'GET',
        path: `/api/email/messages/${id(messageId)}`,
        schema: emailMessageSchema,
      }),
    reply: async (messageId, request) =>
      (
        await deps.http.request({
          method: 'POST',
          path: `/api/email/messages/${id(messageId)}/reply`,
          body: request,
          schema: emailReplyResponseSchema,
        })
      ).message,
    async download(path) {
      if (!path.startsWith('/api/email/messages/'))
        throw new ApiError('BAD_RESPONSE', `Refusing to download from ${path.slice(0, 80)}.`);
      const token = deps.getToken();
      let response: Response;
      try {
        response = await deps.fetch(`${base}${path}`, {
          method: 'GET',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      } catch (cause) {
        throw new ApiError(
          'NETWORK',
          cause instanceof Error ? cause.message : 'The server cannot be reached.',
        );
      }
      if (!response.ok) {
        const body = errorBodySchema.safeParse(await response.json().catch(() => null));
        if (body.success) {
          const { code, message, details } = body.data.error;
          throw new ApiError(code, message, response.status, details);
        }
        throw new ApiError('BAD_RESPONSE', `The server answered ${response.status}.`, response.status);
      }
      return response.blob();
    },
  };
}

/** Reads a File as base64 (no data: prefix) for the reply's attachments. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + chunk, bytes.length)));
  return btoa(binary);
}
