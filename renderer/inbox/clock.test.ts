import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../api/testing/fake-socket';
import { createClock } from './clock';

describe('inbox clock', () => {
  it('emits now at once and again at each tick through a single timer', () => {
    const timers = new ManualTimers();
    let time = 1000;
    const seen: number[] = [];
    const subscription = createClock(timers, () => time).subscribe((t) => seen.push(t));
    expect(timers.pendingDelays()).toEqual([1000]);
    time = 2000;
    timers.fireAll();
    expect(seen).toEqual([1000, 2000]);
    expect(timers.pendingDelays()).toEqual([1000]);
    subscription.unsubscribe();
    expect(timers.pendingDelays()).toEqual([]);
  });
});
