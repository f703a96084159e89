import { describe, expect, it } from 'vitest';
import { maxWebchatFrameBytes } from '@contract/webchat';
import { parseWebchatFrame } from './customerSocket';

const parse = (value: unknown) =>
  parseWebchatFrame(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
const codeOf = (result: ReturnType<typeof parseWebchatFrame>) => (result.ok ? null : result.error.code);

describe('customer chat frames', () => {
  it('reads a message frame', () => {
    expect(parse({ type: 'message', clientId: 'c1', text: 'hello' })).toEqual({
      ok: true,
      frame: { type: 'message', clientId: 'c1', text: 'hello' },
    });
  });

  it('answers malformed JSON, unknown types and stray fields with their own codes', () => {
    expect(codeOf(parse('{not json'))).toBe('BAD_JSON');
    expect(codeOf(parse({ type: 'chat.accept' }))).toBe('UNKNOWN_MESSAGE');
    expect(codeOf(parse({ type: 'join', token: 'abc', agentId: 'me' }))).toBe('VALIDATION_FAILED');
  });

  it('refuses a message over the length limit as too long', () => {
    expect(codeOf(parse({ type: 'message', clientId: 'c1', text: 'x'.repeat(2001) }))).toBe(
      'MESSAGE_TOO_LONG',
    );
  });

  it('refuses a frame over the frame size limit before parsing it', () => {
    expect(codeOf(parseWebchatFrame(Buffer.alloc(maxWebchatFrameBytes + 1, 0x20)))).toBe('MESSAGE_TOO_LONG');
  });

  it('names the refused message by its client id, also when the frame is over the size limit', () => {
    expect(parse({ type: 'message', clientId: 'c7', text: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      clientId: 'c7',
    });
    expect(parse({ type: 'message', clientId: 'c8', text: 'x'.repeat(maxWebchatFrameBytes) })).toMatchObject({
      ok: false,
      clientId: 'c8',
      error: { code: 'MESSAGE_TOO_LONG' },
    });
    expect(parse({ type: 'message', clientId: '<bad>', text: 'x'.repeat(2001) })).not.toHaveProperty(
      'clientId',
    );
    expect(parse({ type: 'typing', active: 'yes', clientId: 'c9' })).not.toHaveProperty('clientId');
  });

  it('refuses a join token with characters no issued token has', () => {
    expect(codeOf(parse({ type: 'join', token: '<script>' }))).toBe('VALIDATION_FAILED');
  });
});
