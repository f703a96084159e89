import { describe, expect, it } from 'vitest';
import { SeatError } from '@contract/errors';
import { targetUri } from './dial-target';

describe('dial targets', () => {
  it('writes queues, agents and numbers as SIP URIs in the domain', () => {
    expect(targetUri({ kind: 'queue', value: 'demo-queue-billing' }, 'demo')).toBe(
      'sip:demo-queue-billing@demo',
    );
    expect(targetUri({ kind: 'agent', value: 'agent11' }, 'demo')).toBe('sip:agent11@demo');
    expect(targetUri({ kind: 'number', value: '+44 (20) 7946-0000' }, 'demo')).toBe('sip:+442079460000@demo');
  });

  it('refuses anything that would change the URI: @, ;, spaces, upper-case queues, letters in numbers', () => {
    for (const target of [
      { kind: 'agent', value: 'bob@evil' },
      { kind: 'agent', value: 'bob;transport=tcp' },
      { kind: 'queue', value: 'Billing' },
      { kind: 'number', value: '0800-CALL-NOW' },
      { kind: 'number', value: '' },
    ] as const) {
      expect(() => targetUri(target, 'demo'), JSON.stringify(target)).toThrow(SeatError);
    }
  });
});
