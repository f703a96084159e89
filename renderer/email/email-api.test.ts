import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../api/http-client';
import { createEmailApi, fileToBase64 } from './email-api';

function apiWith(respond: (url: string, init: RequestInit) => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(respond(url, init));
  };
  const http = createHttpClient({ baseUrl: 'http://seat.test', getToken: () => 'tok', fetch });
  return {
    api: createEmailApi({ http, serverUrl: 'http://seat.test/', getToken: () => 'tok', fetch }),
    calls,
  };
}

describe('e-mail api', () => {
  it('posts a reply to the message route and returns the stored outbound message', async () => {
    const message = {
      id: 'm2',
      threadId: 't1',
      direction: 'outbound',
      messageId: '<m2@demo>',
      from: { address: 'support@demo.seat.test', name: 'Demo' },
      to: [{ address: 'c@example.com', name: '' }],
      cc: [],
      subject: 'Re: hi',
      date: '2026-03-02T09:00:00.000Z',
      receivedAt: '2026-03-02T09:00:00.000Z',
      preview: 'ok',
      attachmentCount: 0,
      status: 'sent',
      parseProblem: null,
      text: 'ok',
      html: null,
      htmlNotes: { removedActiveContent: false, blockedRemoteImages: 0 },
      inReplyTo: '<m1@example.com>',
      references: ['<m1@example.com>'],
      attachments: [],
      error: null,
    };
    const { api, calls } = apiWith(() => new Response(JSON.stringify({ message }), { status: 201 }));
    await expect(api.reply('m 1', { mode: 'reply', text: 'ok' })).resolves.toMatchObject({ id: 'm2' });
    expect(calls[0]?.url).toBe('http://seat.test/api/email/messages/m%201/reply');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ mode: 'reply', text: 'ok' });
  });

  it('downloads attachment bytes with the session token', async () => {
    const { api, calls } = apiWith(() => new Response('%PDF-1.4', { status: 200 }));
    const blob = await api.download('/api/email/messages/m1/attachments/a1');
    expect(await blob.text()).toBe('%PDF-1.4');
    expect(calls[0]?.url).toBe('http://seat.test/api/email/messages/m1/attachments/a1');
    expect(calls[0]?.init.headers).toEqual({ authorization: 'Bearer tok' });
  });

  it('turns a refused download into the catalogue error the server sent', async () => {
    const { api } = apiWith(
      () =>
        new Response(
          JSON.stringify({ error: { code: 'NOT_FOUND', message: 'There is no such attachment.' } }),
          {
            status: 404,
          },
        ),
    );
    await expect(api.download('/api/email/messages/m1/attachments/zz')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
  });

  it('never downloads from a path outside the e-mail routes', async () => {
    const { api, calls } = apiWith(() => new Response('x'));
    await expect(api.download('https://evil.example/x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    expect(calls).toEqual([]);
  });

  it('encodes files as plain base64 for the reply body, Chinese text included', async () => {
    const file = new Blob([new TextEncoder().encode('附件 attachment')]);
    const encoded = await fileToBase64(file);
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe(
      '附件 attachment',
    );
  });
});
