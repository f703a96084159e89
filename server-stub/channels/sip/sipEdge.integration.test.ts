import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../../testing/testServer';
import { header } from './message/sipMessage';
import { invalidTortures } from './message/tortureFixtures';
import {
  connectSip,
  digestAuthorization,
  sipRequest,
  sipResponse,
  type SipTestClient,
} from './testing/sipTestClient';

// Real clients speaking SIP over WebSocket to the real server on 127.0.0.1: registrar with digest
// against the seeded Seat credentials, calls to a queue routed by the real router, bad input.

const sdpOffer =
  'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n';
const sdpAnswer = sdpOffer.replace('o=- 1 1', 'o=- 2 2');

let env: Awaited<ReturnType<typeof startTestServer>>;
let url: string;
const clients: SipTestClient[] = [];
const open = async () => {
  const client = await connectSip(url);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  env = await startTestServer({ port: 0 });
  const address = await env.server.listen();
  url = `ws://127.0.0.1:${address.port}/sip`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await env.dispose();
});

/** Registers `username` with its Seat password over `client`; returns the final response. */
async function register(client: SipTestClient, username: string, password = 'seat-demo', expires = 600) {
  const base = {
    from: `<sip:${username}@demo>;tag=r1`,
    to: `<sip:${username}@demo>`,
    callId: `reg-${username}`,
    extra: [`Contact: <sip:${username}x@client.invalid;transport=ws>`, `Expires: ${expires}`],
  };
  client.sendRaw(sipRequest('REGISTER', 'sip:demo', { ...base, cseq: 1 }));
  const challenge = await client.next((m) => m.kind === 'response' && m.core.cseq.seq === 1);
  expect(challenge.kind === 'response' && challenge.status).toBe(401);
  const authorization = digestAuthorization(header(challenge, 'WWW-Authenticate') ?? '', {
    username,
    password,
    method: 'REGISTER',
    uri: 'sip:demo',
  });
  client.sendRaw(
    sipRequest('REGISTER', 'sip:demo', {
      ...base,
      cseq: 2,
      extra: [...base.extra, `Authorization: ${authorization}`],
    }),
  );
  return client.next((m) => m.kind === 'response' && m.core.cseq.seq === 2);
}

/** A demo agent who serves the General queue (English skill), made ready in the router. */
function readyGeneralAgent(): { username: string; agentId: string } {
  const row = env.server.store.sqlite
    .prepare(
      "SELECT u.username AS username, u.agent_id AS agentId FROM users u JOIN agent_skills s ON s.agent_id = u.agent_id WHERE s.skill_id = 'demo-skill-english' AND s.proficiency >= 3 ORDER BY u.username LIMIT 1",
    )
    .get() as { username: string; agentId: string };
  env.server.routing.service.setAgentState('tenant-demo', row.agentId, 'ready', null, row.agentId);
  return row;
}

const callQueue = (client: SipTestClient, callId: string, queue = 'general', branch = `z9hG4bK${callId}`) =>
  client.sendRaw(
    sipRequest('INVITE', `sip:${queue}@demo`, {
      from: '"Web customer" <sip:anonymous@anonymous.invalid>;tag=c1',
      to: `<sip:${queue}@demo>`,
      callId,
      cseq: 1,
      branch,
      extra: ['Contact: <sip:caller@client.invalid;transport=ws>'],
      body: sdpOffer,
    }),
  );

describe('SIP edge over WebSocket', () => {
  it('refuses an upgrade that does not offer the sip subprotocol', async () => {
    const socket = new WebSocket(url);
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
      socket.once('error', () => resolve('error'));
    });
    socket.terminate();
    expect(outcome).toBe('http 400');
  });

  it('challenges a REGISTER, then binds the agent with its Seat password', async () => {
    const client = await open();
    const ok = await register(client, 'agent01');
    expect(ok.kind === 'response' && ok.status).toBe(200);
    expect(header(ok, 'Contact')).toMatch(/^<sip:agent01x@client.invalid;transport=ws>;expires=600$/);
    expect(env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent01')).toHaveLength(1);
  });

  it('answers a wrong password with 403 and binds nothing', async () => {
    const client = await open();
    const reply = await register(client, 'agent01', 'wrong-password');
    expect(reply.kind === 'response' && reply.status).toBe(403);
    expect(env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent01')).toHaveLength(0);
  });

  it('answers a too brief expiry with 423 and Min-Expires', async () => {
    const client = await open();
    const reply = await register(client, 'agent02', 'seat-demo', 10);
    expect(reply.kind === 'response' && reply.status).toBe(423);
    expect(header(reply, 'Min-Expires')).toBe('60');
  });

  it('removes the binding when its socket closes', async () => {
    const client = await open();
    await register(client, 'agent03');
    await client.close();
    for (
      let i = 0;
      i < 100 && env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent03').length > 0;
      i++
    )
      await new Promise((r) => setTimeout(r, 10));
    expect(env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent03')).toHaveLength(0);
  });

  it('answers a malformed message with 400 and keeps the socket working (OPTIONS keep-alive)', async () => {
    const client = await open();
    client.sendRaw(invalidTortures['mismatch01']?.text ?? '');
    const bad = await client.next((m) => m.kind === 'response');
    expect(bad.kind === 'response' && bad.status).toBe(400);
    client.sendRaw('garbage that is not SIP at all');
    client.sendRaw(
      sipRequest('OPTIONS', 'sip:demo', { from: '<sip:x@y>;tag=1', to: '<sip:demo>', callId: 'ka', cseq: 1 }),
    );
    const ok = await client.next((m) => m.kind === 'response' && m.core.callId === 'ka');
    expect(ok.kind === 'response' && ok.status).toBe(200);
  });

  it('answers 404 for an unknown queue and 481 for a request in a dialog that does not exist', async () => {
    const client = await open();
    callQueue(client, 'nowhere', 'no-such-queue');
    expect(
      await client.next((m) => m.kind === 'response' && m.core.callId === 'nowhere' && m.status >= 200),
    ).toMatchObject({ status: 404 });
    client.sendRaw(
      sipRequest('BYE', 'sip:edge@seat-edge.invalid', {
        from: '<sip:x@y>;tag=1',
        to: '<sip:general@demo>;tag=nope',
        callId: 'ghost',
        cseq: 2,
      }),
    );
    expect(await client.next((m) => m.kind === 'response' && m.core.callId === 'ghost')).toMatchObject({
      status: 481,
    });
  });

  it('queues a call, rings the chosen agent with the X-Seat headers, connects it and ends it on BYE', async () => {
    const agentInfo = readyGeneralAgent();
    const agent = await open();
    expect(await register(agent, agentInfo.username)).toMatchObject({ status: 200 });
    const caller = await open();
    callQueue(caller, 'call-1');
    expect(await caller.next((m) => m.kind === 'response' && m.status === 100)).toBeTruthy();

    const invite = await agent.next((m) => m.kind === 'request' && m.method === 'INVITE');
    const interactionId = header(invite, 'X-Seat-Interaction-Id');
    expect(interactionId).toBeTruthy();
    expect(invite.body).toBe(sdpOffer);
    expect(env.server.routing.service.get('tenant-demo', interactionId as string)).toMatchObject({
      state: 'offered',
      agentId: agentInfo.agentId,
      channel: 'voice',
    });

    agent.sendRaw(sipResponse(invite, 180, 'Ringing', { toTag: 'a1' }));
    expect(await caller.next((m) => m.kind === 'response' && m.status === 180)).toBeTruthy();
    agent.sendRaw(
      sipResponse(invite, 200, 'OK', {
        toTag: 'a1',
        extra: ['Contact: <sip:agent@client.invalid;transport=ws>'],
        body: sdpAnswer,
      }),
    );
    const ok = await caller.next((m) => m.kind === 'response' && m.status === 200);
    expect(ok.body).toBe(sdpAnswer);
    expect(await agent.next((m) => m.kind === 'request' && m.method === 'ACK')).toBeTruthy();
    expect(env.server.routing.service.get('tenant-demo', interactionId as string).state).toBe('active');

    const toWithTag = header(ok, 'To') ?? '';
    caller.sendRaw(
      sipRequest('ACK', 'sip:edge@seat-edge.invalid', {
        from: '"Web customer" <sip:anonymous@anonymous.invalid>;tag=c1',
        to: toWithTag,
        callId: 'call-1',
        cseq: 1,
      }),
    );
    caller.sendRaw(
      sipRequest('BYE', 'sip:edge@seat-edge.invalid', {
        from: '"Web customer" <sip:anonymous@anonymous.invalid>;tag=c1',
        to: toWithTag,
        callId: 'call-1',
        cseq: 2,
      }),
    );
    expect(await caller.next((m) => m.kind === 'response' && m.core.cseq.method === 'BYE')).toMatchObject({
      status: 200,
    });
    const bye = await agent.next((m) => m.kind === 'request' && m.method === 'BYE');
    agent.sendRaw(sipResponse(bye, 200, 'OK'));
    expect(['wrapup', 'ended']).toContain(
      env.server.routing.service.get('tenant-demo', interactionId as string).state,
    );
    expect(env.server.sip.calls.count()).toBe(0);
  });

  it('sends 182 Queued while nobody is free, and a CANCEL abandons the interaction with 487', async () => {
    const caller = await open();
    callQueue(caller, 'call-2');
    const queued = await caller.next((m) => m.kind === 'response' && m.status === 182);
    expect(header(queued, 'X-Seat-Queue-Position')).toBe('1');
    caller.sendRaw(
      sipRequest('CANCEL', 'sip:general@demo', {
        from: '"Web customer" <sip:anonymous@anonymous.invalid>;tag=c1',
        to: '<sip:general@demo>',
        callId: 'call-2',
        cseq: 1,
        branch: 'z9hG4bKcall-2',
      }),
    );
    expect(await caller.next((m) => m.kind === 'response' && m.core.cseq.method === 'CANCEL')).toMatchObject({
      status: 200,
    });
    expect(
      await caller.next((m) => m.kind === 'response' && m.core.cseq.method === 'INVITE' && m.status >= 200),
    ).toMatchObject({ status: 487 });
    const [interaction] = env.server.routing.service.list(
      'tenant-demo',
      ['abandoned', 'ended', 'queued'],
      10,
    );
    expect(interaction?.state).toBe('abandoned');
  });

  it('re-queues the call when the agent declines, so the router offers it again', async () => {
    const agentInfo = readyGeneralAgent();
    const agent = await open();
    await register(agent, agentInfo.username);
    const caller = await open();
    callQueue(caller, 'call-3');
    const invite = await agent.next((m) => m.kind === 'request' && m.method === 'INVITE');
    const interactionId = header(invite, 'X-Seat-Interaction-Id') as string;
    agent.sendRaw(sipResponse(invite, 486, 'Busy Here', { toTag: 'a2' }));
    expect(await agent.next((m) => m.kind === 'request' && m.method === 'ACK')).toBeTruthy();
    for (
      let i = 0;
      i < 100 && env.server.routing.service.get('tenant-demo', interactionId).state === 'offered';
      i++
    )
      await new Promise((r) => setTimeout(r, 10));
    expect(env.server.routing.service.get('tenant-demo', interactionId).state).toBe('queued');
    const queued = await caller.next((m) => m.kind === 'response' && m.status === 182);
    expect(header(queued, 'X-Seat-Queue-Position')).toBe('1');
  });

  it('tells the caller they are queued again when the chosen agent has no registered softphone', async () => {
    const agentInfo = readyGeneralAgent();
    const caller = await open();
    callQueue(caller, 'call-unreachable');
    const queued = await caller.next((m) => m.kind === 'response' && m.status === 182);
    expect(header(queued, 'X-Seat-Queue-Position')).toBe('1');
    const [interaction] = env.server.routing.service.list('tenant-demo', ['queued'], 10);
    expect(interaction).toMatchObject({ state: 'queued', channel: 'voice' });
    expect(env.server.routing.service.agentStatus('tenant-demo', agentInfo.agentId)?.state).toBe('not_ready');
  });

  it('relays a hold re-INVITE to the caller, and a REFER to a queue transfers through the router', async () => {
    const agentInfo = readyGeneralAgent();
    const agent = await open();
    await register(agent, agentInfo.username);
    const caller = await open();
    callQueue(caller, 'call-4');
    const invite = await agent.next((m) => m.kind === 'request' && m.method === 'INVITE');
    const interactionId = header(invite, 'X-Seat-Interaction-Id') as string;
    agent.sendRaw(
      sipResponse(invite, 200, 'OK', {
        toTag: 'a4',
        extra: ['Contact: <sip:agent@client.invalid;transport=ws>'],
        body: sdpAnswer,
      }),
    );
    await caller.next((m) => m.kind === 'response' && m.status === 200);
    await agent.next((m) => m.kind === 'request' && m.method === 'ACK');
    const inDialog = {
      from: `<sip:${agentInfo.username}@demo>;tag=a4`,
      to: header(invite, 'From') ?? '',
      callId: invite.core.callId,
    };

    // Hold: the agent's re-INVITE (sendonly) reaches the caller; the caller's answer comes back.
    const hold = sdpAnswer.replace('a=sendrecv', 'a=sendonly');
    agent.sendRaw(sipRequest('INVITE', 'sip:edge@seat-edge.invalid', { ...inDialog, cseq: 2, body: hold }));
    const reinvite = await caller.next((m) => m.kind === 'request' && m.method === 'INVITE');
    expect(reinvite.body).toBe(hold);
    caller.sendRaw(sipResponse(reinvite, 200, 'OK', { body: sdpOffer.replace('a=sendrecv', 'a=recvonly') }));
    const held = await agent.next((m) => m.kind === 'response' && m.core.cseq.seq === 2);
    expect(held.kind === 'response' && held.status).toBe(200);
    expect(held.body).toContain('a=recvonly');
    expect(await caller.next((m) => m.kind === 'request' && m.method === 'ACK')).toBeTruthy();

    // A REFER to an unknown target changes nothing.
    agent.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...inDialog,
        cseq: 3,
        extra: ['Refer-To: <sip:nobody-here@demo>'],
      }),
    );
    expect(await agent.next((m) => m.kind === 'response' && m.core.cseq.seq === 3)).toMatchObject({
      status: 404,
    });
    expect(env.server.routing.service.get('tenant-demo', interactionId).state).toBe('active');

    // Blind transfer to the Billing queue: 202, NOTIFY with a sipfrag, then the edge hangs up the agent.
    agent.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...inDialog,
        cseq: 4,
        extra: ['Refer-To: <sip:billing@demo>'],
      }),
    );
    expect(await agent.next((m) => m.kind === 'response' && m.core.cseq.seq === 4)).toMatchObject({
      status: 202,
    });
    const trying = await agent.next((m) => m.kind === 'request' && m.method === 'NOTIFY');
    expect(trying.body).toBe('SIP/2.0 100 Trying\r\n');
    expect(header(trying, 'Subscription-State')).toMatch(/^active/);
    const notify = await agent.next((m) => m.kind === 'request' && m.method === 'NOTIFY');
    expect(notify.body).toBe('SIP/2.0 200 OK\r\n');
    expect(header(notify, 'Event')).toBe('refer');
    expect(header(notify, 'Subscription-State')).toMatch(/^terminated/);
    expect(await agent.next((m) => m.kind === 'request' && m.method === 'BYE')).toBeTruthy();
    expect(env.server.routing.service.get('tenant-demo', interactionId)).toMatchObject({
      queueId: 'demo-queue-billing',
    });
    expect(env.server.sip.calls.count()).toBe(1);
  });

  it('ends the call when the agent hangs up: the caller gets a BYE and the agent goes to wrap-up', async () => {
    const agentInfo = readyGeneralAgent();
    const agent = await open();
    await register(agent, agentInfo.username);
    const caller = await open();
    callQueue(caller, 'call-5');
    const invite = await agent.next((m) => m.kind === 'request' && m.method === 'INVITE');
    const interactionId = header(invite, 'X-Seat-Interaction-Id') as string;
    agent.sendRaw(
      sipResponse(invite, 200, 'OK', {
        toTag: 'a5',
        extra: ['Contact: <sip:agent@client.invalid;transport=ws>'],
        body: sdpAnswer,
      }),
    );
    await caller.next((m) => m.kind === 'response' && m.status === 200);
    agent.sendRaw(
      sipRequest('BYE', 'sip:edge@seat-edge.invalid', {
        from: `<sip:${agentInfo.username}@demo>;tag=a5`,
        to: header(invite, 'From') ?? '',
        callId: invite.core.callId,
        cseq: 2,
      }),
    );
    expect(await agent.next((m) => m.kind === 'response' && m.core.cseq.method === 'BYE')).toMatchObject({
      status: 200,
    });
    expect(await caller.next((m) => m.kind === 'request' && m.method === 'BYE')).toBeTruthy();
    expect(env.server.routing.service.get('tenant-demo', interactionId).state).toBe('wrapup');
    expect(env.server.routing.service.agentStatus('tenant-demo', agentInfo.agentId)?.state).toBe('wrapup');
  });
});
