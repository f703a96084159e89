import { describe, expect, it } from 'vitest';
import { createJoinTokens } from './joinTokens';

const binding = { tenantId: 'demo', chatId: 'chat-1', interactionId: 'i-1', agentId: 'a-1' };

function setup() {
  let now = 1_000;
  let n = 0;
  const tokens = createJoinTokens({ now: () => now, randomToken: () => `token-${++n}` });
  return { tokens, advance: (ms: number) => (now += ms) };
}

describe('join tokens', () => {
  it('gives back the binding of a token presented for its own chat', () => {
    const { tokens } = setup();
    const issued = tokens.issue(binding, 5_000);
    expect(tokens.consume('chat-1', issued.token)).toEqual(binding);
  });

  it('refuses a second use of the same token as used', () => {
    const { tokens } = setup();
    const issued = tokens.issue(binding, 5_000);
    tokens.consume('chat-1', issued.token);
    expect(() => tokens.consume('chat-1', issued.token)).toThrow(
      expect.objectContaining({ code: 'CHAT_TOKEN_USED' }),
    );
  });

  it('refuses a token that was never issued and leaves the real one usable', () => {
    const { tokens } = setup();
    const issued = tokens.issue(binding, 5_000);
    expect(() => tokens.consume('chat-1', 'forged')).toThrow(
      expect.objectContaining({ code: 'CHAT_TOKEN_INVALID' }),
    );
    expect(tokens.consume('chat-1', issued.token).agentId).toBe('a-1');
  });

  it('refuses a token of another chat', () => {
    const { tokens } = setup();
    const other = tokens.issue({ ...binding, chatId: 'chat-2' }, 5_000);
    tokens.issue(binding, 5_000);
    expect(() => tokens.consume('chat-1', other.token)).toThrow(
      expect.objectContaining({ code: 'CHAT_TOKEN_INVALID' }),
    );
  });

  it('refuses an expired token without spending it', () => {
    const { tokens, advance } = setup();
    const issued = tokens.issue(binding, 5_000);
    advance(4_000);
    expect(() => tokens.consume('chat-1', issued.token)).toThrow(
      expect.objectContaining({ code: 'CHAT_TOKEN_EXPIRED' }),
    );
    expect(tokens.live('chat-1')).toBeUndefined();
  });

  it('withdraws the earlier token when a new one is issued for the same chat (transfer, re-offer)', () => {
    const { tokens } = setup();
    const first = tokens.issue(binding, 5_000);
    const second = tokens.issue({ ...binding, agentId: 'a-2' }, 6_000);
    expect(() => tokens.consume('chat-1', first.token)).toThrow(
      expect.objectContaining({ code: 'CHAT_TOKEN_USED' }),
    );
    expect(tokens.consume('chat-1', second.token).agentId).toBe('a-2');
  });

  it('refuses a withdrawn token and reports no live token', () => {
    const { tokens } = setup();
    const issued = tokens.issue(binding, 5_000);
    tokens.withdraw('chat-1');
    expect(tokens.live('chat-1')).toBeUndefined();
    expect(() => tokens.consume('chat-1', issued.token)).toThrow(
      expect.objectContaining({ code: 'CHAT_TOKEN_USED' }),
    );
  });

  it('sweeps expired entries', () => {
    const { tokens, advance } = setup();
    tokens.issue(binding, 5_000);
    tokens.issue({ ...binding, chatId: 'chat-2' }, 50_000);
    advance(10_000);
    expect(tokens.sweep()).toBe(1);
    expect(tokens.live('chat-2')?.chatId).toBe('chat-2');
  });
});
