import { describe, expect, it } from 'vitest';
import type { EmailAddress } from '@contract/email';
import { computedRecipients, invalidAddresses, prefixedSubject, splitAddresses } from './recipients';

const a = (address: string, name = ''): EmailAddress => ({ address, name });
const inbound = {
  direction: 'inbound' as const,
  from: a('jie.chen@example.cn', '陈杰'),
  replyTo: null,
  to: [a('Support@demo.seat.test'), a('boss@example.cn')],
  cc: [a('colleague@example.cn'), a('JIE.CHEN@example.cn')],
};

describe('computedRecipients', () => {
  it('answers the sender on reply', () => {
    expect(computedRecipients(inbound, 'reply', 'support@demo.seat.test')).toEqual({
      to: [a('jie.chen@example.cn', '陈杰')],
      cc: [],
    });
  });

  it('answers Reply-To instead of From when given', () => {
    const withReplyTo = { ...inbound, replyTo: a('tickets@example.cn') };
    expect(computedRecipients(withReplyTo, 'reply', 'support@demo.seat.test').to).toEqual([
      a('tickets@example.cn'),
    ]);
  });

  it('copies everyone else on reply-all, without our mailbox or duplicates in any case', () => {
    expect(computedRecipients(inbound, 'replyAll', 'support@demo.seat.test').cc).toEqual([
      a('boss@example.cn'),
      a('colleague@example.cn'),
    ]);
  });

  it('answers the recipients of our own outbound message again', () => {
    const outbound = {
      ...inbound,
      direction: 'outbound' as const,
      from: a('support@demo.seat.test'),
      to: [a('c@example.com')],
      cc: [],
    };
    expect(computedRecipients(outbound, 'reply', 'support@demo.seat.test').to).toEqual([a('c@example.com')]);
  });

  it('leaves every recipient of a forward to the agent', () => {
    expect(computedRecipients(inbound, 'forward', 'support@demo.seat.test')).toEqual({ to: [], cc: [] });
  });
});

describe('typed addresses', () => {
  it('splits on commas, semicolons and spaces and finds the invalid ones', () => {
    const entries = splitAddresses(' a@example.com, b@example.cn;\nnot-an-address  "x"@y ');
    expect(entries).toEqual(['a@example.com', 'b@example.cn', 'not-an-address', '"x"@y']);
    expect(invalidAddresses(entries)).toEqual(['not-an-address', '"x"@y']);
  });
});

describe('prefixedSubject', () => {
  it('adds Re: or Fwd: once', () => {
    expect(prefixedSubject('reply', '发票问题')).toBe('Re: 发票问题');
    expect(prefixedSubject('replyAll', 'RE: x')).toBe('RE: x');
    expect(prefixedSubject('forward', 'Fw: x')).toBe('Fw: x');
    expect(prefixedSubject('forward', 'x')).toBe('Fwd: x');
  });
});
