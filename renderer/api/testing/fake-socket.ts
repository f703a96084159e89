import type { Timers } from '../timers';
import type { WebSocketLike } from '../seat-socket';

/** A WebSocket the test drives by hand: it records what the client sends and opens, speaks and closes on request. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  serverOpens(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  serverSends(frame: unknown): void {
    this.onmessage?.(
      new MessageEvent('message', { data: typeof frame === 'string' ? frame : JSON.stringify(frame) }),
    );
  }

  serverCloses(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }

  lastSent(): Record<string, unknown> {
    return this.sent.at(-1) as Record<string, unknown>;
  }
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
  private queue: { callback: () => void; ms: number; cancelled: boolean }[] = [];

  set(callback: () => void, ms: number): () => void {
    const entry = { callback, ms, cancelled: false };
    this.queue.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** Delays of the timers still waiting, in the order they were set. */
  pendingDelays(): number[] {
    return this.queue.filter((e) => !e.cancelled).map((e) => e.ms);
  }

  /** Fires every timer waiting now (not those they set in turn). */
  fireAll(): void {
    const due = this.queue.filter((e) => !e.cancelled);
    this.queue = [];
    for (const entry of due) entry.callback();
  }
}
