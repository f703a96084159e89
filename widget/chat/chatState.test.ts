import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@contract/webchat';
import {
  applyServerFrame,
  initialChatState,
  receiptOf,
  retryPending,
  waitText,
  type ChatViewState,
} from './chatState';

const message = (
  seq: number,
  author: ChatMessage['author'],
  text: string,
  clientId: string | null = null,
): ChatMessage => ({
  seq,
  author,
  agentId: author === 'agent' ? 'a1' : null,
  authorName: author === 'agent' ? 'Ava' : 'Mia',
  text,
  attachment: null,
  clientId,
  sentAt: '2026-03-02T09:00:00.000Z',
});

describe('chat page state', () => {
  it('goes queued, connecting with a token, then active', () => {
    let state = initialChatState();
    state = applyServerFrame(state, {
      type: 'welcome',
      chatId: 'chat-1',
      state: 'queued',
      agentName: null,
      lastSeq: 0,
    });
    state = applyServerFrame(state, { type: 'queue', position: 2, estimatedWaitSeconds: 90 });
    expect(state).toMatchObject({ phase: 'queued', position: 2, estimatedWaitSeconds: 90 });
    state = applyServerFrame(state, {
      type: 'assigned',
      agentName: 'Ava',
      token: 'tok',
      expiresAt: '2026-03-02T09:00:30.000Z',
    });
    expect(state).toMatchObject({ phase: 'connecting', token: 'tok' });
    state = applyServerFrame(state, { type: 'active', agentName: 'Ava' });
    expect(state).toMatchObject({ phase: 'active', token: null, agentName: 'Ava' });
  });

  it('keeps each stored message once, in seq order, even when a reconnect replays them', () => {
    let state = initialChatState();
    for (const m of [message(2, 'agent', 'b'), message(1, 'customer', 'a'), message(2, 'agent', 'b')])
      state = applyServerFrame(state, { type: 'message', message: m });
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(state.lastSeq).toBe(2);
  });

  it('drops a pending message once the server says it is stored', () => {
    const state: ChatViewState = {
      ...initialChatState(),
      pending: [{ clientId: 'c1', text: 'hi', attachmentId: null, attachmentName: null, failed: null }],
    };
    expect(applyServerFrame(state, { type: 'stored', clientId: 'c1', seq: 3 }).pending).toEqual([]);
    expect(
      applyServerFrame(state, { type: 'message', message: message(3, 'customer', 'hi', 'c1') }).pending,
    ).toEqual([]);
  });

  it('marks customer messages sent, delivered and read from receipts', () => {
    let state = initialChatState();
    const first = message(1, 'customer', 'one');
    const second = message(2, 'customer', 'two');
    expect(receiptOf(state, first)).toBe('sent');
    state = applyServerFrame(state, { type: 'receipt', kind: 'delivered', seq: 2 });
    state = applyServerFrame(state, { type: 'receipt', kind: 'read', seq: 1 });
    expect(receiptOf(state, first)).toBe('read');
    expect(receiptOf(state, second)).toBe('delivered');
    expect(receiptOf(state, message(3, 'agent', 'x'))).toBeNull();
  });

  it('goes back to the queue when the agent passes the chat on, clearing the token and typing', () => {
    let state: ChatViewState = { ...initialChatState(), phase: 'active', agentTyping: true, token: 't' };
    state = applyServerFrame(state, { type: 'requeued', reason: 'transfer' });
    expect(state).toMatchObject({ phase: 'queued', agentTyping: false, token: null, notice: 'transfer' });
  });

  it('shows a refusal and ends with the transcript flag', () => {
    let state = applyServerFrame(initialChatState(), {
      type: 'error',
      error: { code: 'RATE_LIMITED', message: 'Too fast.' },
    });
    expect(state.notice).toBe('Too fast.');
    state = applyServerFrame(state, { type: 'ended', by: 'agent', transcriptEmailed: true });
    expect(state).toMatchObject({ phase: 'ended', transcriptEmailed: true });
  });

  it('marks the refused message failed with the reason when the error names its client id, leaving others pending', () => {
    const pendingOf = (clientId: string) => ({
      clientId,
      text: clientId,
      attachmentId: null,
      attachmentName: null,
      failed: null,
    });
    let state: ChatViewState = { ...initialChatState(), pending: [pendingOf('c1'), pendingOf('c2')] };
    state = applyServerFrame(state, {
      type: 'error',
      clientId: 'c2',
      error: { code: 'RATE_LIMITED', message: 'You are sending messages too fast; wait a moment.' },
    });
    expect(state.pending.map((p) => [p.clientId, p.failed])).toEqual([
      ['c1', null],
      ['c2', 'You are sending messages too fast; wait a moment.'],
    ]);
    state = applyServerFrame(state, { type: 'error', error: { code: 'BAD_JSON', message: 'x' } });
    expect(state.pending[1]?.failed).toBe('You are sending messages too fast; wait a moment.');
    state = retryPending(state, 'c2');
    expect(state.pending.map((p) => p.failed)).toEqual([null, null]);
  });

  it('words the estimated wait', () => {
    expect(waitText(null)).toBeNull();
    expect(waitText(20)).toBe('less than a minute');
    expect(waitText(70)).toBe('about 1 minute');
    expect(waitText(300)).toBe('about 5 minutes');
  });
});
