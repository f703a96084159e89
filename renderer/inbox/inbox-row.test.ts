import { describe, expect, it } from 'vitest';
import type { Interaction } from '@contract/routing';
import { toInboxRow } from './inbox-row';

const base: Interaction = {
  id: 'i1',
  channel: 'email',
  queueId: 'q1',
  customerId: 'cust-1',
  state: 'offered',
  agentId: 'a1',
  attached: {},
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:05.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
};

describe('inbox row', () => {
  it('takes customer and the first line of the subject from attached data, priority and SLA from the interaction', () => {
    const row = toInboxRow(
      {
        ...base,
        attached: { customerName: 'Ada Li', subject: 'Refund\nplease' },
        priority: 600,
        slaDueAt: '2026-01-01T11:00:00.000Z',
      },
      { expiresAt: '2026-01-01T10:00:30.000Z', unread: true },
    );
    expect(row).toMatchObject({
      customer: 'Ada Li',
      subject: 'Refund',
      priority: 600,
      slaDueAt: '2026-01-01T11:00:00.000Z',
      expiresAt: '2026-01-01T10:00:30.000Z',
      unread: true,
    });
  });

  it('falls back to the customer id and ignores attached values of the wrong type or that no channel owns', () => {
    const row = toInboxRow({ ...base, attached: { customerName: 42, priority: 'high', slaDueAt: 'soon' } });
    expect(row).toMatchObject({
      customer: 'cust-1',
      subject: '',
      priority: null,
      slaDueAt: null,
      unread: false,
    });
  });

  it('reads the customer and topic a web chat keeps under its webchat key', () => {
    const row = toInboxRow({
      ...base,
      attached: { webchat: { chatId: 'c1', name: 'Li Na', contact: 'li@x.test', topic: 'Billing' } },
    });
    expect([row.customer, row.subject]).toEqual(['Li Na', 'Billing']);
  });

  it('shows the sender and subject the e-mail channel keeps under its email key', () => {
    // The shape server-stub/channels/email/threadRouting.ts attaches to a routed e-mail.
    const email = {
      threadId: 't1',
      mailboxId: 'm1',
      mailbox: 'support@seat.test',
      messageRowId: 'r1',
      from: 'ada@example.test',
      fromName: 'Ada Lovelace',
      subject: 'Invoice 42 is wrong',
      preview: 'Hello, the amount on my invoice',
      attachments: 0,
    };
    const row = toInboxRow({ ...base, customerId: null, attached: { email } });
    expect([row.customer, row.subject]).toEqual(['Ada Lovelace', 'Invoice 42 is wrong']);
    const unnamed = toInboxRow({ ...base, attached: { email: { ...email, fromName: null, subject: '' } } });
    expect([unnamed.customer, unnamed.subject]).toEqual([
      'ada@example.test',
      'Hello, the amount on my invoice',
    ]);
  });

  it("shows a caller's display name, else the number of the SIP From URI", () => {
    // The shape the SIP edge (server-stub/channels/sip/calls/callManager.ts) attaches to a call.
    const sip = { from: 'sip:+493012345@seat.test', displayName: 'Grace Hopper', callId: 'c1' };
    const named = toInboxRow({ ...base, channel: 'voice', customerId: null, attached: { sip } });
    expect(named.customer).toBe('Grace Hopper');
    const anonymous = toInboxRow({
      ...base,
      channel: 'voice',
      customerId: null,
      attached: { sip: { ...sip, displayName: null } },
    });
    expect([anonymous.customer, anonymous.subject]).toEqual(['+493012345', '']);
  });

  it('keeps no expiry or unread mark once the work is no longer an offer', () => {
    const row = toInboxRow(
      { ...base, state: 'active' },
      { expiresAt: '2026-01-01T10:00:30.000Z', unread: true },
    );
    expect(row).toMatchObject({ expiresAt: null, unread: false });
  });
});
