import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartChatResponse, WebchatServerFrame } from '@contract/webchat';
import type { ServerMessage } from '@contract/ws';
import { startTestServer } from '../../testing/testServer';
import { openFrameClient, type FrameClient } from './testClients';
import { isEmailContact, transcriptText } from './transcriptMail';

// The transcript e-mail at the end of a chat, sent by the real server through the e-mail channel's
// sender to a real SMTP sink on loopback.

interface Sunk {
  to: string[];
  raw: Buffer;
}

async function startSink(): Promise<{ port: number; mail: Sunk[]; close: () => Promise<void> }> {
  const mail: Sunk[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mail.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const { port } = sink.server.address() as { port: number };
  return { port, mail, close: () => new Promise((resolve) => sink.close(() => resolve())) };
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('transcript text', () => {
  it('lists every message with its writer and names attachments', () => {
    const text = transcriptText(
      {
        id: 'chat-1',
        name: 'Mia',
      } as Parameters<typeof transcriptText>[0],
      [
        {
          seq: 1,
          author: 'customer',
          agentId: null,
          authorName: 'Mia',
          text: 'Hello',
          attachment: { id: 'a', filename: 'bill.pdf', contentType: 'application/pdf', size: 10 },
          clientId: 'c',
          sentAt: '2026-03-02T09:00:00.000Z',
        },
        {
          seq: 2,
          author: 'agent',
          agentId: 'x',
          authorName: 'Ava',
          text: 'Hi',
          attachment: null,
          clientId: null,
          sentAt: '2026-03-02T09:00:05.000Z',
        },
      ],
    );
    expect(text).toContain('[2026-03-02 09:00:00 UTC] Mia: Hello [file: bill.pdf, 10 bytes]');
    expect(text).toContain('[2026-03-02 09:00:05 UTC] Ava: Hi');
    expect(text).toContain('reference chat-1');
  });

  it('sends only to e-mail contacts', () => {
    expect(isEmailContact('mia@example.com')).toBe(true);
    expect(isEmailContact('+86 138 0000 0000')).toBe(false);
    expect(isEmailContact('a@b.c\r\nBcc: x@y.z')).toBe(false);
  });
});

describe('transcript e-mail through the real server', { timeout: 30_000 }, () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;
  const open: Array<FrameClient<{ type: string }>> = [];
  beforeEach(async () => {
    sink = await startSink();
    t = await startTestServer({
      port: 0,
      host: '127.0.0.1',
      email: { defaultRelay: { host: '127.0.0.1', port: sink.port } },
    });
    base = (await t.server.listen()).url;
  });
  afterEach(async () => {
    for (const client of open.splice(0)) await client.close();
    await t.dispose();
    await sink.close();
  });

  it('mails the whole transcript to the customer when they end the chat asking for it', async () => {
    const tenant = 'tenant-demo';
    const agentId = 'demo-agent-agent01';
    await t.server.routing.service.setAgentState(tenant, agentId, 'ready', null, agentId);
    const token = await t.login('agent01');
    const seat = await openFrameClient<ServerMessage>(`${base.replace(/^http/, 'ws')}/ws?token=${token}`);
    open.push(seat);
    const started = await fetch(`${base}/webchat/chats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: 'demo',
        name: 'Mia',
        contact: 'mia@example.com',
        topic: 'demo-queue-general',
      }),
    });
    const chat = (await started.json()) as StartChatResponse;
    const page = await openFrameClient<WebchatServerFrame>(
      `${base.replace(/^http/, 'ws')}/webchat/ws?chatId=${chat.chatId}&key=${chat.chatKey}`,
    );
    open.push(page);
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await seat.waitFor('join', (f) => f.type === 'chat.join');
    seat.send({ type: 'chat.accept', id: 'a', interactionId: chat.interactionId, token: assigned.token });
    await page.waitFor('active', (f) => f.type === 'active');
    page.send({ type: 'message', clientId: 'c1', text: '我的账单有问题 (my bill)' });
    await seat.waitFor('message', (f) => f.type === 'chat.message' && f.message.author === 'customer');
    seat.send({
      type: 'chat.send',
      id: 's',
      interactionId: chat.interactionId,
      clientId: 'r1',
      text: 'Fixed it for you.',
    });
    await page.waitFor('reply', (f) => f.type === 'message' && f.message.author === 'agent');
    page.send({ type: 'end', emailTranscript: true });
    const ended = await page.waitFor('ended', (f) => f.type === 'ended');
    expect(ended).toMatchObject({ transcriptEmailed: true });

    const mail = await until('the transcript mail', () =>
      sink.mail.find((m) => m.to.includes('mia@example.com')),
    );
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toContain(chat.chatId);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toContain('Mia: 我的账单有问题 (my bill)');
    expect(parsed.text).toContain('Fixed it for you.');
    await until('sent status', () =>
      t.server.webchat.chats.mails(chat.chatId).find((m) => m.status === 'sent') ? true : undefined,
    );
  });
});
