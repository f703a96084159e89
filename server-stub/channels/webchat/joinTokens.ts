import { createHash, timingSafeEqual } from 'node:crypto';
import { SeatError } from '@contract/errors';

// One-time join tokens of the begin-of-service notice. A token is random, bound to one agent, one
// chat (the customer's chat identity) and one interaction, expires with the offer, and is spent by
// the first join that presents it. Only a hash is kept, so a dump of memory or logs gives no token.

/** What a token is bound to. */
export interface JoinBinding {
  tenantId: string;
  chatId: string;
  interactionId: string;
  agentId: string;
}

/** A token as issued: the secret (sent once to seat and customer) and its binding. */
export interface IssuedToken extends JoinBinding {
  token: string;
  expiresAt: number;
}

/** Issues, checks and spends join tokens; in memory (a restart re-issues through the offer resend). */
export interface JoinTokens {
  /** A new token for this binding; any earlier live token of the same chat is withdrawn. */
  issue(binding: JoinBinding, expiresAt: number): IssuedToken;
  /** Checks `token` for `chatId` and spends it; throws CHAT_TOKEN_INVALID / _USED / _EXPIRED, spending nothing. */
  consume(chatId: string, token: string): JoinBinding;
  /** The live (issued, unspent, unexpired) token's binding of a chat, if any. */
  live(chatId: string): (JoinBinding & { expiresAt: number }) | undefined;
  /** Withdraws the chat's token (offer gone, chat ended). */
  withdraw(chatId: string): void;
  /** Drops spent and expired entries; returns how many. */
  sweep(): number;
}

interface Entry extends JoinBinding {
  hash: Buffer;
  expiresAt: number;
  spent: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Builds the token book; `randomToken` gives 32 bytes or more of randomness as base64url. */
export function createJoinTokens(deps: { now: () => number; randomToken: () => string }): JoinTokens {
  // Per chat the current entry; spent hashes stay until swept so a replay says "used", not "invalid".
  const current = new Map<string, Entry>();
  const spent = new Map<string, Entry[]>();

  const matches = (entry: Entry, hash: Buffer) => timingSafeEqual(entry.hash, hash);

  return {
    issue(binding, expiresAt) {
      const previous = current.get(binding.chatId);
      if (previous) {
        previous.spent = true;
        spent.set(binding.chatId, [...(spent.get(binding.chatId) ?? []), previous]);
      }
      const token = deps.randomToken();
      current.set(binding.chatId, { ...binding, hash: sha256(token), expiresAt, spent: false });
      return { ...binding, token, expiresAt };
    },
    consume(chatId, token) {
      const hash = sha256(token);
      const entry = current.get(chatId);
      if (entry && matches(entry, hash)) {
        if (entry.spent) throw new SeatError('CHAT_TOKEN_USED');
        if (entry.expiresAt <= deps.now()) throw new SeatError('CHAT_TOKEN_EXPIRED');
        entry.spent = true;
        const { tenantId, interactionId, agentId } = entry;
        return { tenantId, chatId, interactionId, agentId };
      }
      if ((spent.get(chatId) ?? []).some((old) => matches(old, hash))) throw new SeatError('CHAT_TOKEN_USED');
      throw new SeatError('CHAT_TOKEN_INVALID');
    },
    live(chatId) {
      const entry = current.get(chatId);
      if (!entry || entry.spent || entry.expiresAt <= deps.now()) return undefined;
      const { tenantId, interactionId, agentId, expiresAt } = entry;
      return { tenantId, chatId, interactionId, agentId, expiresAt };
    },
    withdraw(chatId) {
      const entry = current.get(chatId);
      if (!entry) return;
      entry.spent = true;
    },
    sweep() {
      let dropped = 0;
      const at = deps.now();
      for (const [chatId, entry] of current)
        if (entry.expiresAt <= at) {
          current.delete(chatId);
          spent.delete(chatId);
          dropped++;
        }
      return dropped;
    },
  };
}
