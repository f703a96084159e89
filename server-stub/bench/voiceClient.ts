import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { parseSipMessage, type ParsedMessage } from '../channels/sip/message/parse';

// A SIP-over-WebSocket endpoint for the voice benchmark. Unlike the tests' client (which polls),
// a wait here resolves in the very callback that received the message, so the figures measure
// the edge and not a polling interval.

/** One SIP endpoint over one WebSocket. */
export interface BenchSipClient {
  send(text: string): void;
  /** Resolves with the next message matching (already received or yet to come); fails after `ms`. */
  next(match: (m: ParsedMessage) => boolean, ms?: number): Promise<ParsedMessage>;
  /** Calls `handler` for every message no waiter took. */
  onUnclaimed(handler: (m: ParsedMessage) => void): void;
  close(): void;
}

/** Opens a client on `url` (ws://host:port/sip). */
export async function connectBenchSip(url: string): Promise<BenchSipClient> {
  const socket = new WebSocket(url, 'sip', { perMessageDeflate: false });
  const waiters: Array<{ match: (m: ParsedMessage) => boolean; resolve: (m: ParsedMessage) => void }> = [];
  const backlog: ParsedMessage[] = [];
  let unclaimed: ((m: ParsedMessage) => void) | null = null;
  socket.on('message', (data) => {
    const parsed = parseSipMessage(String(data));
    if (!parsed.ok) throw new Error(`the edge sent a malformed message: ${parsed.reason}`);
    const waiter = waiters.findIndex((w) => w.match(parsed.message));
    if (waiter >= 0) return waiters.splice(waiter, 1)[0]?.resolve(parsed.message);
    if (unclaimed) return unclaimed(parsed.message);
    backlog.push(parsed.message);
    if (backlog.length > 1000) backlog.shift();
  });
  await new Promise<void>(
    (resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)),
  );
  return {
    send: (text) => socket.send(text),
    next(match, ms = 10_000) {
      const early = backlog.findIndex(match);
      if (early >= 0) return Promise.resolve(backlog.splice(early, 1)[0] as ParsedMessage);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: ParsedMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error('the edge did not answer in time'));
        }, ms);
        waiters.push(waiter);
      });
    },
    onUnclaimed(handler) {
      unclaimed = handler;
      for (const m of backlog.splice(0)) handler(m);
    },
    close: () => socket.close(),
  };
}

/** A fresh branch, tag or Call-ID. */
export const token = () => randomBytes(8).toString('hex');
