import type { WebSocketLike } from '../api/seat-socket';

/** An in-page seat socket for the bench: the harness plays the server, frames travel as JSON text like on the wire. */
export class LoopbackSocket implements WebSocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  /** Opens on the next task, as a real socket would. */
  constructor() {
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.(new Event('open'));
    }, 0);
  }

  // The seat's pings get their pong, so the heartbeat never drops the link mid-run.
  send(data: string): void {
    const frame = JSON.parse(data) as { type: string; id?: string };
    if (frame.type === 'ping') setTimeout(() => this.deliver({ type: 'pong', id: frame.id }), 0);
  }

  close(): void {
    this.readyState = 3;
  }

  /** The "server" sends one frame. */
  deliver(frame: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
}
