import type { ContactEntry } from '@contract/http/contacts';
import type { Customer } from '@contract/http/customers';
import type { Interaction } from '@contract/routing';
import type { ChatTranscript } from '@contract/webchat';

// Test data of the customer view, shaped as the server sends it.

/** A customer; fields given override the defaults. */
export const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'cust-1',
  name: '王芳',
  tier: 'gold',
  accountManager: null,
  blacklist: 'none',
  consent: { marketing: false, recording: true },
  notes: 'Prefers e-mail',
  contactPoints: [
    { id: 'cp1', kind: 'phone', value: '+86 10 5555 0101' },
    { id: 'cp2', kind: 'email', value: 'fang.wang@example.cn' },
  ],
  ...over,
});

/** A history entry of a channel; fields given override the defaults. */
export const entry = (channel: ContactEntry['channel'], over: Partial<ContactEntry> = {}): ContactEntry => ({
  channel,
  id: `${channel}-1`,
  interactionId: `i-${channel}`,
  direction: 'inbound',
  from: 'fang.wang@example.cn',
  to: 'support@demo.seat.test',
  customerId: 'cust-1',
  callerAgentId: null,
  agentIds: ['a1'],
  queueId: 'q',
  startedAt: '2026-03-02T09:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  endReason: null,
  disposition: null,
  summary: null,
  preview: null,
  ...over,
});

/** A stored chat with two lines. */
export const transcript = (over: Partial<ChatTranscript> = {}): ChatTranscript => ({
  chatId: 'im-1',
  interactionId: 'i-im',
  customerId: 'cust-1',
  name: 'Fang',
  contact: 'fang.wang@example.cn',
  topic: 'billing',
  queueId: 'q',
  state: 'ended',
  startedAt: '2026-03-02T09:00:00.000Z',
  endedAt: '2026-03-02T09:05:00.000Z',
  agentIds: ['a1'],
  messages: [
    {
      seq: 1,
      author: 'customer',
      agentId: null,
      authorName: 'Fang',
      text: 'My invoice is wrong',
      attachment: null,
      clientId: 'c1',
      sentAt: '2026-03-02T09:00:10.000Z',
    },
    {
      seq: 2,
      author: 'agent',
      agentId: 'a1',
      authorName: 'Ana Agent',
      text: 'I have corrected it',
      attachment: null,
      clientId: 'a1',
      sentAt: '2026-03-02T09:01:00.000Z',
    },
  ],
  ...over,
});

/** An interaction as the seat socket sends it. */
export const interaction = (over: Partial<Interaction> = {}): Interaction => ({
  id: 'i1',
  channel: 'im',
  queueId: 'q',
  customerId: 'cust-1',
  state: 'active',
  agentId: 'a1',
  attached: {},
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
  ...over,
});
