import { afterEach, describe, expect, it } from 'vitest';
import type { StartChatResponse, WebchatServerFrame } from '@contract/webchat';
import type { ServerMessage } from '@contract/ws';
import type { WebchatOptions } from './webchatOptions';
import { startTestServer } from '../../testing/testServer';
import { openFrameClient, type FrameClient } from './testClients';

// The web chat's limits against a real listening server: customer typing signals, join attempts and
// attachment uploads (per chat, per client address, and a per-chat storage quota), and the agent's
// message and typing rates. Each refusal is a clear catalogue error and stores or relays nothing. The test
// server's clock stands still, so buckets refill only when a test moves it.

const tenant = 'tenant-demo';
const queueId = 'demo-queue-general';
const agent1 = 'demo-agent-agent01';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

type Customer = FrameClient<WebchatServerFrame>;
type Seat = FrameClient<ServerMessage>;

let t: Awaited<ReturnType<typeof startTestServer>> | null = null;
let base = '';
const open: Array<FrameClient<{ type: string }>> = [];

afterEach(async () => {
  for (const client of open.splice(0)) await client.close();
  await t?.dispose();
  t = null;
});

async function boot(webchat: WebchatOptions = {}) {
  t = await startTestServer({ port: 0, host: '127.0.0.1', webchat });
  base = (await t.server.listen()).url;
  return t;
}

const ws = (path: string) => `${base.replace(/^http/, 'ws')}${path}`;

async function seat(username: string): Promise<Seat> {
  const token = await t!.login(username);
  const client = await openFrameClient<ServerMessage>(ws(`/ws?token=${token}`));
  open.push(client);
  await client.waitFor('hello', (f) => f.type === 'hello');
  return client;
}

async function startChat(): Promise<StartChatResponse> {
  const reply = await fetch(`${base}/webchat/chats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenantId: tenant,
      name: 'Mia Visitor',
      contact: 'mia@example.com',
      topic: queueId,
    }),
  });
  expect(reply.status).toBe(201);
  return (await reply.json()) as StartChatResponse;
}

async function customer(chat: StartChatResponse): Promise<Customer> {
  const client = await openFrameClient<WebchatServerFrame>(
    ws(`/webchat/ws?chatId=${chat.chatId}&key=${chat.chatKey}`),
  );
  open.push(client);
  await client.waitFor('welcome', (f) => f.type === 'welcome');
  return client;
}

const upload = (chat: StartChatResponse, name = 'screen.png') =>
  fetch(`${base}/webchat/chats/${chat.chatId}/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-chat-key': chat.chatKey },
    body: JSON.stringify({ filename: name, contentType: 'image/png', contentBase64: png.toString('base64') }),
  });

const codeOf = async (reply: Response) => ((await reply.json()) as { error: { code: string } }).error.code;

/** Waits until `count` frames from `mark` on match, and returns them. */
async function answers<F extends { type: string }>(
  client: FrameClient<F>,
  mark: number,
  count: number,
  match: (f: F) => boolean,
) {
  await client.waitFor(`${count} answers`, () => client.frames.slice(mark).filter(match).length >= count);
  return client.frames.slice(mark).filter(match);
}

/** A chat served by agent01, with its page and seat. */
async function acceptedChat() {
  await t!.server.routing.service.setAgentState(tenant, agent1, 'ready', null, agent1);
  const agent = await seat('agent01');
  const chat = await startChat();
  const page = await customer(chat);
  const assigned = await page.waitFor(
    'assigned',
    (f): f is Extract<WebchatServerFrame, { type: 'assigned' }> => f.type === 'assigned',
  );
  page.send({ type: 'join', token: assigned.token });
  await agent.waitFor('join', (f) => f.type === 'chat.join');
  agent.send({ type: 'chat.accept', id: 'acc', interactionId: chat.interactionId, token: assigned.token });
  await page.waitFor('active', (f) => f.type === 'active');
  return { agent, chat, page };
}

describe('web chat limits through the real server', { timeout: 30_000 }, () => {
  it('refuses customer typing signals beyond the burst and relays none of them to the seat', async () => {
    await boot({ typingBurst: 3, typingPerSecond: 1 });
    const { agent, page } = await acceptedChat();
    const mark = page.frames.length;
    const seatMark = agent.frames.length;
    for (let i = 0; i < 5; i++) page.send({ type: 'typing', active: i % 2 === 0 });
    // A message after the signals reaches the seat on the same socket after whatever typing got through.
    page.send({ type: 'message', clientId: 'after', text: 'done typing' });
    await page.waitFor('stored', (f) => f.type === 'stored', mark);
    const refusals = page.frames.slice(mark).filter((f) => f.type === 'error');
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(refusals[0]).not.toHaveProperty('clientId');
    const relayed = await agent.waitFor('the message', (f) => f.type === 'chat.message', seatMark);
    const between = agent.frames.slice(seatMark, agent.frames.indexOf(relayed));
    expect(between.filter((f) => f.type === 'chat.typing')).toHaveLength(3);
    const typingAfter = agent.frames.length;

    t!.clock.now += 1_000;
    page.send({ type: 'typing', active: false });
    await agent.waitFor('typing after the refill', (f) => f.type === 'chat.typing', typingAfter);
  });

  it('confirms a resend of a stored message even when the chat is over its message limit', async () => {
    await boot({ customerBurst: 2, customerPerSecond: 1 });
    const { page } = await acceptedChat();
    const mark = page.frames.length;
    for (const clientId of ['one', 'two', 'three']) page.send({ type: 'message', clientId, text: clientId });
    const answered = await answers(page, mark, 3, (f) => f.type === 'stored' || f.type === 'error');
    expect(answered.map((f) => (f.type === 'error' ? `refused ${f.clientId}` : f.type))).toEqual([
      'stored',
      'stored',
      'refused three',
    ]);
    const again = page.frames.length;
    page.send({ type: 'message', clientId: 'one', text: 'one' });
    const resent = await page.waitFor(
      'resend answer',
      (f) => f.type === 'stored' || f.type === 'error',
      again,
    );
    expect(resent).toMatchObject({ type: 'stored', clientId: 'one' });
  });

  it('slows down join attempts of a chat, so forged tokens cannot flood the seat with alerts', async () => {
    await boot({ joinBurst: 2, joinPerSecond: 0.2 });
    await t!.server.routing.service.setAgentState(tenant, agent1, 'ready', null, agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    const page = await customer(chat);
    const assigned = await page.waitFor(
      'assigned',
      (f): f is Extract<WebchatServerFrame, { type: 'assigned' }> => f.type === 'assigned',
    );
    const mark = page.frames.length;
    for (let i = 0; i < 4; i++) page.send({ type: 'join', token: `forged${i}` });
    const refusals = await answers(page, mark, 4, (f) => f.type === 'error');
    expect(refusals.map((f) => (f.type === 'error' ? f.error.code : null))).toEqual([
      'CHAT_TOKEN_INVALID',
      'CHAT_TOKEN_INVALID',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    page.send({ type: 'ping' });
    await page.waitFor('pong', (f) => f.type === 'pong', mark);
    expect(agent.frames.filter((f) => f.type === 'chat.joinRefused')).toHaveLength(2);

    // The real token is still good once the bucket refills.
    t!.clock.now += 5_000;
    page.send({ type: 'join', token: assigned.token });
    await agent.waitFor('the real join', (f) => f.type === 'chat.join');
  });

  it('limits uploads per chat, stores nothing refused, and takes files again after the refill', async () => {
    await boot({ uploadBurst: 2, uploadPerSecond: 0.1 });
    const chat = await startChat();
    expect((await upload(chat)).status).toBe(201);
    expect((await upload(chat)).status).toBe(201);
    const third = await upload(chat);
    expect(third.status).toBe(429);
    expect(await codeOf(third)).toBe('RATE_LIMITED');
    expect(t!.server.webchat.chats.attachmentUsage(chat.chatId).count).toBe(2);
    // Another chat has its own bucket.
    expect((await upload(await startChat())).status).toBe(201);
    t!.clock.now += 10_000;
    expect((await upload(chat)).status).toBe(201);
  });

  it('limits uploads per client address across its chats', async () => {
    await boot({ uploadsPerMinute: 2 });
    const first = await startChat();
    const second = await startChat();
    expect((await upload(first)).status).toBe(201);
    expect((await upload(second)).status).toBe(201);
    const third = await upload(second);
    expect(third.status).toBe(429);
    expect(await codeOf(third)).toBe('RATE_LIMITED');
    expect(t!.server.webchat.chats.attachmentUsage(second.chatId).count).toBe(1);
  });

  it("refuses a file beyond the chat's storage quota with a clear conflict, storing nothing", async () => {
    await boot({ maxAttachmentsPerChat: 2, uploadBurst: 10 });
    const chat = await startChat();
    expect((await upload(chat)).status).toBe(201);
    expect((await upload(chat)).status).toBe(201);
    const over = await upload(chat);
    expect(over.status).toBe(409);
    const body = (await over.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toMatch(/already holds 2 files/);
    expect(t!.server.webchat.chats.attachmentUsage(chat.chatId)).toEqual({ count: 2, bytes: 2 * png.length });
  });

  it("refuses the agent's messages beyond the agent burst with RATE_LIMITED naming the frame, relaying none of them", async () => {
    await boot({ agentBurst: 3, agentPerSecond: 1 });
    const { agent, chat, page } = await acceptedChat();
    const mark = agent.frames.length;
    for (let i = 0; i < 5; i++)
      agent.send({
        type: 'chat.send',
        id: `s${i}`,
        interactionId: chat.interactionId,
        clientId: `a${i}`,
        text: `reply ${i}`,
      });
    const replies = await answers(
      agent,
      mark,
      5,
      (f) => (f.type === 'ack' || f.type === 'error') && /^s\d$/.test(f.id ?? ''),
    );
    const refused = replies.filter((f) => f.type === 'error');
    expect(refused.map((f) => (f.type === 'error' ? [f.id, f.error.code] : null))).toEqual([
      ['s3', 'RATE_LIMITED'],
      ['s4', 'RATE_LIMITED'],
    ]);
    const stored = t!.server.webchat.chats.messages(chat.chatId).filter((m) => m.author === 'agent');
    expect(stored.map((m) => m.text)).toEqual(['reply 0', 'reply 1', 'reply 2']);
    await page.waitFor('third reply', (f) => f.type === 'message' && f.message.text === 'reply 2');
    expect(page.frames.some((f) => f.type === 'message' && f.message.text === 'reply 3')).toBe(false);
  });

  it("refuses the agent's typing signals beyond the burst with RATE_LIMITED, relaying none of them to the page", async () => {
    await boot({ agentTypingBurst: 3, agentTypingPerSecond: 1 });
    const { agent, chat, page } = await acceptedChat();
    const mark = agent.frames.length;
    const pageMark = page.frames.length;
    for (let i = 0; i < 5; i++)
      agent.send({
        type: 'chat.typing',
        id: `t${i}`,
        interactionId: chat.interactionId,
        active: i % 2 === 0,
      });
    const replies = await answers(
      agent,
      mark,
      5,
      (f) => (f.type === 'ack' || f.type === 'error') && /^t\d$/.test(f.id ?? ''),
    );
    expect(
      replies.map((f) =>
        f.type === 'error' ? [f.id, f.error.code] : f.type === 'ack' ? [f.id, 'ack'] : f.type,
      ),
    ).toEqual([
      ['t0', 'ack'],
      ['t1', 'ack'],
      ['t2', 'ack'],
      ['t3', 'RATE_LIMITED'],
      ['t4', 'RATE_LIMITED'],
    ]);
    // A message after the signals reaches the page on the same socket after whatever typing got through.
    agent.send({
      type: 'chat.send',
      id: 's',
      interactionId: chat.interactionId,
      clientId: 'a',
      text: 'done',
    });
    const relayed = await page.waitFor('the reply', (f) => f.type === 'message', pageMark);
    const between = page.frames.slice(pageMark, page.frames.indexOf(relayed));
    expect(between.filter((f) => f.type === 'typing')).toHaveLength(3);
    // The customer's own typing bucket is apart: the page may still type.
    const seatMark = agent.frames.length;
    page.send({ type: 'typing', active: true });
    await agent.waitFor('customer typing', (f) => f.type === 'chat.typing', seatMark);

    const typingAfter = page.frames.length;
    t!.clock.now += 1_000;
    agent.send({ type: 'chat.typing', id: 't5', interactionId: chat.interactionId, active: false });
    await page.waitFor('typing after the refill', (f) => f.type === 'typing', typingAfter);
  });
});
