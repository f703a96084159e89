import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@contract/webchat';
import { ManualTimers } from '../api/testing/fake-socket';
import { fakeConversationSocket } from '../conversations/testing';
import { createChatStore } from './chat-store';
import type { ChatAlertEvent } from './chat-store';

const t0 = Date.parse('2026-01-01T10:00:00.000Z');

function setup() {
  const { socket, frames, sent, answers } = fakeConversationSocket();
  const timers = new ManualTimers();
  let n = 0;
  const store = createChatStore({
    socket,
    timers,
    now: () => t0,
    newClientId: () => `c${++n}`,
    describeError: (error) => (error instanceof Error ? error.message : 'failed'),
  });
  const stop = store.start();
  const alerts: ChatAlertEvent[] = [];
  store.alerts$.subscribe((a) => alerts.push(a));
  const begin = (token = 'tok-1') =>
    frames.next({
      type: 'chat.begin',
      interactionId: 'i1',
      chatId: 'chat-0001',
      customer: { name: 'Li Na', contact: 'li@example.test', topic: 'billing', customerId: null },
      token,
      expiresAt: '2026-01-01T10:00:30.000Z',
    });
  const join = (token = 'tok-1', chatId = 'chat-0001') =>
    frames.next({ type: 'chat.join', interactionId: 'i1', chatId, token });
  const ackAll = async () => {
    for (const a of answers.splice(0)) a.resolve();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { store, frames, sent, answers, timers, alerts, begin, join, ackAll, stop };
}

const message = (
  seq: number,
  author: ChatMessage['author'],
  clientId: string | null = null,
): ChatMessage => ({
  seq,
  author,
  agentId: null,
  authorName: null,
  text: `m${seq}`,
  attachment: null,
  clientId,
  sentAt: '2026-01-01T10:00:00.000Z',
});

describe('begin-of-service and the customer join', () => {
  it('keeps the notice and accepts a matching join with its token when the agent accepts', async () => {
    const { store, sent, begin, join, ackAll } = setup();
    begin();
    expect(store.hasNotice('i1')).toBe(true);
    join();
    expect(store.session('i1')?.join).toBe('verified');
    const accepted = store.accept('i1');
    expect(sent).toEqual([{ type: 'chat.accept', interactionId: 'i1', token: 'tok-1' }]);
    await ackAll();
    await expect(accepted).resolves.toBe('accepted');
    expect(store.session('i1')?.join).toBe('accepted');
  });

  it('accepts by itself once the join matches when the agent accepted first', async () => {
    const { store, sent, begin, join } = setup();
    begin();
    await expect(store.accept('i1')).resolves.toBe('waiting');
    expect(sent).toEqual([]);
    join();
    expect(sent).toEqual([{ type: 'chat.accept', interactionId: 'i1', token: 'tok-1' }]);
  });

  it('rejects a join with another token, never accepts it, and alerts the agent', async () => {
    const { store, sent, alerts, begin, join } = setup();
    begin('tok-1');
    await store.accept('i1');
    join('tok-IMPOSTOR');
    expect(sent).toEqual([{ type: 'chat.reject', interactionId: 'i1', reason: 'join_wrong_token' }]);
    expect(store.session('i1')?.join).toBe('rejected');
    expect(alerts).toMatchObject([
      { interactionId: 'i1', customer: 'Li Na', alert: { kind: 'mismatch', code: 'wrong_token' } },
    ]);
  });

  it('rejects a join for another chat and a join without any notice', () => {
    const { sent, alerts, begin, join, frames } = setup();
    begin();
    join('tok-1', 'chat-9999');
    frames.next({ type: 'chat.join', interactionId: 'i7', chatId: 'chat-0007', token: 'x' });
    expect(sent.map((f) => f.type)).toEqual(['chat.reject', 'chat.reject']);
    expect(alerts.map((a) => a.alert.code)).toEqual(['wrong_chat', 'no_notice']);
  });

  it('alerts the agent when the server refused a join, without changing the offer', () => {
    const { store, sent, alerts, begin, frames } = setup();
    begin();
    frames.next({
      type: 'chat.joinRefused',
      interactionId: 'i1',
      chatId: 'chat-0001',
      code: 'CHAT_TOKEN_INVALID',
      reason: 'wrong token',
    });
    expect(alerts[0]?.alert).toMatchObject({ kind: 'refused', code: 'CHAT_TOKEN_INVALID' });
    expect(sent).toEqual([]);
    expect(store.session('i1')?.join).toBe('waiting');
  });

  it('forgets the notice when the offer is revoked', () => {
    const { store, begin, frames } = setup();
    begin();
    frames.next({ type: 'interaction.revoked', interactionId: 'i1', reason: 'timeout' });
    expect(store.hasNotice('i1')).toBe(false);
  });

  it("keeps the join and session of a chat the lead serves when it only leaves the lead's view", async () => {
    const { store, sent, begin, join, frames, ackAll } = setup();
    begin();
    join();
    const accepted = store.accept('i1');
    await ackAll();
    await accepted;
    frames.next({
      type: 'chat.transcript',
      interactionId: 'i1',
      chatId: 'chat-0001',
      messages: [message(1, 'customer')],
    });
    const before = store.session('i1');
    expect(before?.join).toBe('accepted');
    frames.next({ type: 'interaction.revoked', interactionId: 'i1', reason: 'out_of_view' });
    expect(store.session('i1')).toBe(before);
    expect(store.hasNotice('i1')).toBe(true);
    expect(sent).toEqual([{ type: 'chat.accept', interactionId: 'i1', token: 'tok-1' }]);
  });

  it("keeps an offered chat's notice and the agent's pending accept when it leaves the lead's view", () => {
    const { store, sent, begin, join, frames } = setup();
    begin();
    void store.accept('i1');
    frames.next({ type: 'interaction.revoked', interactionId: 'i1', reason: 'out_of_view' });
    join();
    expect(store.session('i1')?.join).toBe('accepting');
    expect(sent).toEqual([{ type: 'chat.accept', interactionId: 'i1', token: 'tok-1' }]);
  });
});

describe('talking', () => {
  it('shows a sent message as sending until the server stores it, then once', async () => {
    const { store, sent, frames, ackAll } = setup();
    const sending = store.send('i1', 'Hello');
    expect(sent).toEqual([{ type: 'chat.send', interactionId: 'i1', clientId: 'c1', text: 'Hello' }]);
    expect(store.session('i1')?.outgoing).toMatchObject([{ clientId: 'c1', state: 'sending' }]);
    frames.next({
      type: 'chat.message',
      interactionId: 'i1',
      chatId: 'chat-0001',
      message: message(4, 'agent', 'c1'),
    });
    await ackAll();
    await sending;
    expect(store.session('i1')?.outgoing).toEqual([]);
    expect(store.session('i1')?.messages.map((m) => m.seq)).toEqual([4]);
  });

  it('keeps a failed message with its error and resends it with the same client id', async () => {
    const { store, sent, answers } = setup();
    const sending = store.send('i1', 'Hello');
    answers.shift()?.reject(new Error('offline'));
    await expect(sending).rejects.toThrow('offline');
    expect(store.session('i1')?.outgoing).toMatchObject([{ state: 'failed', error: 'offline' }]);
    void store.retry('i1', 'c1');
    expect(sent.at(-1)).toMatchObject({ type: 'chat.send', clientId: 'c1', text: 'Hello' });
    expect(store.session('i1')?.outgoing).toMatchObject([{ state: 'sending' }]);
  });

  it('sends an attachment by its id', () => {
    const { store, sent } = setup();
    void store.send('i1', '', { id: 'att1', filename: 'a.png', contentType: 'image/png', size: 10 });
    expect(sent).toEqual([
      { type: 'chat.send', interactionId: 'i1', clientId: 'c1', text: '', attachmentId: 'att1' },
    ]);
  });

  it('marks customer messages read once, up to the newest', () => {
    const { store, sent, frames } = setup();
    frames.next({
      type: 'chat.transcript',
      interactionId: 'i1',
      chatId: 'chat-0001',
      messages: [message(1, 'system'), message(2, 'customer'), message(3, 'agent')],
    });
    store.markRead('i1');
    store.markRead('i1');
    expect(sent).toEqual([{ type: 'chat.read', interactionId: 'i1', seq: 2 }]);
  });

  it('follows receipts, and typing that fades if never stopped', () => {
    const { store, frames, timers } = setup();
    frames.next({ type: 'chat.receipt', interactionId: 'i1', kind: 'delivered', seq: 5 });
    frames.next({ type: 'chat.receipt', interactionId: 'i1', kind: 'read', seq: 3 });
    expect(store.session('i1')).toMatchObject({ delivered: 5, read: 3 });
    frames.next({ type: 'chat.typing', interactionId: 'i1', active: true });
    expect(store.session('i1')?.customerTyping).toBe(true);
    timers.fireAll();
    expect(store.session('i1')?.customerTyping).toBe(false);
  });

  it('notes when the customer left', () => {
    const { store, frames } = setup();
    frames.next({ type: 'chat.customerLeft', interactionId: 'i1', chatId: 'chat-0001' });
    expect(store.session('i1')?.customerLeft).toBe(true);
  });
});
