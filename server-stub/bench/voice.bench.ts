// Voice benchmark: call set-up time through the SIP edge (INVITE sent by the caller -> 200 OK
// received) for sequential calls to a queue answered by an auto-answering agent softphone, beside
// a raw WebSocket round trip of the same INVITE text measured in the same run. Server, echo server
// and the SIP endpoints are separate processes from the server (2 cores). Prints one JSON line.
//
//   npm run bench:voice -- [--calls 200] [--durability process|power]
//
// Each call: INVITE -> (router offers agent01 -> edge INVITEs the agent, who answers 200 at once ->
// router accepts) -> 200 to the caller; then ACK, BYE, and the agent's seat wraps up over the seat
// WebSocket so the agent is ready again before the next call.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { header } from '../channels/sip/message/sipMessage';
import { digestAuthorization, sipRequest, sipResponse } from '../channels/sip/testing/sipTestClient';
import { startTsChild, type StartedChild } from './childProcess';
import { percentile, round } from './stats';
import { connectBenchSip, token } from './voiceClient';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    durability: { type: 'string', default: 'process' },
  },
});
const calls = Math.max(1, Math.min(10_000, Number(values.calls) || 200));
const warmUp = 10;
const root = path.resolve(import.meta.dirname, '../..');
const tsconfig = path.join(root, 'server-stub/tsconfig.json');
const children: StartedChild[] = [];
process.on('exit', () => {
  for (const c of children) c.child.kill('SIGKILL');
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const sdp =
  'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\na=sendrecv\r\n';
const inviteText = (callId: string) =>
  sipRequest('INVITE', 'sip:general@demo', {
    from: `"Bench caller" <sip:bench@anonymous.invalid>;tag=${callId}`,
    to: '<sip:general@demo>',
    callId,
    cseq: 1,
    branch: `z9hG4bK${callId}`,
    extra: ['Contact: <sip:caller@client.invalid;transport=ws>'],
    body: sdp,
  });

// 1. The floor: the same INVITE text echoed by a raw ws server, sequentially.
log('raw WebSocket floor…');
const echo = await startTsChild(
  path.join(import.meta.dirname, 'echoServer.ts'),
  [],
  /echo listening on (\d+)/,
  {
    tsconfig,
  },
);
children.push(echo);
const floorSamples: number[] = [];
{
  const socket = new WebSocket(`ws://127.0.0.1:${echo.match[1]}`, { perMessageDeflate: false });
  await new Promise<void>(
    (resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)),
  );
  const text = inviteText(token());
  for (let i = 0; i < calls + warmUp; i++) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      socket.once('message', () => resolve());
      socket.send(text);
    });
    if (i >= warmUp) floorSamples.push(performance.now() - started);
  }
  socket.close();
}
await echo.stop();

// 2. The server with the demo tenant.
log('voice server…');
const server = await startTsChild(
  path.join(import.meta.dirname, 'voiceServer.ts'),
  [values.durability === 'power' ? 'power' : 'process'],
  /VOICE READY (.+)/,
  { tsconfig },
);
children.push(server);
const { port } = JSON.parse(server.match[1] ?? '{}') as { port: number };
const sipUrl = `ws://127.0.0.1:${port}/sip`;

// 3. agent01's seat: ready, and wraps up every call it is given.
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'agent01', password: 'seat-demo' }),
});
if (!login.ok) throw new Error(`login failed: ${login.status}`);
const { token: seatToken } = (await login.json()) as { token: string };
let readyFrames = 0;
let frameIds = 0;
const seat = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(seatToken)}`, {
  perMessageDeflate: false,
});
seat.on('message', (data) => {
  const frame = JSON.parse(String(data)) as {
    type: string;
    status?: { state: string };
    interaction?: { id: string; state: string };
  };
  const send = (body: Record<string, unknown>) =>
    seat.send(JSON.stringify({ ...body, id: String(++frameIds) }));
  if (frame.type === 'hello') send({ type: 'agent.setState', state: 'ready' });
  else if (frame.type === 'agent.state' && frame.status?.state === 'ready') readyFrames++;
  else if (frame.type === 'interaction.update' && frame.interaction?.state === 'wrapup')
    send({ type: 'interaction.wrapup', interactionId: frame.interaction.id, disposition: 'resolved' });
});
const readyAfter = async (count: number) => {
  for (let i = 0; i < 2000 && readyFrames <= count; i++) await new Promise((r) => setTimeout(r, 1));
  if (readyFrames <= count) throw new Error('the agent did not become ready again');
};
await readyAfter(0);

// 4. agent01's softphone: registered with its Seat password, answers every INVITE at once.
const agent = await connectBenchSip(sipUrl);
const register = (cseq: number, authorization?: string) =>
  agent.send(
    sipRequest('REGISTER', 'sip:demo', {
      from: '<sip:agent01@demo>;tag=reg',
      to: '<sip:agent01@demo>',
      callId: 'bench-register',
      cseq,
      extra: [
        'Contact: <sip:agent01@bench.invalid;transport=ws>',
        'Expires: 3600',
        ...(authorization ? [`Authorization: ${authorization}`] : []),
      ],
    }),
  );
register(1);
const challenge = await agent.next((m) => m.kind === 'response' && m.core.callId === 'bench-register');
register(
  2,
  digestAuthorization(header(challenge, 'WWW-Authenticate') ?? '', {
    username: 'agent01',
    password: 'seat-demo',
    method: 'REGISTER',
    uri: 'sip:demo',
  }),
);
const registered = await agent.next((m) => m.kind === 'response' && m.core.callId === 'bench-register');
if (registered.kind !== 'response' || registered.status !== 200)
  throw new Error('agent01 could not register');
let agentInviteAt = 0;
agent.onUnclaimed((m) => {
  if (m.kind !== 'request' || m.method === 'ACK') return;
  if (m.method === 'INVITE') agentInviteAt = performance.now();
  const tag = `a${m.core.callId.slice(0, 8)}`;
  if (m.method === 'INVITE')
    agent.send(
      sipResponse(m, 200, 'OK', {
        toTag: tag,
        extra: ['Contact: <sip:agent01@bench.invalid;transport=ws>'],
        body: sdp,
      }),
    );
  else agent.send(sipResponse(m, 200, 'OK', { toTag: tag }));
});

// 5. Sequential calls.
log(`${calls} calls…`);
const caller = await connectBenchSip(sipUrl);
const setup: number[] = [];
/** INVITE sent -> the edge's INVITE reached the agent: queueing, routing and the offer. */
const toAgent: number[] = [];
let failed = 0;
for (let i = 0; i < calls + warmUp; i++) {
  const callId = `bench-${i}-${token()}`;
  const readyBefore = readyFrames;
  const started = performance.now();
  caller.send(inviteText(callId));
  const final = await caller.next(
    (m) => m.kind === 'response' && m.core.callId === callId && m.status >= 200,
  );
  const elapsed = performance.now() - started;
  if (final.kind !== 'response' || final.status !== 200) {
    failed++;
    continue;
  }
  if (i >= warmUp) {
    setup.push(elapsed);
    toAgent.push(agentInviteAt - started);
  }
  const dialog = {
    from: `"Bench caller" <sip:bench@anonymous.invalid>;tag=${callId}`,
    to: header(final, 'To') ?? '',
    callId,
  };
  caller.send(sipRequest('ACK', 'sip:edge@seat-edge.invalid', { ...dialog, cseq: 1 }));
  caller.send(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...dialog, cseq: 2 }));
  await caller.next((m) => m.kind === 'response' && m.core.callId === callId && m.core.cseq.method === 'BYE');
  await readyAfter(readyBefore);
}
caller.close();
agent.close();
seat.close();
await server.stop();

const ms = (samples: number[], p: number) => round(percentile(samples, p), 3);
process.stdout.write(
  `${JSON.stringify({
    callSetup: { p50: ms(setup, 50), p99: ms(setup, 99), n: setup.length, failed },
    inviteToAgent: { p50: ms(toAgent, 50), p99: ms(toAgent, 99) },
    floor: {
      rawWsRoundTrip: { p50: ms(floorSamples, 50), p99: ms(floorSamples, 99), n: floorSamples.length },
    },
    unit: 'ms',
    durability: values.durability === 'power' ? 'power' : 'process',
  })}\n`,
);
