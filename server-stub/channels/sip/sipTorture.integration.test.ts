import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../../testing/testServer';
import type { ParsedMessage } from './message/parse';
import { header } from './message/sipMessage';
import { applicationTortures, mpart01, validTortures } from './message/tortureFixtures';
import { answer, invite, registerAgent, sdpOffer, uasDialog } from './testing/sipScenario';
import { connectSip, digestAuthorization, sipRequest, type SipTestClient } from './testing/sipTestClient';

// RFC 4475's application-layer torture messages through the real edge over a real WebSocket: each
// gets the answer the RFC asks of an element like the edge, changes nothing (no interaction, no
// call, no binding unless the case is a registration that must succeed), and every refusal leaves
// a log line. Where a message names example.com, the Request-URI or AOR is moved to the demo
// tenant so the edge reaches the step under test instead of stopping at "no such address".
// Last, the refusals inside calls (481, REFER 404) and that each is logged with its reason.

let env: Awaited<ReturnType<typeof startTestServer>>;
let client: SipTestClient;
let logLines: string[];
let url: string;

beforeEach(async () => {
  logLines = [];
  env = await startTestServer({
    port: 0,
    logLevel: 'info',
    logStream: { write: (line: string) => void logLines.push(line) } as never,
  });
  const address = await env.server.listen();
  url = `ws://127.0.0.1:${address.port}/sip`;
  client = await connectSip(url);
});
afterEach(async () => {
  await client.close();
  await env.dispose();
});

const answerTo = (callId: string) =>
  client.next((m) => m.kind === 'response' && m.core.callId === callId && m.status >= 200);
const callIdOf = (text: string) => /^(?:Call-ID|i):\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '';
/** The refusals logged with this status (pino writes one JSON object a line). */
const refusalsLogged = (status: number) =>
  logLines.filter((l) => /SIP \w+ refused/.test(l) && l.includes(`"status":${status}`));
/** Nothing the router or the edge keeps track of came into being. */
function expectNothingChanged() {
  expect(env.server.routing.service.list('tenant-demo', ['queued', 'offered', 'active'], 10)).toEqual([]);
  expect(env.server.sip.calls.count()).toBe(0);
  expect(env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent01')).toEqual([]);
}
/** Sends an OPTIONS and expects its 200 to be the only thing received since: nothing else was sent. */
async function expectOnlyPingAnswered() {
  client.sendRaw(
    sipRequest('OPTIONS', 'sip:demo', { from: '<sip:x@y>;tag=1', to: '<sip:demo>', callId: 'ping', cseq: 1 }),
  );
  expect(await answerTo('ping')).toMatchObject({ status: 200 });
  expect(client.received).toEqual([]);
}

/**
 * Sends a REGISTER torture message moved to agent01@demo, answers the challenge with agent01's
 * digest (CSeq one higher, as a client retrying does), and returns the final response.
 */
async function registerAsAgent01(text: string, nc = 1): Promise<ParsedMessage> {
  client.sendRaw(text);
  const challenge = await answerTo(callIdOf(text));
  expect(challenge).toMatchObject({ status: 401 });
  const authorization = digestAuthorization(header(challenge, 'WWW-Authenticate') ?? '', {
    username: 'agent01',
    password: 'seat-demo',
    method: 'REGISTER',
    uri: 'sip:demo',
    nc,
  });
  client.sendRaw(
    text
      .replace(/^CSeq: (\d+) REGISTER$/m, (_, seq: string) => `CSeq: ${Number(seq) + 1} REGISTER`)
      .replace('\r\n\r\n', `\r\nAuthorization: ${authorization}\r\n\r\n`),
  );
  return answerTo(callIdOf(text));
}
const toDemoRegistrar = (text: string, aor: string) =>
  text
    .replace('REGISTER sip:example.com SIP/2.0', 'REGISTER sip:demo SIP/2.0')
    .replace(`To: ${aor}`, 'To: sip:agent01@demo')
    .replace(`From: ${aor}`, 'From: sip:agent01@demo');
const toGeneralQueue = (text: string) =>
  text.replace(/^INVITE \S+ SIP\/2\.0/, 'INVITE sip:general@demo SIP/2.0');

describe('RFC 4475 application-layer torture tests through the SIP edge', () => {
  it('bext01: answers a Require of unknown extensions with 420 listing them in Unsupported', async () => {
    client.sendRaw(applicationTortures.bext01);
    const reply = await answerTo('bext01.0ha0isndaksdj');
    expect(reply).toMatchObject({ status: 420 });
    // Only Require counts: Proxy-Require is addressed to proxies, and the edge answers as a UAS.
    expect(header(reply, 'Unsupported')).toBe('nothingSupportsThis, nothingSupportsThisEither');
    expect(refusalsLogged(420)).toHaveLength(1);
    await expectOnlyPingAnswered();
  });

  it('bext01 variant: a Require of outbound, which the edge supports, is served', async () => {
    client.sendRaw(applicationTortures.bext01.replace(/^Require: .*$/m, 'Require: outbound'));
    expect(await answerTo('bext01.0ha0isndaksdj')).toMatchObject({ status: 200 });
  });

  it('invut: answers an INVITE with a body of an unknown type with 415 and Accept, creating nothing', async () => {
    client.sendRaw(toGeneralQueue(applicationTortures.invut));
    const reply = await answerTo('invut.0ha0isndaksdjadsfij34n23d');
    expect(reply).toMatchObject({ status: 415 });
    expect(header(reply, 'Accept')).toBe('application/sdp');
    expect(refusalsLogged(415)).toHaveLength(1);
    expectNothingChanged();
  });

  it('sdp01: answers an INVITE whose Accept excludes SDP with 406 and a Warning, creating nothing', async () => {
    client.sendRaw(toGeneralQueue(applicationTortures.sdp01));
    const reply = await answerTo('sdp01.ndaksdj9342dasdd');
    expect(reply).toMatchObject({ status: 406 });
    expect(header(reply, 'Warning')).toMatch(/^399 \S+ "/);
    expect(refusalsLogged(406)).toHaveLength(1);
    expectNothingChanged();
  });

  it('zeromf: serves an OPTIONS at zero hops (the edge is its endpoint) but forwards no INVITE (483)', async () => {
    client.sendRaw(applicationTortures.zeromf);
    expect(await answerTo('zeromf.jfasdlfnm2o2l43r5u0asdfas')).toMatchObject({ status: 200 });
    client.sendRaw(
      sipRequest('INVITE', 'sip:general@demo', {
        from: '<sip:caller@example.net>;tag=3ghsd41',
        to: '<sip:general@demo>',
        callId: 'zeromf-invite',
        cseq: 1,
        extra: ['Contact: <sip:caller@client.invalid;transport=ws>'],
        body: sdpOffer,
      }).replace('Max-Forwards: 70', 'Max-Forwards: 0'),
    );
    expect(await answerTo('zeromf-invite')).toMatchObject({ status: 483 });
    expect(refusalsLogged(483)).toHaveLength(1);
    expectNothingChanged();
  });

  it('regaut01: answers Authorization of an unknown scheme with a Digest challenge and binds nothing', async () => {
    client.sendRaw(toDemoRegistrar(applicationTortures.regaut01, 'sip:j.user@example.com'));
    const reply = await answerTo('regaut01.0ha0isndaksdj');
    expect(reply).toMatchObject({ status: 401 });
    expect(header(reply, 'WWW-Authenticate')).toMatch(/^Digest realm="demo"/);
    expect(logLines.some((l) => l.includes('other_scheme'))).toBe(true);
    expectNothingChanged();
  });

  it('regaut01 variant: a Digest Authorization for another realm is challenged too, and binds nothing', async () => {
    client.sendRaw(
      toDemoRegistrar(applicationTortures.regaut01, 'sip:j.user@example.com').replace(
        'NoOneKnowsThisScheme opaque-data=here',
        'Digest username="agent01", realm="elsewhere", nonce="x", uri="sip:demo", response="0", qop=auth, nc=00000001, cnonce="c"',
      ),
    );
    expect(await answerTo('regaut01.0ha0isndaksdj')).toMatchObject({ status: 401 });
    expectNothingChanged();
  });

  it('cparam01 and cparam02: a contact parameter stays out of the bound URI, a URI parameter stays in', async () => {
    const first = await registerAsAgent01(
      toDemoRegistrar(applicationTortures.cparam01, 'sip:watson@example.com'),
    );
    expect(first).toMatchObject({ status: 200 });
    expect(header(first, 'Contact')).toBe('<sip:+19725552222@gw1.example.net>;expires=600');
    const bindings = () =>
      env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent01').map((b) => b.contact);
    expect(bindings()).toEqual(['sip:+19725552222@gw1.example.net']);

    const second = await registerAsAgent01(
      toDemoRegistrar(applicationTortures.cparam02, 'sip:watson@example.com'),
      2,
    );
    expect(second).toMatchObject({ status: 200 });
    expect(bindings()).toContain('sip:+19725552222@gw1.example.net;unknownparam');
    expect(second.headers.filter((h) => h.name === 'Contact').map((h) => h.value)).toContain(
      '<sip:+19725552222@gw1.example.net;unknownparam>;expires=600',
    );
  });

  it('regescrt: binds a Contact with an escaped header and gives it back whole', async () => {
    const reply = await registerAsAgent01(
      toDemoRegistrar(applicationTortures.regescrt, 'sip:user@example.com'),
    );
    expect(reply).toMatchObject({ status: 200 });
    expect(header(reply, 'Contact')).toBe(
      '<sip:user@example.com?Route=%3Csip:sip.example.com%3E>;expires=600',
    );
    const [binding] = env.server.sip.registrar.bindingsOfAgent('tenant-demo', 'demo-agent-agent01');
    // The target of requests to the agent is the URI alone: a Request-URI must not carry headers.
    expect(binding).toMatchObject({
      contact: 'sip:user@example.com',
      contactHeaders: '?Route=%3Csip:sip.example.com%3E',
    });
  });

  it('unksm2: refuses a REGISTER whose AOR is not a SIP URI with 400 and binds nothing', async () => {
    // The 400 echoes From and To as they came (RFC 3261 8.2.6), which the test client's own parser
    // would refuse to read: this one case is read as raw text over a socket of its own.
    const raw = new WebSocket(url, 'sip');
    await new Promise((resolve) => raw.once('open', resolve));
    const answer = new Promise<string>((resolve) => raw.once('message', (data) => resolve(String(data))));
    raw.send(applicationTortures.unksm2);
    const text = await answer;
    raw.terminate();
    expect(text).toMatch(/^SIP\/2\.0 400 /);
    expect(text).toContain('Call-ID: unksm2.daksdj@hyphenated-host.example.com\r\n');
    expect(logLines.filter((l) => l.includes('SIP message refused'))).toHaveLength(1);
    expectNothingChanged();
  });

  it('inv2543: refuses an RFC 2543 INVITE (no branch cookie, no From tag) with 400, creating nothing', async () => {
    client.sendRaw(toGeneralQueue(applicationTortures.inv2543));
    const reply = await answerTo('inv2543.1717@ift.client.example.com');
    expect(reply).toMatchObject({ status: 400 });
    expect(reply.kind === 'response' && reply.reason).toMatch(/z9hG4bK/);
    expect(refusalsLogged(400)).toHaveLength(1);
    expectNothingChanged();
  });

  it('badbranch: refuses a request whose branch is the magic cookie alone with 400, and goes on serving', async () => {
    client.sendRaw(applicationTortures.badbranch);
    expect(await answerTo('badbranch.sadonfo23i420jv0as0derf3j3n')).toMatchObject({ status: 400 });
    await expectOnlyPingAnswered();
  });

  it('novelsc: answers a Request-URI of an unknown scheme with 416', async () => {
    client.sendRaw(applicationTortures.novelsc);
    expect(await answerTo('novelsc.asdfasser0q239nwsdfasdkl34')).toMatchObject({ status: 416 });
    expect(refusalsLogged(416)).toHaveLength(1);
  });

  it('esc02 and mpart01: an unknown method gets 501 and a MESSAGE 405, both with Allow', async () => {
    client.sendRaw(validTortures.esc02);
    const unknown = await answerTo('esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf');
    expect(unknown).toMatchObject({ status: 501 });
    expect(header(unknown, 'Allow')).toContain('INVITE');
    // A binary frame holding NULs and CRLFs in its body, framed by its Content-Length.
    client.socket.send(mpart01);
    const message = await answerTo('3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..');
    expect(message).toMatchObject({ status: 405 });
    expect(header(message, 'Allow')).toContain('INVITE');
    expect(refusalsLogged(501)).toHaveLength(1);
    expect(refusalsLogged(405)).toHaveLength(1);
    expectNothingChanged();
  });

  it('bcast: drops a response whose Via names the broadcast address, answering nothing', async () => {
    client.sendRaw(applicationTortures.bcast);
    await expectOnlyPingAnswered();
    expect(logLines.some((l) => l.includes('SIP stray response dropped'))).toBe(true);
  });
});

describe('refusals the edge logs', () => {
  const ghost = (method: string, to: string, callId: string) =>
    sipRequest(method, 'sip:edge@seat-edge.invalid', { from: '<sip:x@y>;tag=1', to, callId, cseq: 2 });

  it('logs a 481 for a request in a dialog that does not exist, with or without a To tag, and for a lost CANCEL', async () => {
    client.sendRaw(ghost('BYE', '<sip:general@demo>;tag=nope', 'ghost-tagged'));
    expect(await answerTo('ghost-tagged')).toMatchObject({ status: 481 });
    client.sendRaw(ghost('BYE', '<sip:general@demo>', 'ghost-untagged'));
    expect(await answerTo('ghost-untagged')).toMatchObject({ status: 481 });
    client.sendRaw(ghost('REFER', '<sip:general@demo>', 'ghost-refer'));
    expect(await answerTo('ghost-refer')).toMatchObject({ status: 481 });
    client.sendRaw(ghost('CANCEL', '<sip:general@demo>', 'ghost-cancel'));
    expect(await answerTo('ghost-cancel')).toMatchObject({ status: 481 });
    const logged = refusalsLogged(481).join('\n');
    expect(refusalsLogged(481)).toHaveLength(4);
    expect(logged).toContain('no such dialog');
    expect(logged).toContain('outside a dialog');
    expect(logged).toContain('CANCEL matches no INVITE');
    expectNothingChanged();
  });

  it('logs a REFER to an unknown target (404) with its reason, and the call goes on', async () => {
    const agentId = 'demo-agent-agent01';
    const agent = await connectSip(url);
    await registerAgent(agent, 'agent01');
    env.server.routing.service.setAgentState('tenant-demo', agentId, 'ready', null, agentId);
    invite(client, 'refer-404', 'anonymous', 'general');
    const offer = await agent.next((m) => m.kind === 'request' && m.method === 'INVITE');
    answer(agent, offer, 'a1');
    expect(await answerTo('refer-404')).toMatchObject({ status: 200 });
    agent.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...uasDialog(offer, 'a1', 'agent01'),
        cseq: 2,
        extra: ['Refer-To: <sip:nobody-here@demo>'],
      }),
    );
    expect(await agent.next((m) => m.kind === 'response' && m.core.cseq.method === 'REFER')).toMatchObject({
      status: 404,
    });
    expect(refusalsLogged(404).join('\n')).toContain('Unknown transfer target');
    expect(env.server.sip.calls.count()).toBe(1);
    await agent.close();
  });
});
