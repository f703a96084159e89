import { Observable } from 'rxjs';
import type { Timers } from '../api/timers';

/**
 * One shared ticking clock for every timer shown in the inbox, so a thousand rows cost one timer,
 * not a thousand. Emits the current time at once, then every `periodMs`.
 */
export function createClock(timers: Timers, now: () => number, periodMs = 1000): Observable<number> {
  return new Observable<number>((subscriber) => {
    let cancel: () => void = () => undefined;
    const tick = () => {
      subscriber.next(now());
      cancel = timers.set(tick, periodMs);
    };
    tick();
    return () => cancel();
  });
}
