import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../testing/testServer';
import { header } from '../message/sipMessage';
import { answer, finalOf, registerAgent, requestOf, sdpOffer, uacDialog } from '../testing/sipScenario';
import { connectSip, sipRequest, type SipTestClient } from '../testing/sipTestClient';

// Contact records over HTTP: written by the edge for a real call, completed by the wrap-up's
// disposition, read back per customer and per tenant with roles and validation.

const tenant = 'tenant-demo';
let env: Awaited<ReturnType<typeof startTestServer>>;
let url: string;
const clients: SipTestClient[] = [];

beforeEach(async () => {
  env = await startTestServer({ port: 0 });
  const address = await env.server.listen();
  url = `ws://127.0.0.1:${address.port}/sip`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await env.dispose();
});

const get = async (path: string, username: string) =>
  env.server.app.inject({
    method: 'GET',
    url: path,
    headers: { authorization: `Bearer ${await env.login(username)}` },
  });

/** A known customer (by phone) calls General, agent01 answers, the customer hangs up, agent01 wraps up. */
async function recordedCall() {
  const customer = env.server.store.sqlite
    .prepare(
      "SELECT customer_id AS id, value FROM customer_contact_points WHERE tenant_id = ? AND kind = 'phone' LIMIT 1",
    )
    .get(tenant) as { id: string; value: string };
  const agentId = 'demo-agent-agent01';
  env.server.routing.service.setAgentState(tenant, agentId, 'ready', null, agentId);
  const agent = await connectSip(url);
  const caller = await connectSip(url);
  clients.push(agent, caller);
  await registerAgent(agent, 'agent01');
  caller.sendRaw(
    sipRequest('INVITE', 'sip:general@demo', {
      from: `<sip:${customer.value}@demo>;tag=k1`,
      to: '<sip:general@demo>',
      callId: 'rec-1',
      cseq: 1,
      extra: ['Contact: <sip:caller@client.invalid;transport=ws>'],
      body: sdpOffer,
    }),
  );
  const offer = await requestOf(agent, 'INVITE');
  expect(header(offer, 'X-Seat-Customer-Id')).toBe(customer.id);
  const interactionId = header(offer, 'X-Seat-Interaction-Id') as string;
  env.clock.now += 3000;
  answer(agent, offer, 'r1');
  const ok = await finalOf(caller, 'rec-1');
  env.clock.now += 60_000;
  caller.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 2 }));
  await finalOf(caller, 'rec-1', 'BYE');
  env.server.routing.service.wrapup(tenant, interactionId, agentId, 'resolved');
  // The disposition reaches the record through the router's update frame, one microtask later.
  for (let i = 0; i < 50 && !(await recordOf(interactionId))?.disposition; i++)
    await new Promise((r) => setTimeout(r, 10));
  return { customerId: customer.id, interactionId, agentId };
}
const recordOf = async (interactionId: string) =>
  env.server.store.sqlite
    .prepare('SELECT disposition FROM call_records WHERE interaction_id = ?')
    .get(interactionId) as { disposition: string | null } | undefined;

describe('call record routes', () => {
  it("lists a customer's call with its times, parties, agent and disposition", async () => {
    const { customerId, interactionId, agentId } = await recordedCall();
    const reply = await get(`/api/customers/${customerId}/contacts`, 'agent02');
    expect(reply.statusCode).toBe(200);
    // The call is one entry of the customer's history across channels, with every call record field.
    const [call] = (reply.json() as { contacts: Array<Record<string, unknown>> }).contacts;
    expect(call).toMatchObject({
      channel: 'voice',
      interactionId,
      direction: 'inbound',
      to: 'sip:general@demo',
      customerId,
      agentIds: [agentId],
      queueId: 'demo-queue-general',
      startedAt: '2026-03-02T09:00:00.000Z',
      answeredAt: '2026-03-02T09:00:03.000Z',
      endedAt: '2026-03-02T09:01:03.000Z',
      endReason: 'caller_hangup',
      disposition: 'resolved',
    });
  });

  it('lets leads filter the tenant calls and keeps agents out', async () => {
    const { interactionId, agentId } = await recordedCall();
    const byAgent = await get(`/api/calls?agentId=${agentId}&direction=inbound`, 'lead01');
    expect(byAgent.statusCode).toBe(200);
    expect(
      (byAgent.json() as { calls: Array<{ interactionId: string }> }).calls.map((c) => c.interactionId),
    ).toEqual([interactionId]);
    const later = await get('/api/calls?since=2026-03-02T10:00:00Z', 'admin');
    expect((later.json() as { calls: unknown[] }).calls).toEqual([]);
    expect((await get('/api/calls', 'agent01')).statusCode).toBe(403);
  });

  it('answers bad filters with 400 and an unknown customer with 404', async () => {
    expect((await get('/api/calls?direction=sideways', 'lead01')).statusCode).toBe(400);
    expect((await get('/api/calls?limit=100000', 'lead01')).statusCode).toBe(400);
    expect((await get('/api/calls?colour=red', 'lead01')).statusCode).toBe(400);
    expect((await get('/api/customers/no-such-customer/contacts', 'agent01')).statusCode).toBe(404);
  });
});
