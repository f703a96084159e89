import { useEffect, useState } from 'react';
import type { Timers } from '../api/timers';

/** The current time, refreshed every second while `running`; one timer per caller. */
export function useNow(timers: Timers, now: () => number, running: boolean): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!running) return undefined;
    let cancel = () => {};
    const tick = () => {
      setTime(now());
      cancel = timers.set(tick, 1000);
    };
    tick();
    return () => cancel();
  }, [timers, now, running]);
  return time;
}

/** Seconds as m:ss, or h:mm:ss past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
