import WebSocket from 'ws';

// Node WebSocket clients for the web chat's tests and benchmark: a customer page and a seat, each
// keeping every frame it got so a test can wait for the one it expects (bounded, never a sleep).

/** A socket that records what it receives. */
export interface FrameClient<F extends { type: string }> {
  frames: F[];
  send(frame: unknown): void;
  /** Resolves with the first frame (from `from` on) that matches; rejects after `timeoutMs`. */
  waitFor<T extends F>(
    what: string,
    match: (frame: F) => frame is T,
    from?: number,
    timeoutMs?: number,
  ): Promise<T>;
  waitFor(what: string, match: (frame: F) => boolean, from?: number, timeoutMs?: number): Promise<F>;
  close(): Promise<void>;
  /** Drops the connection without a close handshake (a network drop). */
  drop(): void;
  socket: WebSocket;
}

/** Opens a socket and resolves once it is open (rejects with the HTTP status when refused). */
export function openFrameClient<F extends { type: string }>(url: string): Promise<FrameClient<F>> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const frames: F[] = [];
    const waiters = new Set<() => void>();
    socket.on('message', (data) => {
      frames.push(JSON.parse(String(data)) as F);
      for (const wake of waiters) wake();
    });
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
    socket.once('open', () => {
      const client: FrameClient<F> = {
        frames,
        socket,
        send: (frame) => socket.send(JSON.stringify(frame)),
        waitFor(what: string, match: (frame: F) => boolean, from = 0, timeoutMs = 5_000) {
          return new Promise<F>((done, fail) => {
            const check = () => {
              const found = frames.slice(from).find(match);
              if (!found) return false;
              waiters.delete(check);
              clearTimeout(timer);
              done(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out waiting for ${what}; got ${frames.map((f) => f.type).join(', ')}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () =>
          new Promise<void>((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done();
            socket.once('close', () => done());
            socket.close();
          }),
        drop: () => socket.terminate(),
      };
      resolve(client);
    });
  });
}
