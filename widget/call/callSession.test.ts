import { describe, expect, it } from 'vitest';
import { callerIdOf, sipSocketUrl } from './callSession';

describe('callerIdOf', () => {
  it('keeps a typed number as + and digits, dropping spaces, dots, dashes and brackets', () => {
    expect(callerIdOf(' +44 (0)7700-900.123 ')).toBe('+4407700900123');
    expect(callerIdOf('13800000001')).toBe('13800000001');
  });

  it('places the call anonymously for nothing typed, too few or too many digits, or anything else', () => {
    for (const typed of [
      undefined,
      '',
      '1234',
      '+123456789012345678901',
      'call me',
      '+44 7700 9001x',
      'sip:a@b',
    ])
      expect(callerIdOf(typed)).toBeNull();
  });
});

describe('sipSocketUrl', () => {
  it('uses ws: beside http: and wss: beside https:', () => {
    expect(sipSocketUrl('http://127.0.0.1:7420')).toBe('ws://127.0.0.1:7420/sip');
    expect(sipSocketUrl('https://seat.example.com')).toBe('wss://seat.example.com/sip');
  });
});
