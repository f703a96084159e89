/** Schedules a callback; returns the function that cancels it. Injected so tests control time. */
export interface Timers {
  set(callback: () => void, ms: number): () => void;
}

/** Timers backed by the real clock. */
export function realTimers(): Timers {
  return {
    set(callback, ms) {
      const handle = setTimeout(callback, ms);
      return () => clearTimeout(handle);
    },
  };
}
