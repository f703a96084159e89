import { describe, expect, it } from 'vitest';
import { releaseText } from './releaseText';

describe('releaseText', () => {
  it("shows the centre's release message from a 480's reason phrase", () => {
    expect(releaseText({ status_code: 480, reason_phrase: 'We are closed; please call back at 8:00' })).toBe(
      'We are closed; please call back at 8:00',
    );
  });

  it('gives null for a plain 480, another status, or no response', () => {
    expect(releaseText({ status_code: 480, reason_phrase: 'Temporarily Unavailable' })).toBeNull();
    expect(releaseText({ status_code: 486, reason_phrase: 'Busy Here' })).toBeNull();
    expect(releaseText(null)).toBeNull();
  });
});
