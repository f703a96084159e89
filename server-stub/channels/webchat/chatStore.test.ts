import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeededStore } from '../../testing/seededStore';
import { createChatStore, type ChatStore } from './chatStore';

let seeded: Awaited<ReturnType<typeof createSeededStore>>;
let chats: ChatStore;

beforeEach(async () => {
  seeded = await createSeededStore(() => Date.parse('2026-03-02T09:00:00Z'));
  chats = createChatStore(seeded.store.sqlite);
  chats.create({
    id: 'chat-one',
    tenantId: 'tenant-demo',
    interactionId: 'i-1',
    customerId: null,
    name: 'Mia',
    contact: 'mia@example.com',
    topic: 'demo-queue-general',
    queueId: 'demo-queue-general',
    keySha256: 'x',
    emailTranscript: false,
    createdAt: 1,
  });
});
afterEach(async () => seeded.dispose());

const say = (author: 'customer' | 'agent', text: string, clientId: string | null) =>
  chats.append({
    chatId: 'chat-one',
    author,
    agentId: null,
    authorName: null,
    text,
    attachmentId: null,
    clientId,
    at: 2,
  });

describe('chat store', () => {
  it('numbers messages in order and stores a resend with the same client id once', () => {
    expect(say('customer', 'a', 'c1').message.seq).toBe(1);
    expect(say('agent', 'b', 'c1').message.seq).toBe(2);
    const again = say('customer', 'a', 'c1');
    expect(again).toMatchObject({ duplicate: true, message: { seq: 1 } });
    expect(chats.messages('chat-one').map((m) => m.text)).toEqual(['a', 'b']);
    expect(chats.messages('chat-one', 1).map((m) => m.seq)).toEqual([2]);
  });

  it('moves receipt marks forward only, never past the last message, and keeps them once the chat ends', () => {
    say('customer', 'a', 'c1');
    say('customer', 'b', 'c2');
    expect(chats.mark('chat-one', 'agent_delivered', 9)).toBe(2);
    expect(chats.mark('chat-one', 'agent_delivered', 1)).toBe(2);
    expect(chats.chat('chat-one')?.agentDeliveredSeq).toBe(2);
    chats.end('chat-one', 'customer', 3);
    const reopened = createChatStore(seeded.store.sqlite);
    expect(reopened.chat('chat-one')).toMatchObject({
      agentDeliveredSeq: 2,
      state: 'ended',
      endedBy: 'customer',
    });
  });

  it('lists only chats that have not ended', () => {
    expect(chats.openChats('tenant-demo').map((c) => c.id)).toEqual(['chat-one']);
    chats.end('chat-one', 'agent', 5);
    expect(chats.openChats('tenant-demo')).toEqual([]);
  });

  it('finds the one customer with a contact point, ignoring case and spaces', () => {
    const row = seeded.store.sqlite
      .prepare("SELECT customer_id AS id, value FROM customer_contact_points WHERE kind = 'email' LIMIT 1")
      .get() as { id: string; value: string };
    expect(chats.customerByContact('tenant-demo', `  ${row.value.toUpperCase()} `)).toBe(row.id);
    expect(chats.customerByContact('tenant-demo', 'nobody@nowhere.example')).toBeNull();
  });

  it('records the agents who served the chat once each, in order', () => {
    chats.addAgent('chat-one', 'a1');
    chats.addAgent('chat-one', 'a2');
    chats.addAgent('chat-one', 'a1');
    expect(chats.chat('chat-one')?.agentIds).toEqual(['a1', 'a2']);
  });
});
