import type { ContactEntry } from '@contract/http/contacts';
import { compareNewestFirst, encodeCursor, positionOf, type ContactPosition } from './contactCursor';
import type { ContactSource } from './contactSource';

/** A page of a customer's history across channels. */
export interface ContactPage {
  contacts: ContactEntry[];
  nextCursor: string | null;
}

/** A customer's contacts on every channel, newest first, a page at a time. */
export type ContactHistory = (
  tenantId: string,
  customerId: string,
  after: ContactPosition | null,
  limit: number,
) => ContactPage;

/**
 * Merges the channels' histories: each gives at most one more than a page after the position, so
 * the merged list knows whether anything follows without counting rows.
 */
export function createContactHistory(sources: readonly ContactSource[]): ContactHistory {
  return (tenantId, customerId, after, limit) => {
    const merged = sources
      .flatMap((source) => source(tenantId, customerId, after, limit + 1))
      .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
    const contacts = merged.slice(0, limit);
    const last = contacts[contacts.length - 1];
    return {
      contacts,
      nextCursor: merged.length > limit && last ? encodeCursor(positionOf(last)) : null,
    };
  };
}
