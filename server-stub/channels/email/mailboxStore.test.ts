import { SeatError } from '@contract/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoTenant } from '../../interactions/fixture';
import { openEmailFixture, type EmailFixture } from './emailTestFixture';

let f: EmailFixture;
beforeEach(async () => {
  f = await openEmailFixture();
});
afterEach(() => f.dispose());

const base = {
  id: 'box-1',
  address: 'Sales@Demo.Seat.Test',
  displayName: 'Sales',
  queueId: 'demo-queue-general',
};
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof SeatError ? error.code : String(error);
  }
  return 'no error';
};

describe('mailbox store', () => {
  it('seeds the demo mailboxes once, each feeding its queue', () => {
    expect(f.mailboxes.list(demoTenant).map((m) => [m.address, m.queueId])).toEqual([
      ['billing@demo.seat.test', 'demo-queue-billing'],
      ['support@demo.seat.test', 'demo-queue-general'],
    ]);
  });

  it('stores addresses lower-cased and finds them case-insensitively, with defaults filled in', () => {
    f.mailboxes.save(demoTenant, base, 0);
    expect(f.mailboxes.byAddress(' SALES@demo.seat.test ')).toMatchObject({
      address: 'sales@demo.seat.test',
      settings: { imap: null, relay: null, autoAcknowledge: null },
    });
  });

  it('refuses bad settings, an unknown queue and a taken address, changing nothing', () => {
    const before = JSON.stringify(f.mailboxes.list(demoTenant));
    expect(codeOf(() => f.mailboxes.save(demoTenant, { ...base, address: 'not an address' }, 0))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      codeOf(() =>
        f.mailboxes.save(
          demoTenant,
          { ...base, settings: { relay: { host: 'smtp.example.com', port: 0 } } },
          0,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        f.mailboxes.save(
          demoTenant,
          { ...base, settings: { relay: { host: 'smtp.example.com', port: 25, user: 'only-user' } } },
          0,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        f.mailboxes.save(
          demoTenant,
          {
            ...base,
            settings: {
              imap: { host: 'imap.example.com', port: 993, user: 'u', password: 'p', pollIntervalMs: 10 },
            },
          },
          0,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(codeOf(() => f.mailboxes.save(demoTenant, { ...base, queueId: 'no-such-queue' }, 0))).toBe(
      'UNKNOWN_QUEUE',
    );
    expect(
      codeOf(() => f.mailboxes.save(demoTenant, { ...base, address: 'support@demo.seat.test' }, 0)),
    ).toBe('CONFLICT');
    expect(codeOf(() => f.mailboxes.save(demoTenant, { ...base, displayName: 'Evil\r\nBcc: x@y' }, 0))).toBe(
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(f.mailboxes.list(demoTenant))).toBe(before);
  });
});
