import type { SipConnection } from '../connection';
import type { ParsedMessage } from '../message/parse';
import type { SipRequest, SipResponse } from '../message/sipMessage';

// Client transactions of the edge. Over WebSocket (a reliable transport) nothing is retransmitted
// (RFC 3261 17.1.1.2, 17.1.2.2), so a client transaction is only "which callback gets the
// responses to my request", keyed by the branch the edge put in its Via, plus the timeout that
// stands in for the final response that never came (Timer B/F: 64*T1 = 32 s).

/** Called with each response to a request the edge sent. */
export type ResponseHandler = (response: ParsedMessage & SipResponse) => void;

/** Sends requests and routes their responses back. */
export interface ClientTransactions {
  /** Sends `request` (its top Via must carry `branch`) and calls `onResponse` for each response. */
  send(connection: SipConnection, request: SipRequest, branch: string, onResponse: ResponseHandler): void;
  /** Routes a response to its transaction; false when none matches (a stray response is dropped). */
  receive(response: ParsedMessage & SipResponse): boolean;
  /** Forgets every transaction on a connection that closed, answering each with a local 408. */
  connectionClosed(connection: SipConnection): void;
  dispose(): void;
}

interface Pending {
  connection: SipConnection;
  onResponse: ResponseHandler;
  timer: unknown;
  request: SipRequest;
}

/** Timer functions, injected so tests control time. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Builds the table; `timeoutMs` is Timer B/F. */
export function createClientTransactions(
  timers: Timers,
  timeoutMs: number,
  localResponse: (request: SipRequest, status: number) => ParsedMessage & SipResponse,
): ClientTransactions {
  const pending = new Map<string, Pending>();
  const finish = (branch: string) => {
    const entry = pending.get(branch);
    if (entry) timers.clear(entry.timer);
    pending.delete(branch);
    return entry;
  };
  return {
    send(connection, request, branch, onResponse) {
      const timer = timers.set(() => {
        const entry = finish(branch);
        entry?.onResponse(localResponse(entry.request, 408));
      }, timeoutMs);
      pending.set(branch, { connection, onResponse, timer, request });
      connection.send(request);
    },
    receive(response) {
      const branch = response.core.via[0]?.branch;
      const entry = branch ? pending.get(branch) : undefined;
      if (!branch || !entry || response.core.cseq.method !== entry.request.method) return false;
      if (response.status >= 200) finish(branch);
      entry.onResponse(response);
      return true;
    },
    connectionClosed(connection) {
      for (const [branch, entry] of [...pending]) {
        if (entry.connection !== connection) continue;
        finish(branch);
        entry.onResponse(localResponse(entry.request, 408));
      }
    },
    dispose() {
      for (const branch of [...pending.keys()]) finish(branch);
    },
  };
}
