import { describe, expect, it } from 'vitest';
import { queueStatusOf, waitText } from './queueStatus';

const response = (status: number, reason: string, headers: Record<string, string> = {}) => ({
  status_code: status,
  reason_phrase: reason,
  getHeader: (name: string) => headers[name],
});

describe('queueStatusOf', () => {
  it('reads position and wait from the X-Seat headers of a 182', () => {
    expect(
      queueStatusOf(response(182, 'Queued', { 'X-Seat-Queue-Position': '3', 'X-Seat-Estimated-Wait': '45' })),
    ).toEqual({ position: 3, estimatedWaitSeconds: 45 });
  });

  it('falls back to the reason phrase when the headers are missing', () => {
    expect(queueStatusOf(response(182, 'Queued, position 2, about 30 s'))).toEqual({
      position: 2,
      estimatedWaitSeconds: 30,
    });
    expect(queueStatusOf(response(182, 'Queued'))).toEqual({ position: null, estimatedWaitSeconds: null });
  });

  it('ignores other provisional responses and malformed figures', () => {
    expect(queueStatusOf(response(180, 'Ringing'))).toBeNull();
    expect(queueStatusOf(response(182, 'Queued', { 'X-Seat-Queue-Position': '-1' }))).toEqual({
      position: null,
      estimatedWaitSeconds: null,
    });
  });
});

describe('waitText', () => {
  it('says the wait in words a customer reads at a glance', () => {
    expect(waitText(null)).toBeNull();
    expect(waitText(5)).toBe('under a minute');
    expect(waitText(42)).toBe('about 40 s');
    expect(waitText(150)).toBe('about 3 min');
  });
});
