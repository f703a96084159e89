import { agentRosterResponseSchema } from '@contract/http/agents';
import type { RosterEntry } from '@contract/http/agents';
import { queueListResponseSchema } from '@contract/http/queues';
import type { QueueSummary } from '@contract/http/queues';
import { maxChatAttachmentBytes, uploadChatAttachmentResponseSchema } from '@contract/webchat';
import type { ChatAttachment } from '@contract/webchat';
import { ApiError } from '../api/api-error';
import type { FetchLike, HttpClient } from '../api/http-client';

/** The chat pane's HTTP calls: attachments up and down, and where a chat can be transferred. */
export interface ChatApi {
  upload(chatId: string, file: File): Promise<ChatAttachment>;
  /** The attachment's bytes (sent with the session token, so a plain link would not do). */
  download(chatId: string, attachment: ChatAttachment): Promise<Blob>;
  queues(): Promise<QueueSummary[]>;
  colleagues(): Promise<RosterEntry[]>;
}

/** What the chat API is built from in the composition root. */
export interface ChatApiOptions {
  http: HttpClient;
  serverUrl: string;
  fetch: FetchLike;
  getToken: () => string | null;
}

/** Base64 of a file's bytes, in chunks so a large file does not overflow the argument list. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Creates the chat API over the seat's HTTP client and, for downloads, fetch with the session token. */
export function createChatApi(options: ChatApiOptions): ChatApi {
  const base = options.serverUrl.replace(/\/+$/, '');
  return {
    async upload(chatId, file) {
      // Checked here too so the agent hears at once, before a 5 MB upload is refused by the server.
      if (file.size > maxChatAttachmentBytes)
        throw new ApiError('ATTACHMENT_TOO_LARGE', 'The file is larger than chats allow.');
      const reply = await options.http.request({
        method: 'POST',
        path: `/api/chats/${encodeURIComponent(chatId)}/attachments`,
        body: {
          filename: file.name.replace(/[\r\n\\/\0]/g, '_').slice(0, 200) || 'file',
          contentType: file.type || 'application/octet-stream',
          contentBase64: await fileToBase64(file),
        },
        schema: uploadChatAttachmentResponseSchema,
      });
      return reply.attachment;
    },
    async download(chatId, attachment) {
      const token = options.getToken();
      const url = `${base}/api/chats/${encodeURIComponent(chatId)}/attachments/${encodeURIComponent(attachment.id)}`;
      let response: Response;
      try {
        response = await options.fetch(url, {
          method: 'GET',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      } catch (cause) {
        throw new ApiError(
          'NETWORK',
          cause instanceof Error ? cause.message : 'The server cannot be reached.',
        );
      }
      if (!response.ok)
        throw new ApiError(
          response.status === 404 ? 'NOT_FOUND' : 'BAD_RESPONSE',
          `The attachment could not be downloaded (${response.status}).`,
          response.status,
        );
      return response.blob();
    },
    queues: async () =>
      (await options.http.request({ method: 'GET', path: '/api/queues', schema: queueListResponseSchema }))
        .queues,
    colleagues: async () =>
      (
        await options.http.request({
          method: 'GET',
          path: '/api/agents/roster',
          schema: agentRosterResponseSchema,
        })
      ).agents,
  };
}
