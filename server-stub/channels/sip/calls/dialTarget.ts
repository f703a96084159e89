import type { SipDirectory } from '../directory';

// Where an agent's own INVITE goes. The user part of the Request-URI names, in this order, a queue
// of the tenant (the call becomes a routed interaction like a customer's), another Seat user (an
// internal call to that agent's registered softphone) or a telephone number (the outbound trunk,
// when one is configured). Anything else is not a place the edge can reach.

/** What an agent dialled. */
export type DialTarget =
  | { kind: 'queue'; queue: { id: string; name: string } }
  | { kind: 'agent'; username: string; agentId: string }
  | { kind: 'number'; number: string }
  | { kind: 'self' }
  | { kind: 'unknown' };

/** A dialable number: digits with an optional leading + and the keypad's * and #, visual separators dropped. */
export function dialledNumber(user: string): string | null {
  const compact = decodeURIComponentSafe(user).replace(/[\s\-.()]/g, '');
  return /^\+?[0-9*#]{2,32}$/.test(compact) ? compact : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray % is not an escape; the text stays as it came.
    return text;
  }
}

/** Classifies the dialled user part for the agent `selfUsername` of `tenantId`. */
export function dialTarget(
  directory: Pick<SipDirectory, 'queueByUser' | 'account'>,
  tenantId: string,
  user: string,
  selfUsername: string,
): DialTarget {
  const queue = directory.queueByUser(tenantId, user);
  if (queue) return { kind: 'queue', queue };
  const account = directory.account(tenantId, user);
  if (account?.agentId) {
    if (account.username === selfUsername) return { kind: 'self' };
    return { kind: 'agent', username: account.username, agentId: account.agentId };
  }
  const number = dialledNumber(user);
  if (number) return { kind: 'number', number };
  return { kind: 'unknown' };
}
