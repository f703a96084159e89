import { describe, expect, it, vi } from 'vitest';
import { chimeNotes, playChime } from './chime';
import type { ChimeContext } from './chime';

function fakeContext(setSinkId?: (id: string) => Promise<void>) {
  const oscillators: Array<{ frequency: number; start: number; stop: number; onended: (() => void) | null }> =
    [];
  const context = {
    currentTime: 10,
    destination: {} as AudioNode,
    close: vi.fn(() => Promise.resolve()),
    createGain: () => ({
      gain: {
        setValueAtTime: vi.fn(),
        linearRampToValueAtTime: vi.fn(),
        exponentialRampToValueAtTime: vi.fn(),
      },
      connect: vi.fn(),
    }),
    createOscillator: () => {
      const record = { frequency: 0, start: 0, stop: 0, onended: null as (() => void) | null };
      oscillators.push(record);
      return {
        type: 'square',
        frequency: { setValueAtTime: (value: number) => (record.frequency = value) },
        connect: vi.fn(),
        start: (at: number) => (record.start = at),
        stop: (at: number) => (record.stop = at),
        set onended(listener: () => void) {
          record.onended = listener;
        },
      };
    },
    ...(setSinkId ? { setSinkId } : {}),
  };
  return { context: context as unknown as ChimeContext & { close: ReturnType<typeof vi.fn> }, oscillators };
}

describe('playChime', () => {
  it('schedules the two rising notes one after the other and closes the context after the last', async () => {
    const { context, oscillators } = fakeContext();
    await playChime(() => context, null, vi.fn());
    expect(oscillators.map((o) => o.frequency)).toEqual(chimeNotes.map((n) => n.frequency));
    expect(oscillators[1]!.start).toBeGreaterThan(oscillators[0]!.start);
    expect(oscillators.every((o) => o.stop > o.start)).toBe(true);
    expect(context.close).not.toHaveBeenCalled();
    oscillators[1]!.onended?.();
    expect(context.close).toHaveBeenCalledTimes(1);
  });

  it('plays on the ringer device when one is chosen', async () => {
    const setSinkId = vi.fn(() => Promise.resolve());
    const { context } = fakeContext(setSinkId);
    await playChime(() => context, 'ringer-1', vi.fn());
    expect(setSinkId).toHaveBeenCalledWith('ringer-1');
  });

  it('falls back to the default output and says so when the ringer device cannot be used', async () => {
    const { context, oscillators } = fakeContext(() => Promise.reject(new Error('NotFoundError')));
    const warn = vi.fn();
    await playChime(() => context, 'unplugged', warn);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('default output'));
    expect(oscillators).toHaveLength(2);
  });

  it('uses the default output without asking for a device when none is chosen', async () => {
    const setSinkId = vi.fn(() => Promise.resolve());
    const { context } = fakeContext(setSinkId);
    await playChime(() => context, null, vi.fn());
    expect(setSinkId).not.toHaveBeenCalled();
  });
});
