import { describe, expect, it } from 'vitest';
import { checkJoin } from './join-check';
import type { ChatNotice } from './join-check';

const notice: ChatNotice = {
  interactionId: 'i1',
  chatId: 'chat-0001',
  token: 'tok-abc',
  expiresAt: '2026-01-01T10:00:30.000Z',
  customer: { name: 'Li Na', contact: 'li@example.test', topic: 'billing', customerId: null },
};
const before = Date.parse('2026-01-01T10:00:00.000Z');

describe('checkJoin', () => {
  it('accepts a join naming the notice’s interaction, chat and token before it expires', () => {
    expect(
      checkJoin(notice, { interactionId: 'i1', chatId: 'chat-0001', token: 'tok-abc' }, before),
    ).toBeNull();
  });

  it('refuses a join without a notice', () => {
    expect(checkJoin(undefined, { interactionId: 'i1', chatId: 'chat-0001', token: 'tok-abc' }, before)).toBe(
      'no_notice',
    );
  });

  it('refuses a join for another chat or interaction', () => {
    expect(checkJoin(notice, { interactionId: 'i1', chatId: 'chat-0002', token: 'tok-abc' }, before)).toBe(
      'wrong_chat',
    );
    expect(checkJoin(notice, { interactionId: 'i2', chatId: 'chat-0001', token: 'tok-abc' }, before)).toBe(
      'wrong_chat',
    );
  });

  it('refuses a join with another token, even one that only differs in length', () => {
    expect(checkJoin(notice, { interactionId: 'i1', chatId: 'chat-0001', token: 'tok-abd' }, before)).toBe(
      'wrong_token',
    );
    expect(checkJoin(notice, { interactionId: 'i1', chatId: 'chat-0001', token: 'tok-abcd' }, before)).toBe(
      'wrong_token',
    );
  });

  it('refuses a join after the notice expired', () => {
    const late = Date.parse('2026-01-01T10:00:31.000Z');
    expect(checkJoin(notice, { interactionId: 'i1', chatId: 'chat-0001', token: 'tok-abc' }, late)).toBe(
      'expired',
    );
  });
});
