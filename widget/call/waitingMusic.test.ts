import { describe, expect, it, vi } from 'vitest';
import { playWaitingMusic, waitingMelody, type AudioContextLike } from './waitingMusic';

function fakeContext() {
  const param = () => ({ value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() });
  const started: number[] = [];
  const context = {
    currentTime: 0,
    destination: {},
    createOscillator: () => ({
      type: 'sine',
      frequency: param(),
      connect: vi.fn(),
      start: (at: number) => started.push(at),
      stop: vi.fn(),
    }),
    createGain: () => ({ gain: param(), connect: vi.fn() }),
    resume: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
  };
  return { context, started };
}

describe('waiting music', () => {
  it('loops four arpeggiated chords, each note inside its second', () => {
    const { notes, loopSeconds } = waitingMelody();
    expect(loopSeconds).toBe(4);
    expect(notes).toHaveLength(12);
    for (const note of notes) expect(note.start + note.length).toBeLessThanOrEqual(loopSeconds + 1);
  });

  it('schedules the next loop before the current one runs out, and stops by closing its context', () => {
    const { context, started } = fakeContext();
    let tick: () => void = () => {};
    const schedule = ((callback: () => void) => {
      tick = callback;
      return 1;
    }) as unknown as typeof setInterval;
    const stop = playWaitingMusic(() => context as unknown as AudioContextLike, schedule);
    expect(started).toHaveLength(12);
    tick();
    expect(started).toHaveLength(12);
    context.currentTime = 3.5;
    tick();
    expect(started).toHaveLength(24);
    expect(Math.min(...started.slice(12))).toBeGreaterThanOrEqual(4);
    stop();
    expect(context.close).toHaveBeenCalled();
  });
});
