import { describe, expect, it } from 'vitest';
import { firstLine, firstLines } from './contactText';

describe('contact texts', () => {
  it('takes the first non-blank line and cuts a long one with an ellipsis', () => {
    expect(firstLine('\n  \n  Hello there \nsecond')).toBe('Hello there');
    expect(firstLine('x'.repeat(300))).toHaveLength(200);
    expect(firstLine('x'.repeat(300))?.endsWith('…')).toBe(true);
    expect(firstLine('   \n')).toBeNull();
    expect(firstLine(null)).toBeNull();
  });

  it('previews the first four lines without blank or quoted ones', () => {
    expect(firstLines('a\r\n\r\n> quoted\r\nb\r\nc\r\nd\r\ne')).toBe('a\nb\nc\nd');
    expect(firstLines('')).toBeNull();
  });
});
