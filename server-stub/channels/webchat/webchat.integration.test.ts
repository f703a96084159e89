import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartChatResponse, WebchatServerFrame } from '@contract/webchat';
import type { ServerMessage } from '@contract/ws';
import { startTestServer } from '../../testing/testServer';
import { openFrameClient, type FrameClient } from './testClients';

// The web-access patent's flow against a real listening server with node WebSocket clients for the
// customer's page and the agents' seats: queue, notice + token, join, token check, accept, talk,
// transfer with the transcript, impostor and replayed joins refused, resume after a drop.

const tenant = 'tenant-demo';
const queueId = 'demo-queue-general';
const agent1 = 'demo-agent-agent01';
const agent2 = 'demo-agent-agent02';

type Customer = FrameClient<WebchatServerFrame>;
type Seat = FrameClient<ServerMessage>;

let t: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
const open: Array<FrameClient<{ type: string }>> = [];

beforeEach(async () => {
  t = await startTestServer({ port: 0, host: '127.0.0.1' });
  base = (await t.server.listen()).url;
});
afterEach(async () => {
  for (const client of open.splice(0)) await client.close();
  await t.dispose();
});

const ws = (path: string) => `${base.replace(/^http/, 'ws')}${path}`;

async function seat(username: string): Promise<Seat> {
  const token = await t.login(username);
  const client = await openFrameClient<ServerMessage>(ws(`/ws?token=${token}`));
  open.push(client);
  await client.waitFor('hello', (f) => f.type === 'hello');
  return client;
}

async function startChat(
  contact = 'visitor@example.com',
  emailTranscript = false,
): Promise<StartChatResponse> {
  const reply = await fetch(`${base}/webchat/chats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: tenant, name: 'Mia Visitor', contact, topic: queueId, emailTranscript }),
  });
  expect(reply.status).toBe(201);
  return (await reply.json()) as StartChatResponse;
}

async function customer(chat: StartChatResponse, after = 0): Promise<Customer> {
  const client = await openFrameClient<WebchatServerFrame>(
    ws(`/webchat/ws?chatId=${chat.chatId}&key=${chat.chatKey}&after=${after}`),
  );
  open.push(client);
  return client;
}

const ready = (agentId: string) =>
  t.server.routing.service.setAgentState(tenant, agentId, 'ready', null, agentId);

/** Runs the flow up to an accepted chat served by agent01. */
async function acceptedChat() {
  await ready(agent1);
  const agent = await seat('agent01');
  const chat = await startChat();
  const page = await customer(chat);
  const assigned = await page.waitFor(
    'assigned',
    (f): f is Extract<WebchatServerFrame, { type: 'assigned' }> => f.type === 'assigned',
  );
  const notice = await agent.waitFor(
    'the notice with the same token',
    (f) => f.type === 'chat.begin' && f.token === assigned.token,
  );
  page.send({ type: 'join', token: assigned.token });
  const join = await agent.waitFor('the join', (f) => f.type === 'chat.join');
  const mark = agent.frames.length;
  agent.send({
    type: 'chat.accept',
    id: 'acc-1',
    interactionId: chat.interactionId,
    token: join.type === 'chat.join' ? join.token : '',
  });
  await agent.waitFor('ack', (f) => f.type === 'ack' && f.id === 'acc-1', mark);
  await page.waitFor('active', (f) => f.type === 'active');
  return { agent, chat, page, notice };
}

describe('web chat through the real server', { timeout: 30_000 }, () => {
  it('follows the patent: notice with token to the seat, customer joins with it, seat accepts, then the agent serves the chat', async () => {
    await ready(agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    const page = await customer(chat);
    await page.waitFor('welcome', (f) => f.type === 'welcome');
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    const notice = await agent.waitFor(
      'notice',
      (f) => f.type === 'chat.begin' && f.token === assigned.token,
    );
    expect(notice).toMatchObject({
      interactionId: chat.interactionId,
      chatId: chat.chatId,
      customer: { name: 'Mia Visitor', contact: 'visitor@example.com' },
    });
    // Offered, not yet served: a chat.accept before any join is refused and changes nothing.
    agent.send({
      type: 'chat.accept',
      id: 'early',
      interactionId: chat.interactionId,
      token: assigned.token,
    });
    const early = await agent.waitFor('refusal', (f) => f.type === 'error' && f.id === 'early');
    expect(early).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(t.server.routing.service.get(tenant, chat.interactionId).state).toBe('offered');

    page.send({ type: 'join', token: assigned.token });
    const join = await agent.waitFor('join', (f) => f.type === 'chat.join');
    expect(join).toMatchObject({
      chatId: chat.chatId,
      token: notice.type === 'chat.begin' ? notice.token : '',
    });
    agent.send({ type: 'chat.accept', id: 'a1', interactionId: chat.interactionId, token: assigned.token });
    await agent.waitFor('ack', (f) => f.type === 'ack' && f.id === 'a1');
    await page.waitFor('active', (f) => f.type === 'active');
    expect(t.server.routing.service.get(tenant, chat.interactionId)).toMatchObject({
      state: 'active',
      agentId: agent1,
    });
    expect(t.server.routing.service.agentStatus(tenant, agent1)?.state).toBe('busy');
  });

  it("holds the inbox's Accept until the customer's join passes the token check", async () => {
    await ready(agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    await agent.waitFor('offer', (f) => f.type === 'interaction.offer');
    agent.send({ type: 'interaction.accept', id: 'inbox', interactionId: chat.interactionId });
    await agent.waitFor('ack', (f) => f.type === 'ack' && f.id === 'inbox');
    expect(t.server.routing.service.get(tenant, chat.interactionId).state).toBe('offered');
    const page = await customer(chat);
    const impostor = await customer(chat);
    impostor.send({ type: 'join', token: 'forged' });
    await impostor.waitFor('refusal', (f) => f.type === 'error' && f.error.code === 'CHAT_TOKEN_INVALID');
    expect(t.server.routing.service.get(tenant, chat.interactionId).state).toBe('offered');
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await page.waitFor('active', (f) => f.type === 'active');
    expect(t.server.routing.service.get(tenant, chat.interactionId)).toMatchObject({
      state: 'active',
      agentId: agent1,
    });
    await agent.waitFor('transcript', (f) => f.type === 'chat.transcript');
  });

  it("holds an Accept sent over HTTP the same way: never on the agent's word alone", async () => {
    await ready(agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    await agent.waitFor('offer', (f) => f.type === 'interaction.offer');
    const accept = await fetch(`${base}/api/interactions/${chat.interactionId}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.login('agent01')}` },
      body: '{}',
    });
    expect(accept.status).toBe(200);
    expect(t.server.routing.service.get(tenant, chat.interactionId).state).toBe('offered');
    const page = await customer(chat);
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await page.waitFor('active', (f) => f.type === 'active');
    expect(t.server.routing.service.get(tenant, chat.interactionId)).toMatchObject({
      state: 'active',
      agentId: agent1,
    });
  });

  it('refuses an impostor join with a forged token: error to the page, alert to the seat, nothing changes', async () => {
    await ready(agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    const page = await customer(chat);
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    const impostor = await customer(chat);
    const mark = impostor.frames.length;
    impostor.send({ type: 'join', token: 'forged-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    const refused = await impostor.waitFor('refusal', (f) => f.type === 'error', mark);
    expect(refused).toMatchObject({ error: { code: 'CHAT_TOKEN_INVALID' } });
    const alert = await agent.waitFor('alert', (f) => f.type === 'chat.joinRefused');
    expect(alert).toMatchObject({ chatId: chat.chatId, code: 'CHAT_TOKEN_INVALID' });
    expect(agent.frames.some((f) => f.type === 'chat.join')).toBe(false);
    expect(t.server.routing.service.get(tenant, chat.interactionId).state).toBe('offered');

    // The real token still works afterwards; a replay of it is refused as used.
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await agent.waitFor('join', (f) => f.type === 'chat.join');
    const before = page.frames.length;
    page.send({ type: 'join', token: assigned.token });
    const replay = await page.waitFor('replay refusal', (f) => f.type === 'error', before);
    expect(replay).toMatchObject({ error: { code: 'CHAT_TOKEN_USED' } });
  });

  it('keeps what the customer wrote while waiting and marks it delivered when the agent accepts', async () => {
    const chat = await startChat();
    const page = await customer(chat);
    await page.waitFor('queue figures', (f) => f.type === 'queue');
    page.send({ type: 'message', clientId: 'early', text: 'I typed this while waiting' });
    const stored = await page.waitFor('stored', (f) => f.type === 'stored');
    if (stored.type !== 'stored') throw new Error('unreachable');
    await ready(agent1);
    const agent = await seat('agent01');
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await agent.waitFor('join', (f) => f.type === 'chat.join');
    agent.send({ type: 'chat.accept', id: 'a', interactionId: chat.interactionId, token: assigned.token });
    const transcript = await agent.waitFor('transcript', (f) => f.type === 'chat.transcript');
    if (transcript.type !== 'chat.transcript') throw new Error('unreachable');
    expect(transcript.messages.map((m) => m.text)).toContain('I typed this while waiting');
    await page.waitFor(
      'delivered',
      (f) => f.type === 'receipt' && f.kind === 'delivered' && f.seq >= stored.seq,
    );
  });

  it('tells the waiting page its place in the queue and puts the chat back when the agent rejects the join', async () => {
    const chat = await startChat();
    const page = await customer(chat);
    const waiting = await page.waitFor('queue figures', (f) => f.type === 'queue');
    expect(waiting).toMatchObject({ position: 1 });
    await ready(agent1);
    const agent = await seat('agent01');
    // The offer came while the seat was connecting or after: either way the seat has a notice and the page a token.
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await agent.waitFor('join', (f) => f.type === 'chat.join');
    agent.send({ type: 'chat.reject', id: 'no', interactionId: chat.interactionId, reason: 'not_mine' });
    await agent.waitFor('ack', (f) => f.type === 'ack' && f.id === 'no');
    await page.waitFor('requeued', (f) => f.type === 'requeued');
    expect(t.server.routing.service.get(tenant, chat.interactionId).agentId).not.toBe(agent1);
    const mark = page.frames.length;
    page.send({ type: 'join', token: assigned.token });
    const stale = await page.waitFor('stale token', (f) => f.type === 'error', mark);
    expect(stale).toMatchObject({ error: { code: 'CHAT_TOKEN_USED' } });
  });

  it('sends the page back to waiting when the offer is withdrawn (no answer), and its old token is dead', async () => {
    await ready(agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    const page = await customer(chat);
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    await agent.waitFor('notice', (f) => f.type === 'chat.begin');
    // What the router sends the seat when the offer times out; the chat follows the same frame.
    t.server.webchat.agentFrame(tenant, agent1, {
      type: 'interaction.revoked',
      interactionId: chat.interactionId,
      reason: 'timeout',
    });
    await page.waitFor('requeued', (f) => f.type === 'requeued');
    const mark = page.frames.length;
    page.send({ type: 'join', token: assigned.token });
    const stale = await page.waitFor('stale token', (f) => f.type === 'error', mark);
    expect(stale).toMatchObject({ error: { code: 'CHAT_TOKEN_USED' } });
    expect(agent.frames.some((f) => f.type === 'chat.join')).toBe(false);
  });

  it('refuses a seat accept that names a token other than the joined one', async () => {
    await ready(agent1);
    const agent = await seat('agent01');
    const chat = await startChat();
    const page = await customer(chat);
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned');
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    page.send({ type: 'join', token: assigned.token });
    await agent.waitFor('join', (f) => f.type === 'chat.join');
    agent.send({ type: 'chat.accept', id: 'x', interactionId: chat.interactionId, token: 'not-the-token' });
    const refusal = await agent.waitFor('refusal', (f) => f.type === 'error' && f.id === 'x');
    expect(refusal).toMatchObject({ error: { code: 'CHAT_TOKEN_INVALID' } });
    expect(t.server.routing.service.get(tenant, chat.interactionId).state).toBe('offered');
  });

  it('relays messages both ways with stored seqs, receipts and typing', async () => {
    const { agent, chat, page } = await acceptedChat();
    await agent.waitFor('transcript', (f) => f.type === 'chat.transcript');
    page.send({ type: 'typing', active: true });
    await agent.waitFor('typing', (f) => f.type === 'chat.typing' && f.active);
    page.send({ type: 'message', clientId: 'c1', text: 'My router blinks red' });
    const stored = await page.waitFor('stored', (f) => f.type === 'stored' && f.clientId === 'c1');
    const got = await agent.waitFor(
      'message',
      (f) => f.type === 'chat.message' && f.message.author === 'customer',
    );
    if (got.type !== 'chat.message' || stored.type !== 'stored') throw new Error('unreachable');
    expect(got.message).toMatchObject({
      text: 'My router blinks red',
      seq: stored.seq,
      authorName: 'Mia Visitor',
    });
    await page.waitFor(
      'delivered',
      (f) => f.type === 'receipt' && f.kind === 'delivered' && f.seq >= stored.seq,
    );
    agent.send({ type: 'chat.read', id: 'r', interactionId: chat.interactionId, seq: stored.seq });
    await page.waitFor('read', (f) => f.type === 'receipt' && f.kind === 'read' && f.seq === stored.seq);

    agent.send({
      type: 'chat.send',
      id: 's1',
      interactionId: chat.interactionId,
      clientId: 'a1',
      text: 'Please restart it',
    });
    const reply = await page.waitFor(
      'agent message',
      (f) => f.type === 'message' && f.message.author === 'agent',
    );
    if (reply.type !== 'message') throw new Error('unreachable');
    expect(reply.message.text).toBe('Please restart it');
    await agent.waitFor('delivered to the page', (f) => f.type === 'chat.receipt' && f.kind === 'delivered');
    page.send({ type: 'read', seq: reply.message.seq });
    await agent.waitFor('read by the customer', (f) => f.type === 'chat.receipt' && f.kind === 'read');
  });

  it('stores a resent message once and replays what a dropped page missed', async () => {
    const { agent, chat, page } = await acceptedChat();
    page.send({ type: 'message', clientId: 'dup', text: 'hello' });
    const first = await page.waitFor('stored', (f) => f.type === 'stored' && f.clientId === 'dup');
    page.send({ type: 'message', clientId: 'dup', text: 'hello' });
    const second = await page.waitFor(
      'stored again',
      (f) => f.type === 'stored' && f.clientId === 'dup',
      page.frames.indexOf(first) + 1,
    );
    expect(second).toEqual(first);

    if (first.type !== 'stored') throw new Error('unreachable');
    page.drop();
    for (const n of [1, 2, 3])
      agent.send({
        type: 'chat.send',
        id: `m${n}`,
        interactionId: chat.interactionId,
        clientId: `m${n}`,
        text: `while away ${n}`,
      });
    await agent.waitFor('third ack', (f) => f.type === 'ack' && f.id === 'm3');
    const back = await customer(chat, first.seq);
    const third = await back.waitFor(
      'missed messages',
      (f) => f.type === 'message' && f.message.text === 'while away 3',
    );
    const texts = back.frames.flatMap((f) => (f.type === 'message' ? [f.message.text] : []));
    expect(texts.filter((x) => x.startsWith('while away'))).toEqual([
      'while away 1',
      'while away 2',
      'while away 3',
    ]);
    expect(texts).not.toContain('hello');
    expect(third.type).toBe('message');
    const stored = t.server.webchat.chats.messages(chat.chatId).filter((m) => m.text === 'hello');
    expect(stored).toHaveLength(1);
  });

  it('refuses messages that are too long or too fast, storing nothing of them', async () => {
    const { chat, page } = await acceptedChat();
    const before = t.server.webchat.chats.messages(chat.chatId).length;
    page.send({ type: 'message', clientId: 'long', text: 'x'.repeat(2001) });
    await page.waitFor('too long', (f) => f.type === 'error' && f.error.code === 'MESSAGE_TOO_LONG');
    const mark = page.frames.length;
    for (let i = 0; i < 12; i++) page.send({ type: 'message', clientId: `fast${i}`, text: `n${i}` });
    const answered = (f: WebchatServerFrame) =>
      (f.type === 'stored' && f.clientId.startsWith('fast')) ||
      (f.type === 'error' && f.error.code === 'RATE_LIMITED');
    await page.waitFor('twelve answers', () => page.frames.slice(mark).filter(answered).length >= 12, mark);
    expect(page.frames.slice(mark).some((f) => f.type === 'error' && f.error.code === 'RATE_LIMITED')).toBe(
      true,
    );
    const stored = t.server.webchat.chats.messages(chat.chatId).slice(before);
    expect(stored.some((m) => m.text.startsWith('xxx'))).toBe(false);
    expect(stored.filter((m) => m.author === 'customer').length).toBeLessThan(12);
  });

  it("names the refused message's client id in the error frame, so the page can mark it failed", async () => {
    const { page } = await acceptedChat();
    page.send({ type: 'message', clientId: 'long-1', text: 'x'.repeat(2001) });
    const long = await page.waitFor('too long', (f) => f.type === 'error' && f.clientId === 'long-1');
    expect(long).toMatchObject({ error: { code: 'MESSAGE_TOO_LONG' } });
    for (let i = 0; i < 12; i++) page.send({ type: 'message', clientId: `burst-${i}`, text: `n${i}` });
    const limited = await page.waitFor(
      'rate limited',
      (f) => f.type === 'error' && f.error.code === 'RATE_LIMITED',
    );
    expect(limited).toMatchObject({ clientId: expect.stringMatching(/^burst-\d+$/) });
    const refusedIds = page.frames.flatMap((f) =>
      f.type === 'error' && f.error.code === 'RATE_LIMITED' && f.clientId ? [f.clientId] : [],
    );
    const storedIds = page.frames.flatMap((f) => (f.type === 'stored' ? [f.clientId] : []));
    expect(refusedIds.some((id) => storedIds.includes(id))).toBe(false);
    page.send({ type: 'read', seq: 1, extra: true });
    const other = await page.waitFor(
      'validation',
      (f) => f.type === 'error' && f.error.code === 'VALIDATION_FAILED',
    );
    expect(other).not.toHaveProperty('clientId');
  });

  it('keeps the transcript when the agent transfers to a colleague, who gets the whole history on acceptance', async () => {
    const { agent, chat, page } = await acceptedChat();
    page.send({ type: 'message', clientId: 'q', text: 'Question before the transfer' });
    await agent.waitFor(
      'question',
      (f) => f.type === 'chat.message' && f.message.text === 'Question before the transfer',
    );
    await ready(agent2);
    const colleague = await seat('agent02');
    const mark = page.frames.length;
    agent.send({
      type: 'interaction.transfer',
      id: 't1',
      interactionId: chat.interactionId,
      to: { kind: 'agent', agentId: agent2 },
    });
    await agent.waitFor('transfer ack', (f) => f.type === 'ack' && f.id === 't1');
    const assigned = await page.waitFor('assigned again', (f) => f.type === 'assigned', mark);
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    await colleague.waitFor('notice', (f) => f.type === 'chat.begin' && f.token === assigned.token);
    page.send({ type: 'join', token: assigned.token });
    await colleague.waitFor('join', (f) => f.type === 'chat.join');
    colleague.send({
      type: 'chat.accept',
      id: 'a2',
      interactionId: chat.interactionId,
      token: assigned.token,
    });
    const transcript = await colleague.waitFor('transcript', (f) => f.type === 'chat.transcript');
    if (transcript.type !== 'chat.transcript') throw new Error('unreachable');
    expect(transcript.messages.map((m) => m.text)).toContain('Question before the transfer');
    expect(t.server.routing.service.get(tenant, chat.interactionId)).toMatchObject({
      state: 'active',
      agentId: agent2,
    });
    expect(t.server.webchat.chats.chat(chat.chatId)?.agentIds).toEqual([agent1, agent2]);
  });

  it('keeps the transcript through a transfer to a queue, where the next agent picks it up', async () => {
    const { agent, chat, page } = await acceptedChat();
    page.send({ type: 'message', clientId: 'q', text: 'Before the queue transfer' });
    await agent.waitFor(
      'question',
      (f) => f.type === 'chat.message' && f.message.text === 'Before the queue transfer',
    );
    // agent01 takes a break so the queue's next pick is the colleague, not the one who passed it on.
    await t.server.routing.service.setAgentState(tenant, agent1, 'not_ready', 'break', agent1);
    const mark = page.frames.length;
    agent.send({
      type: 'interaction.transfer',
      id: 'tq',
      interactionId: chat.interactionId,
      to: { kind: 'queue', queueId },
    });
    await agent.waitFor('transfer ack', (f) => f.type === 'ack' && f.id === 'tq');
    await ready(agent2);
    const colleague = await seat('agent02');
    const assigned = await page.waitFor('assigned again', (f) => f.type === 'assigned', mark);
    if (assigned.type !== 'assigned') throw new Error('unreachable');
    await colleague.waitFor('notice', (f) => f.type === 'chat.begin' && f.token === assigned.token);
    page.send({ type: 'join', token: assigned.token });
    await colleague.waitFor('join', (f) => f.type === 'chat.join');
    colleague.send({
      type: 'chat.accept',
      id: 'a2',
      interactionId: chat.interactionId,
      token: assigned.token,
    });
    const transcript = await colleague.waitFor('transcript', (f) => f.type === 'chat.transcript');
    if (transcript.type !== 'chat.transcript') throw new Error('unreachable');
    expect(transcript.messages.map((m) => m.text)).toContain('Before the queue transfer');
    await page.waitFor('active again', (f) => f.type === 'active', mark);
  });

  it('puts the chat in the customer history when the contact matches a customer', async () => {
    const row = t.server.store.sqlite
      .prepare(
        "SELECT customer_id AS id, value FROM customer_contact_points WHERE tenant_id = ? AND kind = 'email' LIMIT 1",
      )
      .get(tenant) as { id: string; value: string };
    const duplicates = t.server.store.sqlite
      .prepare(
        'SELECT COUNT(DISTINCT customer_id) AS n FROM customer_contact_points WHERE tenant_id = ? AND lower(value) = lower(?)',
      )
      .get(tenant, row.value) as { n: number };
    expect(duplicates.n).toBe(1);
    const chat = await startChat(row.value);
    const page = await customer(chat);
    await page.waitFor('queued figures', (f) => f.type === 'queue');
    page.send({ type: 'message', clientId: 'w', text: 'Waiting here' });
    await page.waitFor('stored', (f) => f.type === 'stored');
    const lead = await t.login('lead01');
    const reply = await fetch(`${base}/api/customers/${row.id}/chats`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as {
      chats: Array<{ chatId: string; messages: Array<{ text: string }> }>;
    };
    expect(body.chats[0]?.chatId).toBe(chat.chatId);
    expect(body.chats[0]?.messages.map((m) => m.text)).toContain('Waiting here');
    const anonymous = await fetch(`${base}/api/customers/${row.id}/chats`);
    expect(anonymous.status).toBe(401);
  });

  it('shares a sniffed attachment and refuses a renamed executable', async () => {
    const { agent, chat, page } = await acceptedChat();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const upload = (filename: string, contentType: string, bytes: Buffer) =>
      fetch(`${base}/webchat/chats/${chat.chatId}/attachments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-chat-key': chat.chatKey },
        body: JSON.stringify({ filename, contentType, contentBase64: bytes.toString('base64') }),
      });
    const bad = await upload('photo.png', 'image/png', Buffer.from('MZ\x90\x00binary'));
    expect(bad.status).toBe(415);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    const good = await upload('screen.png', 'image/png', png);
    expect(good.status).toBe(201);
    const { attachment } = (await good.json()) as { attachment: { id: string } };
    page.send({ type: 'message', clientId: 'file', text: '', attachmentId: attachment.id });
    const got = await agent.waitFor(
      'file message',
      (f) => f.type === 'chat.message' && f.message.attachment !== null,
    );
    if (got.type !== 'chat.message') throw new Error('unreachable');
    expect(got.message.attachment).toMatchObject({
      filename: 'screen.png',
      contentType: 'image/png',
      size: png.length,
    });
    const token = await t.login('agent01');
    const download = await fetch(`${base}/api/chats/${chat.chatId}/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    const wrongKey = await fetch(
      `${base}/webchat/chats/${chat.chatId}/attachments/${attachment.id}?key=${'k'.repeat(32)}`,
    );
    expect(wrongKey.status).toBe(401);
  });

  it('refuses a customer socket with a wrong chat key before the upgrade', async () => {
    const chat = await startChat();
    await expect(
      openFrameClient(ws(`/webchat/ws?chatId=${chat.chatId}&key=${'k'.repeat(32)}`)),
    ).rejects.toThrow(/401/);
  });

  it('ends the chat for the seat when the customer leaves', async () => {
    const { agent, chat, page } = await acceptedChat();
    page.send({ type: 'end' });
    await page.waitFor('ended', (f) => f.type === 'ended' && f.by === 'customer');
    await agent.waitFor('customer left', (f) => f.type === 'chat.customerLeft' && f.chatId === chat.chatId);
    expect(['wrapup', 'ended']).toContain(t.server.routing.service.get(tenant, chat.interactionId).state);
    const after = page.frames.length;
    page.send({ type: 'message', clientId: 'late', text: 'still there?' });
    await page.waitFor('refusal', (f) => f.type === 'error' && f.error.code === 'CHAT_ENDED', after);
  });
});
