import { useCallback, useEffect, useRef, useState } from 'react';
import type { CannedResponse } from '@contract/http/canned';
import type { CannedApi } from './canned-api';

/** The canned list as a component sees it while it loads. */
export type CannedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; responses: CannedResponse[] }
  | { status: 'failed'; error: unknown };

/**
 * The canned responses, loaded when first asked for (the first time the picker opens) and again when
 * asked after a failure; a loaded list is kept. A reply arriving after unmount is dropped.
 */
export function useCanned(api: Pick<CannedApi, 'list'>): {
  state: CannedState;
  load: () => void;
  /** Adds a response just saved, so the picker offers it without a reload. */
  add: (response: CannedResponse) => void;
} {
  const [state, setState] = useState<CannedState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // Refs, not state, decide whether to ask: a state updater may run twice (StrictMode) and must not fetch.
  const busy = useRef(false);
  const done = useRef(false);
  const load = useCallback(() => {
    if (busy.current || done.current) return;
    busy.current = true;
    setState({ status: 'loading' });
    api.list().then(
      (responses) => {
        busy.current = false;
        done.current = true;
        if (mounted.current) setState({ status: 'ready', responses });
      },
      (error: unknown) => {
        busy.current = false;
        if (mounted.current) setState({ status: 'failed', error });
      },
    );
  }, [api]);
  const add = useCallback((response: CannedResponse) => {
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', responses: [...current.responses, response] } : current,
    );
  }, []);
  return { state, load, add };
}
