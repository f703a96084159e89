import { describe, expect, it } from 'vitest';
import { parseSipUri } from './parse';
import { uriText } from './serialize';

describe('uriText', () => {
  it('escapes a user part the grammar unescaped, so the URI parses back to the same user', () => {
    const uri = parseSipUri('sip:+44%20207%20946@demo;transport=ws');
    expect(uri?.user).toBe('+44 207 946');
    const text = uriText(uri!);
    expect(text).toBe('sip:+44%20207%20946@demo;transport=ws');
    expect(parseSipUri(text)?.user).toBe('+44 207 946');
  });

  it('leaves the characters a user part may carry as they are', () => {
    expect(uriText(parseSipUri("sip:a.b-c_d!~*'()&=+$,;?/x@demo")!)).toBe("sip:a.b-c_d!~*'()&=+$,;?/x@demo");
  });
});
