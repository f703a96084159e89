import { describe, expect, it } from 'vitest';
import { parseClientFrame } from './frames';

const codeOf = (text: string | null) => {
  const parsed = parseClientFrame(text);
  return parsed.ok ? parsed.message.type : `${parsed.error.code}:${parsed.id}`;
};

describe('client frame parsing', () => {
  it('accepts the frames of the contract', () => {
    expect(codeOf('{"type":"ping","id":"1"}')).toBe('ping');
    expect(codeOf('{"type":"agent.setState","id":"2","state":"not_ready","reason":"break"}')).toBe(
      'agent.setState',
    );
  });

  it('refuses malformed JSON and binary frames with BAD_JSON and no id', () => {
    expect(codeOf('{"type":')).toBe('BAD_JSON:null');
    expect(codeOf(null)).toBe('BAD_JSON:null');
  });

  it('refuses an unknown type with UNKNOWN_MESSAGE and echoes the request id', () => {
    expect(codeOf('{"type":"agent.fly","id":"7"}')).toBe('UNKNOWN_MESSAGE:7');
    expect(codeOf('{"id":"8"}')).toBe('UNKNOWN_MESSAGE:8');
  });

  it('refuses wrong fields, unknown fields and non-objects with VALIDATION_FAILED', () => {
    expect(codeOf('{"type":"agent.setState","id":"3","state":"sleeping"}')).toBe('VALIDATION_FAILED:3');
    expect(codeOf('{"type":"ping","id":"4","extra":true}')).toBe('VALIDATION_FAILED:4');
    expect(codeOf('[1,2]')).toBe('VALIDATION_FAILED:null');
    expect(codeOf('"ping"')).toBe('VALIDATION_FAILED:null');
  });

  it('does not echo an id that is not a short string', () => {
    expect(codeOf(JSON.stringify({ type: 'nope', id: 'x'.repeat(65) }))).toBe('UNKNOWN_MESSAGE:null');
    expect(codeOf('{"type":"nope","id":5}')).toBe('UNKNOWN_MESSAGE:null');
  });
});
