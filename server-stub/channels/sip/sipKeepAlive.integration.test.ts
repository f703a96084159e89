import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/testServer';
import { header } from './message/sipMessage';
import { registerSipEdge } from './sipSocketRoute';
import { invite, registerAgent, sdpOffer } from './testing/sipScenario';
import { connectSip, sipRequest, type SipTestClient } from './testing/sipTestClient';

// Keep-alives on /sip with real sockets: the CRLF ping/pong of RFC 5626 (the edge advertises
// outbound), and the WebSocket heartbeat that finds agents whose socket died without a close.

const heartbeatMs = 500;
let env: Awaited<ReturnType<typeof startTestServer>>;
let url: string;
const clients: SipTestClient[] = [];
const open = async (options: { autoPong?: boolean } = {}) => {
  const client = await connectSip(url, options);
  clients.push(client);
  return client;
};
const until = async (condition: () => boolean, ms = 3000) => {
  for (const deadline = Date.now() + ms; !condition() && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};
const bindingsOf = (agentId: string) => env.server.sip.registrar.bindingsOfAgent('tenant-demo', agentId);

beforeEach(async () => {
  env = await startTestServer({ port: 0, sipHeartbeatMs: heartbeatMs });
  const address = await env.server.listen();
  url = `ws://127.0.0.1:${address.port}/sip`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await env.dispose();
});

describe('SIP keep-alives', () => {
  it('answers a CRLFCRLF ping with a CRLF pong, and a lone CRLF (a pong) with nothing', async () => {
    const client = await open();
    client.sendRaw('\r\n\r\n');
    expect(await until(() => client.keepAlives.length === 1)).toBe(true);
    expect(client.keepAlives).toEqual(['\r\n']);
    client.sendRaw('\r\n');
    client.sendRaw(
      sipRequest('OPTIONS', 'sip:demo', { from: '<sip:x@y>;tag=1', to: '<sip:demo>', callId: 'ka', cseq: 1 }),
    );
    expect(await client.next((m) => m.kind === 'response' && m.core.callId === 'ka')).toMatchObject({
      status: 200,
    });
    expect(client.keepAlives).toEqual(['\r\n']);
    expect(client.received).toEqual([]);
  });

  it('keeps a socket that answers pings, and its binding, across several heartbeats', async () => {
    const client = await open();
    await registerAgent(client, 'agent01');
    await new Promise((resolve) => setTimeout(resolve, heartbeatMs * 3));
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    expect(bindingsOf('demo-agent-agent01')).toHaveLength(1);
  });

  it('terminates a socket that stops answering pings and drops its binding at once', async () => {
    const client = await open({ autoPong: false });
    await registerAgent(client, 'agent02');
    expect(bindingsOf('demo-agent-agent02')).toHaveLength(1);
    // Within two intervals: one ping goes unanswered, the next tick ends the socket.
    expect(await until(() => bindingsOf('demo-agent-agent02').length === 0, heartbeatMs * 3)).toBe(true);
    expect(await until(() => client.socket.readyState === client.socket.CLOSED)).toBe(true);
  });

  it('puts a call offered to an agent whose socket went silent back in the queue within the heartbeat', async () => {
    const agentId = 'demo-agent-agent01';
    const agent = await open({ autoPong: false });
    await registerAgent(agent, 'agent01');
    env.server.routing.service.setAgentState('tenant-demo', agentId, 'ready', null, agentId);
    const caller = await open();
    invite(caller, 'dead-agent', 'anonymous', 'general');
    const offer = await agent.next((m) => m.kind === 'request' && m.method === 'INVITE');
    expect(offer.body).toBe(sdpOffer);
    const interactionId = header(offer, 'X-Seat-Interaction-Id') as string;
    // Without the heartbeat the offer would ring a dead socket until the 32 s transaction timeout.
    const queued = await caller.next((m) => m.kind === 'response' && m.status === 182, heartbeatMs * 4);
    expect(header(queued, 'X-Seat-Queue-Position')).toBe('1');
    expect(env.server.routing.service.get('tenant-demo', interactionId).state).toBe('queued');
    expect(bindingsOf(agentId)).toEqual([]);
  });

  it('refuses a heartbeat interval out of range when the route is built', () => {
    for (const bad of [0, 10, 1.5, 600_000, Number.NaN])
      expect(() => registerSipEdge(Fastify(), { heartbeatMs: bad } as never)).toThrow(RangeError);
  });
});
