import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { startTestServer } from '../../testing/testServer';
import { readCliConfig } from '../../config';
import { parseSipMessage, type ParsedMessage } from './message/parse';
import { header } from './message/sipMessage';
import {
  finalOf,
  invite,
  registerAgent,
  requestOf,
  sdpAnswer,
  sdpOffer,
  uacDialog,
} from './testing/sipScenario';
import { connectSip, sipResponse, sipRequest, type SipTestClient } from './testing/sipTestClient';

// A number an agent dials leaves through the outbound trunk: a real SIP-over-WebSocket gateway
// here (a ws server answering like a PBX would), which the server connects to at start.

let gateway: WebSocketServer;
let env: Awaited<ReturnType<typeof startTestServer>>;
const clients: SipTestClient[] = [];
const atGateway: ParsedMessage[] = [];
let gatewaySocket: WebSocket | null = null;

beforeEach(async () => {
  gateway = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'sip' });
  await new Promise<void>((resolve) => gateway.once('listening', () => resolve()));
  gateway.on('connection', (socket) => {
    gatewaySocket = socket;
    socket.on('message', (data) => {
      const parsed = parseSipMessage(String(data));
      if (parsed.ok) atGateway.push(parsed.message);
    });
  });
  const { port } = gateway.address() as { port: number };
  env = await startTestServer({
    port: 0,
    sipTrunk: { url: `ws://127.0.0.1:${port}/`, domain: 'gw.example' },
  });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await env.dispose();
  atGateway.splice(0);
  gatewaySocket = null;
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

const fromGateway = async (match: (m: ParsedMessage) => boolean) => {
  for (let i = 0; i < 300; i++) {
    const found = atGateway.find(match);
    if (found) return atGateway.splice(atGateway.indexOf(found), 1)[0] as ParsedMessage;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the gateway got no such message; it has ${atGateway.map((m) => m.kind).join(', ')}`);
};

describe('outbound trunk', () => {
  it("sends a dialled number to the gateway, bridges the answer and ends on the agent's BYE", async () => {
    const address = await env.server.listen();
    for (let i = 0; i < 300 && !gatewaySocket; i++) await new Promise((r) => setTimeout(r, 10));
    const agent = await connectSip(`ws://127.0.0.1:${address.port}/sip`);
    clients.push(agent);
    await registerAgent(agent, 'agent01');
    invite(agent, 'out-1', 'agent01', '+44%20207%20946%200000');
    const outgoing = await fromGateway((m) => m.kind === 'request' && m.method === 'INVITE');
    expect(outgoing.kind === 'request' && outgoing.uri).toBe('sip:+442079460000@gw.example');
    gatewaySocket?.send(sipResponse(outgoing, 180, 'Ringing', { toTag: 'gw1' }));
    expect(await agent.next((m) => m.kind === 'response' && m.status === 180)).toBeTruthy();
    gatewaySocket?.send(
      sipResponse(outgoing, 200, 'OK', {
        toTag: 'gw1',
        extra: ['Contact: <sip:gw@gw.example;transport=ws>'],
        body: sdpAnswer,
      }),
    );
    const ok = await finalOf(agent, 'out-1');
    expect(ok).toMatchObject({ status: 200, body: sdpAnswer });
    await fromGateway((m) => m.kind === 'request' && m.method === 'ACK');
    agent.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 2 }));
    const bye = await fromGateway((m) => m.kind === 'request' && m.method === 'BYE');
    expect(bye.kind === 'request' && bye.uri).toBe('sip:gw@gw.example;transport=ws');
    const record = env.server.store.sqlite
      .prepare("SELECT * FROM call_records WHERE direction = 'outbound'")
      .get();
    expect(record).toMatchObject({
      caller_agent_id: 'demo-agent-agent01',
      to_party: 'sip:+442079460000@gw.example',
      end_reason: 'caller_hangup',
      agent_ids: '[]',
    });
  });

  it('ends the bridged call when the gateway hangs up', async () => {
    const address = await env.server.listen();
    for (let i = 0; i < 300 && !gatewaySocket; i++) await new Promise((r) => setTimeout(r, 10));
    const agent = await connectSip(`ws://127.0.0.1:${address.port}/sip`);
    clients.push(agent);
    await registerAgent(agent, 'agent01');
    invite(agent, 'out-2', 'agent01', '5551234');
    const outgoing = await fromGateway((m) => m.kind === 'request' && m.method === 'INVITE');
    gatewaySocket?.send(
      sipResponse(outgoing, 200, 'OK', {
        toTag: 'gw2',
        extra: ['Contact: <sip:gw@gw.example>'],
        body: sdpAnswer,
      }),
    );
    await finalOf(agent, 'out-2');
    gatewaySocket?.send(
      sipRequest('BYE', 'sip:edge@seat-edge.invalid', {
        from: `<sip:5551234@gw.example>;tag=gw2`,
        to: outgoing.headers.find((h) => h.name === 'From')?.value ?? '',
        callId: outgoing.core.callId,
        cseq: 1,
      }),
    );
    expect(await requestOf(agent, 'BYE')).toBeTruthy();
    expect(env.server.sip.calls.count()).toBe(0);
  });

  it('offers no queued customer call to an agent on an outbound call, and offers it right after they hang up', async () => {
    const address = await env.server.listen();
    for (let i = 0; i < 300 && !gatewaySocket; i++) await new Promise((r) => setTimeout(r, 10));
    const sipUrl = `ws://127.0.0.1:${address.port}/sip`;
    const agent = await connectSip(sipUrl);
    const caller = await connectSip(sipUrl);
    clients.push(agent, caller);
    const agentId = 'demo-agent-agent01';
    const service = env.server.routing.service;
    service.setAgentState('tenant-demo', agentId, 'ready', null, agentId);
    await registerAgent(agent, 'agent01');
    invite(agent, 'out-busy', 'agent01', '5551234', 'ob');
    const outgoing = await fromGateway((m) => m.kind === 'request' && m.method === 'INVITE');
    gatewaySocket?.send(
      sipResponse(outgoing, 200, 'OK', {
        toTag: 'gw5',
        extra: ['Contact: <sip:gw@gw.example>'],
        body: sdpAnswer,
      }),
    );
    const ok = await finalOf(agent, 'out-busy');
    expect(service.agentStatus('tenant-demo', agentId)?.state).toBe('busy');

    invite(caller, 'cust-busy', 'anonymous', 'general', 'cb');
    expect(await caller.next((m) => m.kind === 'response' && m.status === 182)).toBeTruthy();
    const [waiting] = service.list('tenant-demo', ['queued'], 5);
    expect(waiting).toMatchObject({ queueId: 'demo-queue-general' });

    agent.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 2 }));
    await fromGateway((m) => m.kind === 'request' && m.method === 'BYE');
    const offer = await requestOf(agent, 'INVITE');
    expect(header(offer, 'X-Seat-Interaction-Id')).toBe(waiting!.id);
    expect(service.get('tenant-demo', waiting!.id)).toMatchObject({ state: 'offered', agentId });
  });
});

describe('transfer to a number', () => {
  it('hands the customer to the number through the trunk and ends the interaction for the agent', async () => {
    const address = await env.server.listen();
    for (let i = 0; i < 300 && !gatewaySocket; i++) await new Promise((r) => setTimeout(r, 10));
    const sipUrl = `ws://127.0.0.1:${address.port}/sip`;
    const agent = await connectSip(sipUrl);
    const caller = await connectSip(sipUrl);
    clients.push(agent, caller);
    env.server.routing.service.setAgentState(
      'tenant-demo',
      'demo-agent-agent01',
      'ready',
      null,
      'demo-agent-agent01',
    );
    await registerAgent(agent, 'agent01');
    invite(caller, 'xfer-1', 'anonymous', 'general', 'c1');
    const offer = await requestOf(agent, 'INVITE');
    const interactionId = header(offer, 'X-Seat-Interaction-Id') as string;
    agent.sendRaw(
      sipResponse(offer, 200, 'OK', {
        toTag: 'a1',
        extra: ['Contact: <sip:a@client.invalid>'],
        body: sdpAnswer,
      }),
    );
    await finalOf(caller, 'xfer-1');
    agent.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        from: '<sip:agent01@demo>;tag=a1',
        to: header(offer, 'From') ?? '',
        callId: offer.core.callId,
        cseq: 2,
        extra: ['Refer-To: <tel:+15551234>'],
      }),
    );
    expect(await finalOf(agent, offer.core.callId, 'REFER')).toMatchObject({ status: 202 });
    expect(await requestOf(agent, 'BYE')).toBeTruthy();
    expect(env.server.routing.service.get('tenant-demo', interactionId).state).toBe('wrapup');

    const outgoing = await fromGateway((m) => m.kind === 'request' && m.method === 'INVITE');
    expect(outgoing.kind === 'request' && outgoing.uri).toBe('sip:+15551234@gw.example');
    expect(outgoing.body).toBe('');
    gatewaySocket?.send(
      sipResponse(outgoing, 200, 'OK', {
        toTag: 'gw3',
        extra: ['Contact: <sip:gw@gw.example>'],
        body: sdpOffer,
      }),
    );
    const reinvite = await requestOf(caller, 'INVITE');
    expect(reinvite.body).toBe(sdpOffer);
    caller.sendRaw(sipResponse(reinvite, 200, 'OK', { body: sdpAnswer }));
    const ack = await fromGateway((m) => m.kind === 'request' && m.method === 'ACK');
    expect(ack.body).toBe(sdpAnswer);

    gatewaySocket?.send(
      sipRequest('BYE', 'sip:edge@seat-edge.invalid', {
        from: '<sip:+15551234@gw.example>;tag=gw3',
        to: outgoing.headers.find((h) => h.name === 'From')?.value ?? '',
        callId: outgoing.core.callId,
        cseq: 1,
      }),
    );
    expect(await requestOf(caller, 'BYE')).toBeTruthy();
    expect(env.server.sip.calls.count()).toBe(0);
    expect(
      env.server.store.sqlite
        .prepare('SELECT end_reason FROM call_records WHERE interaction_id = ?')
        .get(interactionId),
    ).toEqual({ end_reason: 'far_end_hangup' });
  });
});

describe('attended transfer to a number', () => {
  it('joins the customer to the outside party the agent consulted through the trunk', async () => {
    const address = await env.server.listen();
    for (let i = 0; i < 300 && !gatewaySocket; i++) await new Promise((r) => setTimeout(r, 10));
    const sipUrl = `ws://127.0.0.1:${address.port}/sip`;
    const agent = await connectSip(sipUrl);
    const caller = await connectSip(sipUrl);
    clients.push(agent, caller);
    env.server.routing.service.setAgentState(
      'tenant-demo',
      'demo-agent-agent01',
      'ready',
      null,
      'demo-agent-agent01',
    );
    await registerAgent(agent, 'agent01');
    invite(caller, 'att-1', 'anonymous', 'general', 'c1');
    const offer = await requestOf(agent, 'INVITE');
    const interactionId = header(offer, 'X-Seat-Interaction-Id') as string;
    agent.sendRaw(
      sipResponse(offer, 200, 'OK', {
        toTag: 'a1',
        extra: ['Contact: <sip:a@client.invalid>'],
        body: sdpAnswer,
      }),
    );
    await finalOf(caller, 'att-1');
    // Consultation: the agent dials the number, the gateway answers.
    invite(agent, 'att-consult', 'agent01', '5550100', 'k1');
    const outgoing = await fromGateway((m) => m.kind === 'request' && m.method === 'INVITE');
    gatewaySocket?.send(
      sipResponse(outgoing, 200, 'OK', {
        toTag: 'gw4',
        extra: ['Contact: <sip:gw@gw.example>'],
        body: sdpAnswer,
      }),
    );
    const consultOk = await finalOf(agent, 'att-consult');
    await fromGateway((m) => m.kind === 'request' && m.method === 'ACK');
    const replaces = encodeURIComponent(`att-consult;to-tag=${consultOk.core.to.tag};from-tag=k1`);
    agent.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        from: '<sip:agent01@demo>;tag=a1',
        to: header(offer, 'From') ?? '',
        callId: offer.core.callId,
        cseq: 2,
        extra: [`Refer-To: <sip:5550100@demo?Replaces=${replaces}>`],
      }),
    );
    expect(await finalOf(agent, offer.core.callId, 'REFER')).toMatchObject({ status: 202 });
    const reinvite = await fromGateway((m) => m.kind === 'request' && m.method === 'INVITE');
    expect(reinvite.body).toBe('');
    gatewaySocket?.send(sipResponse(reinvite, 200, 'OK', { body: sdpOffer }));
    const callerReinvite = await requestOf(caller, 'INVITE');
    caller.sendRaw(sipResponse(callerReinvite, 200, 'OK', { body: sdpAnswer }));
    expect((await fromGateway((m) => m.kind === 'request' && m.method === 'ACK')).body).toBe(sdpAnswer);
    expect(await requestOf(agent, 'BYE')).toBeTruthy();
    expect(await requestOf(agent, 'BYE')).toBeTruthy();
    expect(env.server.routing.service.get('tenant-demo', interactionId).state).toBe('wrapup');
    expect(env.server.sip.calls.count()).toBe(1);
  });
});

describe('--sip-trunk', () => {
  it('takes a ws or wss URL, with the domain from its host unless given', () => {
    const config = readCliConfig(['--sip-trunk', 'wss://pbx.example.com:8089/ws'], {}, '/tmp');
    expect(config).toMatchObject({ kind: 'config', config: { sipTrunk: { domain: 'pbx.example.com' } } });
    expect(
      readCliConfig(['--sip-trunk', 'ws://10.0.0.5/', '--sip-trunk-domain', 'carrier.example'], {}, '/tmp'),
    ).toMatchObject({ config: { sipTrunk: { url: 'ws://10.0.0.5/', domain: 'carrier.example' } } });
  });

  it('refuses another scheme, a bad domain, or a domain without a trunk', () => {
    expect(readCliConfig(['--sip-trunk', 'http://pbx.example/'], {}, '/tmp')).toMatchObject({
      kind: 'error',
    });
    expect(
      readCliConfig(['--sip-trunk', 'ws://pbx/', '--sip-trunk-domain', 'bad domain'], {}, '/tmp'),
    ).toMatchObject({
      kind: 'error',
    });
    expect(readCliConfig(['--sip-trunk-domain', 'x.example'], {}, '/tmp')).toMatchObject({ kind: 'error' });
  });
});
