import { describe, expect, it } from 'vitest';
import { hasReplaces, replacesOf } from './replaces';

describe('replacesOf', () => {
  it('reads the escaped Replaces header JsSIP writes into Refer-To', () => {
    const referTo = '<sip:agent12@demo?Replaces=abc%40host%3Bto-tag%3Dedge1%3Bfrom-tag%3Dagent1>';
    expect(hasReplaces(referTo)).toBe(true);
    expect(replacesOf(referTo)).toEqual({
      callId: 'abc@host',
      toTag: 'edge1',
      fromTag: 'agent1',
      earlyOnly: false,
    });
  });

  it('accepts the parameters in any order and notices early-only', () => {
    expect(replacesOf('<sip:b@demo?replaces=c1%3Bfrom-tag%3Df%3Bearly-only%3Bto-tag%3Dt>')).toEqual({
      callId: 'c1',
      toTag: 't',
      fromTag: 'f',
      earlyOnly: true,
    });
  });

  it('gives null without both tags, with a broken escape, or with no Replaces at all', () => {
    expect(replacesOf('<sip:b@demo?Replaces=c1%3Bto-tag%3Dt>')).toBeNull();
    expect(replacesOf('<sip:b@demo?Replaces=%E0%A4%A>')).toBeNull();
    expect(replacesOf('<sip:b@demo>')).toBeNull();
    expect(hasReplaces('<sip:b@demo>')).toBe(false);
  });
});
