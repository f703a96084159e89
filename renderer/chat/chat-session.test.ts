import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@contract/webchat';
import { lastCustomerSeq, newSession, receiptOf, unreadCount, withMessages } from './chat-session';

const message = (
  seq: number,
  author: ChatMessage['author'],
  clientId: string | null = null,
): ChatMessage => ({
  seq,
  author,
  agentId: author === 'agent' ? 'a1' : null,
  authorName: author === 'system' ? null : author,
  text: `m${seq}`,
  attachment: null,
  clientId,
  sentAt: '2026-01-01T10:00:00.000Z',
});

describe('withMessages', () => {
  it('keeps messages in seq order without duplicates', () => {
    const s = withMessages(withMessages(newSession('i1'), [message(2, 'customer')]), [
      message(1, 'system'),
      message(2, 'customer'),
    ]);
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('drops the outgoing copy a stored message confirms', () => {
    const s0 = {
      ...newSession('i1'),
      outgoing: [
        { clientId: 'c1', text: 'hi', attachment: null, state: 'sending' as const, error: null },
        { clientId: 'c2', text: 'yo', attachment: null, state: 'sending' as const, error: null },
      ],
    };
    const s = withMessages(s0, [message(3, 'agent', 'c1')]);
    expect(s.outgoing.map((o) => o.clientId)).toEqual(['c2']);
  });
});

describe('reading and receipts', () => {
  it('counts customer messages after the last one marked read', () => {
    const s = withMessages(newSession('i1'), [
      message(1, 'customer'),
      message(2, 'agent'),
      message(3, 'customer'),
    ]);
    expect(unreadCount(s)).toBe(2);
    expect(unreadCount({ ...s, readSent: 1 })).toBe(1);
    expect(lastCustomerSeq(s)).toBe(3);
  });

  it('shows an agent message as read, delivered or sent from the customer’s receipts', () => {
    const s = { ...newSession('i1'), delivered: 5, read: 3 };
    expect(receiptOf(s, message(2, 'agent'))).toBe('read');
    expect(receiptOf(s, message(4, 'agent'))).toBe('delivered');
    expect(receiptOf(s, message(6, 'agent'))).toBe('sent');
  });
});
