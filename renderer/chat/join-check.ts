/** The begin-of-service notice as the seat keeps it: who will join, and with which one-time token. */
export interface ChatNotice {
  interactionId: string;
  chatId: string;
  token: string;
  expiresAt: string;
  customer: { name: string; contact: string; topic: string; customerId: string | null };
}

/** A customer's join as the server passed it on. */
export interface ChatJoin {
  interactionId: string;
  chatId: string;
  token: string;
}

/** Why a join does not match the notice, or null when it does. */
export type JoinMismatch = 'no_notice' | 'wrong_chat' | 'wrong_token' | 'expired' | null;

// Compares every character whatever the first difference, so the time taken says nothing about the token.
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a customer's join against the server's begin-of-service notice: the same interaction and chat
 * identity, the same one-time token, before the notice expires. Anything else is refused.
 */
export function checkJoin(notice: ChatNotice | undefined, join: ChatJoin, now: number): JoinMismatch {
  if (!notice) return 'no_notice';
  if (notice.interactionId !== join.interactionId || notice.chatId !== join.chatId) return 'wrong_chat';
  if (!sameText(notice.token, join.token)) return 'wrong_token';
  if (now > Date.parse(notice.expiresAt)) return 'expired';
  return null;
}
