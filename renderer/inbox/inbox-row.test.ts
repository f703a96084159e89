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
};

describe('inbox row', () => {
  it('takes customer, the first line of the subject, priority and SLA from attached data', () => {
    const row = toInboxRow(
      {
        ...base,
        attached: {
          customerName: 'Ada Li',
          subject: 'Refund\nplease',
          priority: 3,
          slaDueAt: '2026-01-01T11:00:00.000Z',
        },
      },
      { expiresAt: '2026-01-01T10:00:30.000Z', unread: true },
    );
    expect(row).toMatchObject({
      customer: 'Ada Li',
      subject: 'Refund',
      priority: 3,
      slaDueAt: '2026-01-01T11:00:00.000Z',
      expiresAt: '2026-01-01T10:00:30.000Z',
      unread: true,
    });
  });

  it('falls back to the customer id and ignores attached values of the wrong type', () => {
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

  it('keeps no expiry or unread mark once the work is no longer an offer', () => {
    const row = toInboxRow(
      { ...base, state: 'active' },
      { expiresAt: '2026-01-01T10:00:30.000Z', unread: true },
    );
    expect(row).toMatchObject({ expiresAt: null, unread: false });
  });
});
