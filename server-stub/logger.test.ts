import { describe, expect, it } from 'vitest';
import { redactTokenInUrl } from './logger';

describe('log redaction', () => {
  it('hides the token query parameter wherever it stands', () => {
    expect(redactTokenInUrl('/ws?token=abc.def')).toBe('/ws?token=[redacted]');
    expect(redactTokenInUrl('/ws?x=1&token=abc&y=2')).toBe('/ws?x=1&token=[redacted]&y=2');
    expect(redactTokenInUrl('/api/queues')).toBe('/api/queues');
  });
});
