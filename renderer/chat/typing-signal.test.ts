import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../api/testing/fake-socket';
import { createTypingSignal } from './typing-signal';

describe('createTypingSignal', () => {
  it('signals typing once for a burst of keys and stopped after the idle time', () => {
    const timers = new ManualTimers();
    const sent: boolean[] = [];
    const signal = createTypingSignal(timers, (a) => sent.push(a));
    signal.input();
    signal.input();
    signal.input();
    expect(sent).toEqual([true]);
    expect(timers.pendingDelays()).toEqual([3000]);
    timers.fireAll();
    expect(sent).toEqual([true, false]);
  });

  it('signals stopped at once when the message is sent, and nothing when it was not typing', () => {
    const timers = new ManualTimers();
    const sent: boolean[] = [];
    const signal = createTypingSignal(timers, (a) => sent.push(a));
    signal.stop();
    signal.input();
    signal.stop();
    expect(sent).toEqual([true, false]);
    expect(timers.pendingDelays()).toEqual([]);
  });
});
