import { describe, expect, it } from 'vitest';
import { replaceToken, slashTokenAt } from './slash-trigger';

describe('slash trigger', () => {
  it('finds a slash at the start of the text or of a line, or after a space', () => {
    expect(slashTokenAt('/gre', 4)).toEqual({ start: 0, end: 4, query: 'gre' });
    expect(slashTokenAt('Hi\n/', 4)).toEqual({ start: 3, end: 4, query: '' });
    expect(slashTokenAt('Hello /问候', 9)).toEqual({ start: 6, end: 9, query: '问候' });
  });

  it('ignores slashes inside words, URLs and dates', () => {
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('see https://x.example/pa', 24)).toBeNull();
    expect(slashTokenAt('12/03', 5)).toBeNull();
  });

  it('ignores a token the caret has moved away from', () => {
    expect(slashTokenAt('/greet and more', 15)).toBeNull();
  });

  it('replaces the token with the inserted text and puts the caret after it', () => {
    const token = slashTokenAt('Hi /gre there', 7);
    expect(token).not.toBeNull();
    expect(replaceToken('Hi /gre there', token!, 'Dear Li')).toEqual({ text: 'Hi Dear Li there', caret: 10 });
  });
});
