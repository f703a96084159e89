import type { ContactEntry } from '@contract/http/contacts';
import type { ContactPosition } from './contactCursor';

/** One channel's share of a customer's history: up to `limit` entries after `after`, newest first. */
export type ContactSource = (
  tenantId: string,
  customerId: string,
  after: ContactPosition | null,
  limit: number,
) => ContactEntry[];
