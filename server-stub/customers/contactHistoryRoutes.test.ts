import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactEntry, CustomerContactsResponse } from '@contract/http/contacts';
import { createCallRecordStore } from '../channels/sip/records/callRecordStore';
import { rawMessage } from '../channels/email/emailTestFixture';
import { startTestServer } from '../testing/testServer';

// The customer's history over HTTP against the real store: a call as the SIP edge records it, a web
// chat started from the pre-chat form with what was said, an e-mail received by a mailbox; merged
// newest first, paged with a cursor, kept inside the caller's tenant.

const tenant = 'tenant-demo';
const agentId = 'demo-agent-agent01';
let env: Awaited<ReturnType<typeof startTestServer>>;

beforeEach(async () => {
  env = await startTestServer();
});
afterEach(async () => {
  await env.dispose();
});

const get = async (path: string, username: string) =>
  env.server.app.inject({
    method: 'GET',
    url: path,
    headers: { authorization: `Bearer ${await env.login(username)}` },
  });

/** A demo customer with an e-mail contact point that belongs to nobody else. */
function customerWithEmail(): { id: string; email: string } {
  const rows = env.server.store.sqlite
    .prepare(
      `SELECT p.customer_id AS id, p.value AS email FROM customer_contact_points p
       WHERE p.tenant_id = ? AND p.kind = 'email'
         AND (SELECT COUNT(DISTINCT q.customer_id) FROM customer_contact_points q
              WHERE q.tenant_id = p.tenant_id AND lower(q.value) = lower(p.value)) = 1
       ORDER BY p.customer_id LIMIT 1`,
    )
    .all(tenant) as Array<{ id: string; email: string }>;
  if (!rows[0]) throw new Error('the demo seed has no customer with an e-mail');
  return rows[0];
}

/** A call, then (a minute later) a chat wrapped up as resolved, then an e-mail. */
async function threeContacts() {
  const customer = customerWithEmail();
  const calls = createCallRecordStore(env.server.store.sqlite, () => env.clock.now);
  calls.started({
    id: 'call-1',
    tenantId: tenant,
    interactionId: null,
    direction: 'inbound',
    from: 'sip:+4930111@demo',
    to: 'sip:general@demo',
    customerId: customer.id,
    callerAgentId: null,
    queueId: 'demo-queue-general',
  });
  env.clock.now += 5_000;
  calls.answered('call-1');
  env.clock.now += 55_000;
  calls.ended('call-1', 'caller_hangup');

  const started = await env.server.app.inject({
    method: 'POST',
    url: '/webchat/chats',
    payload: { tenantId: tenant, name: 'Mia', contact: customer.email, topic: 'demo-queue-general' },
  });
  expect(started.statusCode).toBe(201);
  const { chatId, interactionId } = started.json() as { chatId: string; interactionId: string };
  const chats = env.server.webchat.chats;
  chats.append({
    chatId,
    author: 'customer',
    agentId: null,
    authorName: 'Mia',
    text: '\nMy invoice is wrong\nIt shows March twice',
    attachmentId: null,
    clientId: 'c1',
    at: env.clock.now,
  });
  const routing = env.server.routing.service;
  routing.setAgentState(tenant, agentId, 'ready', null, agentId);
  routing.accept(tenant, interactionId, agentId);
  env.clock.now += 10_000;
  chats.append({
    chatId,
    author: 'agent',
    agentId,
    authorName: 'Agent 01',
    text: 'Let me look',
    attachmentId: null,
    clientId: 'a1',
    at: env.clock.now,
  });
  routing.end(tenant, interactionId, agentId);
  routing.wrapup(tenant, interactionId, agentId, 'resolved');

  env.clock.now += 60_000;
  const [mailbox] = env.server.email.mailboxes.list(tenant);
  if (!mailbox) throw new Error('no demo mailbox');
  await env.server.email.ingest.ingest(
    rawMessage(
      { From: `Mia <${customer.email}>`, To: mailbox.address, Subject: 'Refund please' },
      'Hello,\r\n\r\nplease refund order 42.\r\n> quoted old text\r\nThanks\r\nMia\r\nP.S. nothing\r\n',
    ),
    [mailbox],
    'smtp',
  );
  return { customer, chatId, interactionId, mailbox };
}

const contactsOf = async (customerId: string, query = '', username = 'agent02') => {
  const reply = await get(`/api/customers/${customerId}/contacts${query}`, username);
  expect(reply.statusCode).toBe(200);
  return reply.json() as CustomerContactsResponse;
};

describe('customer contact history', () => {
  it('lists calls, chats and e-mail threads of the customer newest first with their details', async () => {
    const { customer, chatId, interactionId, mailbox } = await threeContacts();
    const { contacts, nextCursor } = await contactsOf(customer.id);
    expect(nextCursor).toBeNull();
    expect(contacts.map((c) => c.channel)).toEqual(['email', 'im', 'voice']);
    const [email, chat, call] = contacts as [ContactEntry, ContactEntry, ContactEntry];
    expect(email).toMatchObject({
      direction: 'inbound',
      from: customer.email,
      to: mailbox.address,
      customerId: customer.id,
      startedAt: '2026-03-02T09:02:10.000Z',
      answeredAt: null,
      summary: 'Refund please',
      preview: 'Hello,\nplease refund order 42.\nThanks\nMia',
    });
    expect(chat).toMatchObject({
      id: chatId,
      interactionId,
      direction: 'inbound',
      from: customer.email,
      agentIds: [agentId],
      startedAt: '2026-03-02T09:01:00.000Z',
      answeredAt: '2026-03-02T09:01:10.000Z',
      disposition: 'resolved',
      summary: 'My invoice is wrong',
      preview: null,
    });
    expect(chat.endedAt).not.toBeNull();
    expect(call).toMatchObject({
      id: 'call-1',
      direction: 'inbound',
      from: 'sip:+4930111@demo',
      startedAt: '2026-03-02T09:00:00.000Z',
      answeredAt: '2026-03-02T09:00:05.000Z',
      endedAt: '2026-03-02T09:01:00.000Z',
      endReason: 'caller_hangup',
      summary: null,
    });
  });

  it('pages with the cursor without repeating or skipping an entry', async () => {
    const { customer } = await threeContacts();
    const first = await contactsOf(customer.id, '?limit=2');
    expect(first.contacts.map((c) => c.channel)).toEqual(['email', 'im']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await contactsOf(customer.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.contacts.map((c) => c.channel)).toEqual(['voice']);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps entries that start at the same instant apart by channel and id across pages', async () => {
    const { id } = customerWithEmail();
    const calls = createCallRecordStore(env.server.store.sqlite, () => env.clock.now);
    for (const callId of ['call-a', 'call-b', 'call-c'])
      calls.started({
        id: callId,
        tenantId: tenant,
        interactionId: null,
        direction: 'inbound',
        from: 'sip:x@demo',
        to: 'sip:general@demo',
        customerId: id,
        callerAgentId: null,
        queueId: null,
      });
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 4; page++) {
      const reply = await contactsOf(id, `?limit=1${cursor}`);
      seen.push(...reply.contacts.map((c) => c.id));
      if (!reply.nextCursor) break;
      cursor = `&cursor=${reply.nextCursor}`;
    }
    expect(seen).toEqual(['call-c', 'call-b', 'call-a']);
  });

  it("never shows another tenant's rows, even ones naming the same customer id", async () => {
    const { id } = customerWithEmail();
    const sqlite = env.server.store.sqlite;
    sqlite
      .prepare(
        "INSERT INTO tenants (id, slug, name, created_at) VALUES ('tenant-other', 'other', 'Other', ?)",
      )
      .run('2026-03-01T00:00:00Z');
    sqlite
      .prepare(
        "INSERT INTO customers (id, tenant_id, name, tier, notes, created_at) VALUES ('other-customer', 'tenant-other', 'Olga', 'normal', '', ?)",
      )
      .run('2026-03-01T00:00:00Z');
    const calls = createCallRecordStore(sqlite, () => env.clock.now);
    for (const customerId of [id, 'other-customer'])
      calls.started({
        id: `foreign-${customerId}`,
        tenantId: 'tenant-other',
        interactionId: null,
        direction: 'inbound',
        from: 'sip:x@other',
        to: 'sip:general@other',
        customerId,
        callerAgentId: null,
        queueId: null,
      });
    expect((await contactsOf(id)).contacts).toEqual([]);
    expect((await get('/api/customers/other-customer/contacts', 'lead01')).statusCode).toBe(404);
  });

  it('answers a bad query with 400, an unknown customer with 404 and no session with 401', async () => {
    const { id } = customerWithEmail();
    for (const query of ['?limit=0', '?limit=501', '?colour=red', '?cursor=not%20base64', '?cursor=e30'])
      expect((await get(`/api/customers/${id}/contacts${query}`, 'agent01')).statusCode, query).toBe(400);
    expect((await get('/api/customers/no-such-customer/contacts', 'agent01')).statusCode).toBe(404);
    const anonymous = await env.server.app.inject({ method: 'GET', url: `/api/customers/${id}/contacts` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("finds a customer's e-mail threads through an index, not by reading every thread", () => {
    const plan = env.server.store.sqlite
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM email_threads WHERE tenant_id = ? AND customer_id = ? ORDER BY created_at DESC LIMIT 5',
      )
      .all(tenant, 'c') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /USING INDEX email_threads_customer \(tenant_id=\? AND customer_id=\?\)/,
    );
  });
});
