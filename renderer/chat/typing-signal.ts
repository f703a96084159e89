import type { Timers } from '../api/timers';

// Typing is announced once, then "stopped" after this long without a key.
const idleMs = 3000;

/** Turns keystrokes into typing on / off signals without one frame per key. */
export interface TypingSignal {
  /** The agent typed: signals "typing" if not already, and restarts the idle countdown. */
  input(): void;
  /** The agent sent or left: signals "stopped" if typing was signalled. */
  stop(): void;
}

/** Creates the typing signal for one composer; `send` gets true when typing starts and false when it stops. */
export function createTypingSignal(timers: Timers, send: (active: boolean) => void): TypingSignal {
  let active = false;
  let cancelIdle: (() => void) | null = null;
  const stop = () => {
    cancelIdle?.();
    cancelIdle = null;
    if (!active) return;
    active = false;
    send(false);
  };
  return {
    input() {
      if (!active) {
        active = true;
        send(true);
      }
      cancelIdle?.();
      cancelIdle = timers.set(stop, idleMs);
    },
    stop,
  };
}
