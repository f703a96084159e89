import { describe, expect, it } from 'vitest';
import { initialCallState, nextCallState, type CallEvent, type CallState } from './callState';

const run = (events: CallEvent[], from: CallState = initialCallState) => events.reduce(nextCallState, from);

describe('nextCallState', () => {
  it('goes from dialling through the queue and ringing to connected', () => {
    const queued = run([
      { type: 'dial' },
      { type: 'queued', status: { position: 2, estimatedWaitSeconds: 30 } },
    ]);
    expect(queued).toMatchObject({ phase: 'queued', queue: { position: 2, estimatedWaitSeconds: 30 } });
    expect(run([{ type: 'ringing' }, { type: 'answered' }], queued).phase).toBe('connected');
  });

  it('shows hold only on a connected call, and mute only while talking', () => {
    const connected = run([{ type: 'dial' }, { type: 'answered' }]);
    expect(run([{ type: 'held', held: true }], connected).phase).toBe('held');
    expect(
      run(
        [
          { type: 'held', held: true },
          { type: 'held', held: false },
        ],
        connected,
      ).phase,
    ).toBe('connected');
    expect(run([{ type: 'muted', muted: true }], connected).muted).toBe(true);
    expect(run([{ type: 'dial' }, { type: 'muted', muted: true }]).muted).toBe(false);
  });

  it('ignores a second dial during a call and late session events after the end', () => {
    const queued = run([
      { type: 'dial' },
      { type: 'queued', status: { position: 1, estimatedWaitSeconds: null } },
    ]);
    expect(nextCallState(queued, { type: 'dial' })).toBe(queued);
    const ended = run([{ type: 'ended', message: 'Call ended' }], queued);
    expect(ended).toMatchObject({ phase: 'ended', message: 'Call ended' });
    expect(run([{ type: 'answered' }, { type: 'failed', message: 'x' }], ended)).toBe(ended);
  });

  it('starts afresh from an ended or failed call', () => {
    const failed = run([{ type: 'dial' }, { type: 'failed', message: 'Busy' }]);
    expect(failed.phase).toBe('failed');
    expect(run([{ type: 'dial' }], failed)).toMatchObject({ phase: 'connecting', message: null });
  });
});
