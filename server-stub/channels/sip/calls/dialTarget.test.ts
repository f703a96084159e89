import { describe, expect, it } from 'vitest';
import type { SipAccount } from '../directory';
import { dialledNumber, dialTarget } from './dialTarget';

const account = (username: string, agentId: string | null): SipAccount => ({
  userId: `u-${username}`,
  username,
  agentId,
  ha1Md5: null,
  ha1Sha256: null,
  realm: 'demo',
});
const directory = {
  queueByUser: (_t: string, user: string) =>
    user === 'billing' ? { id: 'q-billing', name: 'Billing' } : null,
  account: (_t: string, user: string) =>
    user === 'agent02' ? account('agent02', 'a-02') : user === 'admin' ? account('admin', null) : null,
};

describe('dialTarget', () => {
  it('names a queue before a user of the same tenant', () => {
    expect(dialTarget(directory, 't', 'billing', 'agent01')).toEqual({
      kind: 'queue',
      queue: { id: 'q-billing', name: 'Billing' },
    });
  });

  it('names another agent by username, and refuses the caller itself', () => {
    expect(dialTarget(directory, 't', 'agent02', 'agent01')).toEqual({
      kind: 'agent',
      username: 'agent02',
      agentId: 'a-02',
    });
    expect(dialTarget(directory, 't', 'agent02', 'agent02')).toEqual({ kind: 'self' });
  });

  it('treats a user without an agent as unknown and a telephone number as a number', () => {
    expect(dialTarget(directory, 't', 'admin', 'agent01')).toEqual({ kind: 'unknown' });
    expect(dialTarget(directory, 't', '+44%20207-946-0000', 'agent01')).toEqual({
      kind: 'number',
      number: '+442079460000',
    });
    expect(dialTarget(directory, 't', 'nobody', 'agent01')).toEqual({ kind: 'unknown' });
  });
});

describe('dialledNumber', () => {
  it('accepts digits, a leading plus and keypad symbols, and nothing else', () => {
    expect(dialledNumber('*21#')).toBe('*21#');
    expect(dialledNumber('12+3')).toBeNull();
    expect(dialledNumber('1')).toBeNull();
    expect(dialledNumber('%zz')).toBeNull();
  });
});
