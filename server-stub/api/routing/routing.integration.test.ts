import { createInteractionResponseSchema, type Interaction } from '@contract/routing';
import { wallboardSnapshotSchema } from '@contract/wallboard';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/password';
import { testScrypt } from '../../testing/seededStore';
import { startTestServer } from '../../testing/testServer';
import { connectSeat, type TestSeat } from './testClient';

// Agents connect over real WebSockets on loopback, work arrives over HTTP, and each frame must reach
// exactly the seats it concerns. The server runs on the real clock so offer timeouts really fire.

const general = 'demo-queue-general';
const billing = 'demo-queue-billing';
const agentId = (n: number) => `demo-agent-agent${String(n).padStart(2, '0')}`;

let t: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
let admin: string;
const seats: TestSeat[] = [];

beforeEach(async () => {
  t = await startTestServer({ port: 0, now: () => Date.now(), wallboardIntervalMs: 50 });
  const { port } = await t.server.listen();
  base = `ws://127.0.0.1:${port}/ws`;
  admin = await t.login('admin');
});
afterEach(async () => {
  for (const s of seats.splice(0)) await s.close();
  await t.dispose();
});

const http = async (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  token: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) => {
  const reply = await t.server.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: reply.statusCode, body: reply.body ? (reply.json() as Record<string, unknown>) : {} };
};
const seat = async (username: string) => {
  const s = await connectSeat(base, await t.login(username));
  seats.push(s);
  await s.next('hello');
  return s;
};
const ready = async (s: TestSeat) => s.request({ type: 'agent.setState', state: 'ready' });
const create = async (key: string, body: Record<string, unknown> = {}) => {
  const reply = await http(
    'POST',
    '/api/interactions',
    admin,
    { channel: 'voice', queueId: general, attached: { ivr: ['2', '1'], page: '/bills' }, ...body },
    { 'idempotency-key': key },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return createInteractionResponseSchema.parse(reply.body).interaction;
};
const routingSettings = (queueId: string, body: Record<string, unknown>) =>
  http('PUT', `/api/queues/${queueId}/routing`, admin, body);
const snapshot = async () => (await http('GET', '/api/admin/routing/snapshot', admin)).body;

describe('routing over HTTP and the seat WebSocket', () => {
  it('offers to the longest idle ready agent with the attached data, then accept, end and wrap-up with a disposition', async () => {
    const a1 = await seat('agent01');
    const a2 = await seat('agent02');
    const bystander = await seat('agent03');
    await ready(a1);
    await new Promise((r) => setTimeout(r, 5));
    await ready(a2);
    // Not a call: a seat accepts a call only by answering it on the phone (see the test below).
    const created = await create('create-key-0001', { channel: 'sms' });
    expect(created.state).toBe('offered');

    const offer = await a1.next('interaction.offer');
    expect(offer.interaction).toMatchObject({
      id: created.id,
      queueId: general,
      attached: { ivr: ['2', '1'], page: '/bills' },
    });
    expect(Date.parse(offer.expiresAt)).toBeGreaterThan(Date.now());
    await a1.request({ type: 'interaction.accept', interactionId: created.id });
    expect((await a1.next('interaction.update')).interaction.state).toBe('active');
    expect((await a1.next('agent.state', (m) => m.status.state === 'busy')).status.agentId).toBe(agentId(1));

    await a1.request({ type: 'interaction.end', interactionId: created.id });
    expect((await a1.next('interaction.update')).interaction.state).toBe('wrapup');
    await a1.request({ type: 'interaction.wrapup', interactionId: created.id, disposition: 'resolved' });
    const ended = (await a1.next('interaction.update', (m) => m.interaction.state === 'ended')).interaction;
    expect(ended.disposition).toBe('resolved');
    await a1.next('agent.state', (m) => m.status.state === 'ready');

    const view = await http('GET', `/api/interactions/${created.id}`, admin);
    expect(view.body['interaction']).toMatchObject({
      state: 'ended',
      agentId: agentId(1),
      disposition: 'resolved',
    });
    // Nothing about this interaction reached the other seats.
    for (const other of [a2, bystander]) {
      expect(other.frames.filter((f) => f.type.startsWith('interaction.'))).toEqual([]);
      expect(other.frames.filter((f) => f.type === 'agent.state' && f.status.agentId === agentId(1))).toEqual(
        [],
      );
    }
  });

  it('refuses to accept a call over the seat socket or HTTP: the call is answered on the phone, and the offer still rings', async () => {
    const a1 = await seat('agent01');
    await ready(a1);
    const created = await create('create-key-0016');
    expect(created.channel).toBe('voice');
    await a1.next('interaction.offer');
    const before = await snapshot();
    await expect(a1.request({ type: 'interaction.accept', interactionId: created.id })).rejects.toThrow(
      /ANSWER_ON_PHONE/,
    );
    const overHttp = await http(
      'POST',
      `/api/interactions/${created.id}/accept`,
      await t.login('agent01'),
      {},
    );
    expect(overHttp.status).toBe(409);
    expect(overHttp.body).toMatchObject({
      error: { code: 'ANSWER_ON_PHONE', message: expect.stringMatching(/Answer calls on the phone/) },
    });
    expect(await snapshot()).toEqual(before);
    const view = (await http('GET', `/api/interactions/${created.id}`, admin)).body['interaction'];
    expect(view).toMatchObject({ state: 'offered', agentId: agentId(1) });
    // The offer is still the agent's to decline.
    await a1.request({ type: 'interaction.reject', interactionId: created.id });
  });

  it('moves an unanswered offer to the next agent after the timeout and marks the first one not ready (missed)', async () => {
    expect((await routingSettings(general, { offerTimeoutSeconds: 1 })).status).toBe(204);
    const a1 = await seat('agent04');
    const a2 = await seat('agent05');
    await ready(a1);
    await new Promise((r) => setTimeout(r, 5));
    await ready(a2);
    const created = await create('create-key-0002', { channel: 'sms' });
    await a1.next('interaction.offer');
    expect(await a1.next('interaction.revoked')).toEqual({
      type: 'interaction.revoked',
      interactionId: created.id,
      reason: 'timeout',
    });
    expect((await a1.next('agent.state', (m) => m.status.state === 'not_ready')).status.reason).toBe(
      'missed',
    );
    expect((await a2.next('interaction.offer')).interaction.id).toBe(created.id);
    await expect(a1.request({ type: 'interaction.accept', interactionId: created.id })).rejects.toThrow(
      /CONFLICT|INVALID_TRANSITION|OFFER_EXPIRED/,
    );
    await a2.request({ type: 'interaction.accept', interactionId: created.id });
    expect((await a2.next('interaction.update')).interaction).toMatchObject({
      state: 'active',
      agentId: agentId(5),
    });
  });

  it('gives a rejected offer to the next agent', async () => {
    const a1 = await seat('agent06');
    const a2 = await seat('agent07');
    await ready(a1);
    await new Promise((r) => setTimeout(r, 5));
    await ready(a2);
    const created = await create('create-key-0003');
    await a1.next('interaction.offer');
    await a1.request({ type: 'interaction.reject', interactionId: created.id });
    expect((await a2.next('interaction.offer')).interaction.id).toBe(created.id);
  });

  it('transfers to a queue and then to an agent with the attached data kept', async () => {
    const a1 = await seat('agent08');
    await ready(a1);
    const created = await create('create-key-0004', {
      channel: 'sms',
      attached: { consent: { recording: true }, trail: ['menu', 'billing'] },
    });
    await a1.next('interaction.offer');
    await a1.request({ type: 'interaction.accept', interactionId: created.id });

    // To an agent of the billing queue: pick one who serves it and make them ready.
    const biller = await seat('agent02');
    await ready(biller);
    await a1.request({
      type: 'interaction.transfer',
      interactionId: created.id,
      to: { kind: 'agent', agentId: agentId(2) },
    });
    // The transferring seat is told the work left it.
    let left = await a1.next('interaction.update');
    for (let i = 0; i < 3 && left.interaction.agentId === agentId(8); i++)
      left = await a1.next('interaction.update');
    expect(left.interaction).toMatchObject({ id: created.id, agentId: agentId(2), state: 'offered' });
    const toAgent = await biller.next('interaction.offer');
    expect(toAgent.interaction.attached).toEqual({
      consent: { recording: true },
      trail: ['menu', 'billing'],
    });
    await biller.request({ type: 'interaction.accept', interactionId: created.id });

    const reply = await http('POST', `/api/interactions/${created.id}/transfer`, await t.login('agent02'), {
      to: { kind: 'queue', queueId: billing },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const moved = reply.body['interaction'] as Interaction;
    expect(moved.queueId).toBe(billing);
    expect(moved.attached).toEqual({ consent: { recording: true }, trail: ['menu', 'billing'] });
    expect(['queued', 'offered']).toContain(moved.state);
  });

  it('returns the original interaction for a retried create and refuses a reused key or a missing one', async () => {
    const first = await create('create-key-0005');
    const retry = await http(
      'POST',
      '/api/interactions',
      admin,
      { channel: 'voice', queueId: general, attached: { ivr: ['2', '1'], page: '/bills' } },
      { 'idempotency-key': 'create-key-0005' },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: false, interaction: { id: first.id } });
    const before = await snapshot();
    const reused = await http(
      'POST',
      '/api/interactions',
      admin,
      { channel: 'sms', queueId: general },
      { 'idempotency-key': 'create-key-0005' },
    );
    expect(reused.status).toBe(409);
    const missing = await http('POST', '/api/interactions', admin, { channel: 'sms', queueId: general });
    expect(missing.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const queue = await http('GET', `/api/queues/${general}/live`, admin);
    expect(queue.body['queue']).toMatchObject({ queueId: general, waiting: 1 });
  });

  it('answers bad input with a catalogue code and changes neither the engine nor the log', async () => {
    const agentToken = await t.login('agent09');
    const created = await create('create-key-0006');
    const before = await snapshot();
    const cases: Array<[Promise<{ status: number; body: Record<string, unknown> }>, number]> = [
      [
        http(
          'POST',
          '/api/interactions',
          admin,
          { channel: 'voice', queueId: 'no-such-queue' },
          { 'idempotency-key': 'create-key-0007' },
        ),
        404,
      ],
      [
        http(
          'POST',
          '/api/interactions',
          admin,
          { channel: 'voice', queueId: general, customerId: 'nobody' },
          { 'idempotency-key': 'create-key-0008' },
        ),
        404,
      ],
      [
        http(
          'POST',
          '/api/interactions',
          agentToken,
          { channel: 'voice', queueId: general },
          { 'idempotency-key': 'create-key-0009' },
        ),
        403,
      ],
      [http('POST', `/api/interactions/${created.id}/accept`, agentToken, {}), 409],
      [http('POST', `/api/interactions/${created.id}/wrapup`, agentToken, { disposition: 'resolved' }), 409],
      [http('POST', `/api/interactions/${created.id}/end`, agentToken, {}), 409],
      [
        http('POST', `/api/interactions/${created.id}/transfer`, agentToken, {
          to: { kind: 'agent', agentId: 'nobody' },
        }),
        409,
      ],
      [http('GET', '/api/interactions/no-such-interaction', admin), 404],
      [http('PUT', `/api/queues/${general}/routing`, admin, { offerTimeoutSeconds: -1 }), 400],
      [http('PUT', `/api/queues/${general}/routing`, admin, { wrapupSeconds: 1e12 }), 400],
      [
        http('PUT', `/api/agents/${agentId(9)}/state`, agentToken, { state: 'not_ready', reason: 'napping' }),
        400,
      ],
      [http('PUT', `/api/agents/${agentId(10)}/state`, agentToken, { state: 'ready' }), 403],
    ];
    for (const [reply, status] of cases) {
      const { status: got, body } = await reply;
      expect(got, JSON.stringify(body)).toBe(status);
      expect(body).toHaveProperty('error.code');
    }
    expect(await snapshot()).toEqual(before);
  });

  it("streams a team lead the tenant's queued work and their own team's, lists the same, and takes work off when it leaves the team", async () => {
    const lead1 = await seat('lead01');
    const lead2 = await seat('lead02');
    const a1 = await seat('agent01');
    // Nobody is ready: both leads see the new work waiting.
    const waiting = await create('lead-view-0001', { channel: 'sms' });
    for (const lead of [lead1, lead2])
      expect(
        (await lead.next('interaction.update', (m) => m.interaction.id === waiting.id)).interaction,
      ).toMatchObject({ state: 'queued', priority: 0, slaDueAt: expect.any(String) });
    // Offered to agent01 (lead01's team): lead01 follows it, lead02's list loses it.
    await ready(a1);
    const offered = await lead1.next(
      'interaction.update',
      (m) => m.interaction.id === waiting.id && m.interaction.state === 'offered',
    );
    expect(offered.interaction.agentId).toBe(agentId(1));
    expect(await lead2.next('interaction.revoked', (m) => m.interactionId === waiting.id)).toMatchObject({
      reason: 'out_of_view',
    });
    const other = await create('lead-view-0002', { channel: 'sms', queueId: billing });
    const list = async (username: string) => {
      const reply = await http(
        'GET',
        '/api/interactions?state=queued,offered,active&limit=10000',
        await t.login(username),
      );
      expect(reply.status).toBe(200);
      return (reply.body['interactions'] as Interaction[]).map((i) => i.id).sort();
    };
    expect(await list('lead01')).toEqual([waiting.id, other.id].sort());
    expect(await list('lead02')).toEqual([other.id]);
    expect(await list('admin')).toEqual([waiting.id, other.id].sort());
    // Agents get no lead frames about others' work.
    expect(a1.frames.some((f) => f.type === 'interaction.update' && f.interaction.id === other.id)).toBe(
      false,
    );
  });

  it('streams wallboard figures to the tenant’s team leads only, and refuses agents', async () => {
    const acme = 'tenant-acme';
    await t.server.store.db
      .insertInto('tenants')
      .values({ id: acme, slug: 'acme', name: 'Acme', created_at: new Date().toISOString() })
      .execute();
    await t.server.store.db
      .insertInto('users')
      .values({
        id: 'acme-lead',
        tenant_id: acme,
        username: 'lead',
        display_name: 'Acme lead',
        role: 'team_lead',
        password_hash: await hashPassword('acme-pass', testScrypt),
        agent_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const acmeLogin = await t.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { tenant: 'acme', username: 'lead', password: 'acme-pass' },
    });
    const acmeLead = await connectSeat(base, (acmeLogin.json() as { token: string }).token);
    seats.push(acmeLead);
    const lead = await seat('lead01');
    const agent = await seat('agent11');
    await expect(agent.request({ type: 'wallboard.subscribe' })).rejects.toThrow(/FORBIDDEN/);
    await lead.request({ type: 'wallboard.subscribe' });
    await acmeLead.request({ type: 'wallboard.subscribe' });
    const full = await lead.next('wallboard.snapshot');
    expect(wallboardSnapshotSchema.parse(full.snapshot).queues.map((q) => q.queueId)).toContain(general);

    await create('create-key-0010');
    const update = await lead.next('wallboard.snapshot', (m) =>
      m.snapshot.queues.some((q) => q.queueId === general && q.waiting === 1),
    );
    expect(update.snapshot.queues.find((q) => q.queueId === general)).toMatchObject({ waiting: 1 });
    await new Promise((r) => setTimeout(r, 200));
    // Acme's lead got its own (empty) board and nothing of demo's figures.
    const acmeBoards = acmeLead.seen('wallboard.snapshot');
    expect(acmeBoards.flatMap((f) => f.snapshot.queues)).toEqual([]);
    expect(acmeBoards.flatMap((f) => f.snapshot.agents)).toEqual([]);
    expect(agent.seen('wallboard.snapshot')).toEqual([]);
  });

  it('sends a reconnecting seat its live offer again', async () => {
    const a1 = await seat('agent12');
    await ready(a1);
    const created = await create('create-key-0011');
    await a1.next('interaction.offer');
    await a1.close();
    const again = await seat('agent12');
    expect((await again.next('interaction.offer')).interaction.id).toBe(created.id);
  });

  it('ends wrap-up on the server after the queue’s timeout with the default disposition and frees the agent', async () => {
    expect((await routingSettings(general, { wrapupSeconds: 1 })).status).toBe(204);
    const a1 = await seat('agent13');
    await ready(a1);
    const created = await create('create-key-0012', { channel: 'sms' });
    await a1.next('interaction.offer');
    await a1.request({ type: 'interaction.accept', interactionId: created.id });
    await a1.request({ type: 'interaction.end', interactionId: created.id });
    const ended = await a1.next('interaction.update', (m) => m.interaction.state === 'ended');
    expect(ended.interaction.disposition).toBe('timeout');
    await a1.next('agent.state', (m) => m.status.state === 'ready');
  });

  it('exposes the position and estimated wait of a queued interaction and of its queue', async () => {
    const a1 = await seat('agent14');
    await ready(a1);
    await a1.request({ type: 'agent.setState', state: 'not_ready', reason: 'break' });
    await create('create-key-0013');
    const second = await create('create-key-0014');
    const view = (await http('GET', `/api/interactions/${second.id}`, admin)).body[
      'interaction'
    ] as Interaction;
    expect(view).toMatchObject({ state: 'queued', position: 2 });
    expect(view.estimatedWaitSeconds).toEqual(expect.any(Number));
    const queue = (await http('GET', `/api/queues/${general}/live`, admin)).body['queue'] as Record<
      string,
      unknown
    >;
    expect(queue).toMatchObject({ waiting: 2 });
    expect(queue).toHaveProperty('estimatedWaitSeconds');
  });

  it('lets an agent propose a blacklist entry, a lead confirm it with limits, and the router then release the customer', async () => {
    const agentToken = await t.login('agent15');
    const leadToken = await t.login('lead01');
    const customer = await t.server.store.db
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', 'tenant-demo')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const proposed = await http('POST', '/api/blacklist', agentToken, {
      customerId: customer.id,
      category: 'abusive',
      reason: 'Shouted at three agents',
    });
    expect(proposed.status).toBe(201);
    const entry = proposed.body['entry'] as { id: string; status: string; proposedBy: string };
    expect(entry.status).toBe('proposed');
    expect(
      (await http('POST', `/api/blacklist/${entry.id}/decision`, agentToken, { decision: 'confirm' })).status,
    ).toBe(403);
    const decided = await http('POST', `/api/blacklist/${entry.id}/decision`, leadToken, {
      decision: 'confirm',
      limits: { maxPerDay: 0 },
    });
    expect(decided.status).toBe(200);
    expect(decided.body['entry']).toMatchObject({
      status: 'confirmed',
      limits: { maxPerDay: 0 },
      decidedBy: expect.any(String),
    });
    expect(
      (await http('POST', `/api/blacklist/${entry.id}/decision`, leadToken, { decision: 'reject' })).status,
    ).toBe(409);
    const released = await create('create-key-0015', { customerId: customer.id });
    expect(released.state).toBe('released');
    expect(released.releaseReason).toEqual(expect.any(String));
  });

  it('documents the routing routes in the OpenAPI description', async () => {
    const reply = await t.server.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys((reply.json() as { paths: Record<string, unknown> }).paths);
    for (const route of [
      '/api/interactions',
      '/api/interactions/{id}/accept',
      '/api/queues/{id}/live',
      '/api/blacklist',
      '/api/stats',
    ]) {
      expect(paths).toContain(route);
    }
  });
});
