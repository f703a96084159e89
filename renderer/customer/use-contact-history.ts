import { useEffect, useRef, useState } from 'react';
import type { ContactEntry } from '@contract/http/contacts';
import type { CustomerApi } from './customer-api';

/** The history as loaded so far, and how to ask for older entries. */
export interface ContactHistoryState {
  entries: readonly ContactEntry[];
  /** True while a page is on its way. */
  loading: boolean;
  /** Why the last page failed, if it did. */
  error: unknown;
  /** Whether older entries remain on the server. */
  hasMore: boolean;
  loadMore(): void;
}

/** The pages loaded for one customer. */
interface Pages {
  customerId: string;
  entries: readonly ContactEntry[];
  cursor: string | null;
  error: unknown;
  loadingMore: boolean;
}

/** Loads a customer's history page by page; a page that arrives for an earlier customer is dropped. */
export function useContactHistory(
  customerId: string,
  contacts: CustomerApi['contacts'],
): ContactHistoryState {
  const [pages, setPages] = useState<Pages | null>(null);
  // The customer whose pages may still land; changing customer makes late replies harmless.
  const shown = useRef(customerId);

  useEffect(() => {
    shown.current = customerId;
    contacts(customerId, null).then(
      (page) =>
        shown.current === customerId &&
        setPages({
          customerId,
          entries: page.contacts,
          cursor: page.nextCursor,
          error: null,
          loadingMore: false,
        }),
      (error: unknown) =>
        shown.current === customerId &&
        setPages({ customerId, entries: [], cursor: null, error, loadingMore: false }),
    );
  }, [customerId, contacts]);

  const current = pages?.customerId === customerId ? pages : null;
  const loadMore = () => {
    if (!current?.cursor || current.loadingMore) return;
    const { cursor } = current;
    setPages({ ...current, loadingMore: true, error: null });
    contacts(customerId, cursor).then(
      (page) =>
        shown.current === customerId &&
        setPages((p) =>
          p?.customerId === customerId
            ? { ...p, entries: [...p.entries, ...page.contacts], cursor: page.nextCursor, loadingMore: false }
            : p,
        ),
      (error: unknown) =>
        shown.current === customerId &&
        setPages((p) => (p?.customerId === customerId ? { ...p, error, loadingMore: false } : p)),
    );
  };

  return {
    entries: current?.entries ?? [],
    loading: !current || current.loadingMore,
    error: current?.error ?? null,
    hasMore: Boolean(current?.cursor),
    loadMore,
  };
}
