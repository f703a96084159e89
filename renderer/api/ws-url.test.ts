import { describe, expect, it } from 'vitest';
import { seatSocketUrl } from './ws-url';

describe('seatSocketUrl', () => {
  it('uses ws for http and wss for https, on the same host and port', () => {
    expect(seatSocketUrl('http://127.0.0.1:7499', 'abc')).toBe('ws://127.0.0.1:7499/ws?token=abc');
    expect(seatSocketUrl('https://seat.example.com/', 'abc')).toBe('wss://seat.example.com/ws?token=abc');
  });

  it('escapes the token', () => {
    expect(seatSocketUrl('http://h', 'a+b/c=')).toBe('ws://h/ws?token=a%2Bb%2Fc%3D');
  });
});
