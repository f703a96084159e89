import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/testServer';
import { header } from './message/sipMessage';
import {
  answer,
  finalOf,
  invite,
  registerAgent,
  requestOf,
  sdpAnswer,
  sdpOffer,
  uacDialog,
  uasDialog,
} from './testing/sipScenario';
import { connectSip, sipRequest, sipResponse, type SipTestClient } from './testing/sipTestClient';

// Calls agents place from their softphones (colleague, queue, number), attended transfer with
// Replaces, cancel-back, glare and refusals, against the real server and router on 127.0.0.1.

const tenant = 'tenant-demo';
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

/** Two demo agents who serve General (English), in username order. */
function englishAgents(): Array<{ username: string; agentId: string }> {
  return env.server.store.sqlite
    .prepare(
      "SELECT u.username AS username, u.agent_id AS agentId FROM users u JOIN agent_skills s ON s.agent_id = u.agent_id WHERE s.skill_id = 'demo-skill-english' AND s.proficiency >= 3 ORDER BY u.username LIMIT 2",
    )
    .all() as Array<{ username: string; agentId: string }>;
}
const ready = (agentId: string) =>
  env.server.routing.service.setAgentState(tenant, agentId, 'ready', null, agentId);
const callCount = () =>
  (env.server.store.sqlite.prepare('SELECT COUNT(*) AS n FROM call_records').get() as { n: number }).n;
const recordOf = (where: string, ...args: unknown[]) =>
  env.server.store.sqlite.prepare(`SELECT * FROM call_records WHERE ${where}`).get(...args) as Record<
    string,
    string | null
  >;

/** A customer's call to General answered by `agent` (registered over `agentClient`). */
async function connectedCustomerCall(agentClient: SipTestClient, agentUsername: string, callId = 'cust-1') {
  const caller = await open();
  caller.sendRaw(
    sipRequest('INVITE', 'sip:general@demo', {
      from: '"Web customer" <sip:anonymous@anonymous.invalid>;tag=c1',
      to: '<sip:general@demo>',
      callId,
      cseq: 1,
      branch: `z9hG4bK${callId}`,
      extra: ['Contact: <sip:caller@client.invalid;transport=ws>'],
      body: sdpOffer,
    }),
  );
  const offer = await requestOf(agentClient, 'INVITE');
  const interactionId = header(offer, 'X-Seat-Interaction-Id') as string;
  answer(agentClient, offer, 'a1');
  const ok = await finalOf(caller, callId);
  await requestOf(agentClient, 'ACK');
  caller.sendRaw(sipRequest('ACK', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 1 }));
  return {
    caller,
    callerDialog: uacDialog(ok),
    agentDialog: uasDialog(offer, 'a1', agentUsername),
    interactionId,
  };
}

/** Agent A calls colleague B, who answers; returns A's view of the consultation dialog. */
async function consultation(
  a: SipTestClient,
  aUser: string,
  b: SipTestClient,
  bUser: string,
  callId = 'consult-1',
) {
  invite(a, callId, aUser, bUser, 'ca');
  const ringing = await requestOf(b, 'INVITE');
  answer(b, ringing, 'cb');
  const ok = await finalOf(a, callId);
  expect(ok).toMatchObject({ status: 200 });
  await requestOf(b, 'ACK');
  a.sendRaw(sipRequest('ACK', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 1 }));
  return { ok, aDialog: uacDialog(ok), bDialog: uasDialog(ringing, 'cb', bUser), ringing };
}

describe('calls agents place', () => {
  it('bridges an agent to a registered colleague and records the internal call', async () => {
    const [first, second] = englishAgents();
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    invite(a, 'int-1', first!.username, second!.username);
    const ringing = await requestOf(b, 'INVITE');
    expect(header(ringing, 'X-Seat-Call-Kind')).toBe('internal');
    expect(header(ringing, 'X-Seat-Caller-Agent-Id')).toBe(first!.agentId);
    expect(ringing.body).toBe(sdpOffer);
    b.sendRaw(sipResponse(ringing, 180, 'Ringing', { toTag: 'b1' }));
    expect(await a.next((m) => m.kind === 'response' && m.status === 180)).toBeTruthy();
    answer(b, ringing, 'b1');
    const ok = await finalOf(a, 'int-1');
    expect(ok).toMatchObject({ status: 200, body: sdpAnswer });
    await requestOf(b, 'ACK');
    a.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 2 }));
    expect(await finalOf(a, 'int-1', 'BYE')).toMatchObject({ status: 200 });
    expect(await requestOf(b, 'BYE')).toBeTruthy();
    expect(env.server.sip.calls.count()).toBe(0);
    const record = recordOf('direction = ?', 'internal');
    expect(record).toMatchObject({
      caller_agent_id: first!.agentId,
      to_party: `sip:${second!.username}@demo`,
      end_reason: 'caller_hangup',
      interaction_id: null,
    });
    expect(record['answered_at']).not.toBeNull();
    expect(JSON.parse(record['agent_ids'] as string)).toEqual([second!.agentId]);
  });

  it('passes a colleague declining on to the caller, and records it as rejected', async () => {
    const [first, second] = englishAgents();
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    invite(a, 'int-2', first!.username, second!.username);
    const ringing = await requestOf(b, 'INVITE');
    b.sendRaw(sipResponse(ringing, 486, 'Busy Here', { toTag: 'b2' }));
    expect(await finalOf(a, 'int-2')).toMatchObject({ status: 486 });
    expect(recordOf('direction = ?', 'internal')).toMatchObject({
      end_reason: 'rejected',
      answered_at: null,
    });
  });

  it('makes an agent call to a queue a routed interaction', async () => {
    const [first] = englishAgents();
    const a = await open();
    await registerAgent(a, first!.username);
    invite(a, 'toq-1', first!.username, 'billing');
    const queued = await a.next((m) => m.kind === 'response' && m.status === 182);
    expect(header(queued, 'X-Seat-Queue-Position')).toBe('1');
    const [interaction] = env.server.routing.service.list(tenant, ['queued'], 5);
    expect(interaction).toMatchObject({ queueId: 'demo-queue-billing', channel: 'voice' });
    expect(recordOf('interaction_id = ?', interaction!.id)).toMatchObject({
      direction: 'internal',
      caller_agent_id: first!.agentId,
      queue_id: 'demo-queue-billing',
    });
  });

  it('refuses what cannot be reached with a Warning, and records nothing', async () => {
    const [first, second] = englishAgents();
    const a = await open();
    await registerAgent(a, first!.username);
    invite(a, 'no-1', first!.username, second!.username);
    const offline = await finalOf(a, 'no-1');
    expect(offline).toMatchObject({ status: 480 });
    expect(header(offline, 'Warning')).toMatch(/^399 .* "agent\d+ has no registered softphone"$/);
    invite(a, 'no-2', first!.username, '+442079460000');
    const number = await finalOf(a, 'no-2');
    expect(number).toMatchObject({ status: 404 });
    expect(header(number, 'Warning')).toContain('No outbound trunk is configured');
    invite(a, 'no-3', first!.username, first!.username);
    expect(await finalOf(a, 'no-3')).toMatchObject({ status: 403 });
    const anonymous = await open();
    invite(anonymous, 'no-4', 'someone', second!.username);
    expect(await finalOf(anonymous, 'no-4')).toMatchObject({ status: 403 });
    invite(anonymous, 'no-5', 'someone', 'nobody-here');
    expect(await finalOf(anonymous, 'no-5')).toMatchObject({ status: 404 });
    expect(callCount()).toBe(0);
    expect(env.server.sip.calls.count()).toBe(0);
  });
});

describe('requests a call state does not allow', () => {
  it('refuses a hold re-INVITE and a REFER while the call still waits in the queue, leaving it queued', async () => {
    const caller = await open();
    invite(caller, 'early-1', 'anonymous', 'billing', 'e1');
    const queued = await caller.next((m) => m.kind === 'response' && m.status === 182);
    const early = { from: header(queued, 'From') ?? '', to: header(queued, 'To') ?? '', callId: 'early-1' };
    caller.sendRaw(sipRequest('INVITE', 'sip:edge@seat-edge.invalid', { ...early, cseq: 2, body: sdpOffer }));
    expect(await finalOf(caller, 'early-1', 'INVITE', 2)).toMatchObject({ status: 488 });
    caller.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...early,
        cseq: 3,
        extra: ['Refer-To: <sip:general@demo>'],
      }),
    );
    expect(await finalOf(caller, 'early-1', 'REFER')).toMatchObject({ status: 403 });
    // A BYE naming the dialog with a From tag that is not the caller's is another dialog: 481.
    caller.sendRaw(
      sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...early, from: '<sip:x@y>;tag=forged', cseq: 4 }),
    );
    expect(await finalOf(caller, 'early-1', 'BYE')).toMatchObject({ status: 481 });
    const [interaction] = env.server.routing.service.list(tenant, ['queued'], 5);
    expect(interaction).toMatchObject({ state: 'queued', queueId: 'demo-queue-billing' });
    expect(env.server.sip.calls.count()).toBe(1);
  });
});

describe('in-dialog requests out of order or without a subscription', () => {
  it('answers an older CSeq with 500 and a NOTIFY with 481, and the call goes on', async () => {
    const [first] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    await registerAgent(a, first!.username);
    const call = await connectedCustomerCall(a, first!.username);
    a.sendRaw(sipRequest('OPTIONS', 'sip:edge@seat-edge.invalid', { ...call.agentDialog, cseq: 5 }));
    expect(await finalOf(a, call.agentDialog.callId, 'OPTIONS')).toMatchObject({ status: 200 });
    a.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...call.agentDialog, cseq: 4 }));
    expect(await finalOf(a, call.agentDialog.callId, 'BYE')).toMatchObject({ status: 500 });
    a.sendRaw(
      sipRequest('NOTIFY', 'sip:edge@seat-edge.invalid', {
        ...call.agentDialog,
        cseq: 6,
        extra: ['Event: refer', 'Subscription-State: terminated'],
      }),
    );
    expect(await finalOf(a, call.agentDialog.callId, 'NOTIFY')).toMatchObject({ status: 481 });
    expect(env.server.routing.service.get(tenant, call.interactionId).state).toBe('active');
    expect(env.server.sip.calls.count()).toBe(1);
  });
});

describe('registration expiry', () => {
  it('forgets a binding once it expires: the agent is no longer rung, and its own calls are refused', async () => {
    const [first, second] = englishAgents();
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    env.clock.now += 601_000;
    expect(env.server.sip.registrar.bindingsOfAgent(tenant, second!.agentId)).toHaveLength(0);
    env.server.sip.sweep();
    invite(a, 'late-1', first!.username, second!.username);
    // a's own binding expired too: it is an anonymous connection now, which may not call a colleague.
    expect(await finalOf(a, 'late-1')).toMatchObject({ status: 403 });
    await registerAgent(a, first!.username, 3);
    invite(a, 'late-2', first!.username, second!.username);
    const offline = await finalOf(a, 'late-2');
    expect(offline).toMatchObject({ status: 480 });
    expect(callCount()).toBe(0);
  });
});

describe('limits and cancels', () => {
  it('lets one connection place at most four calls at a time', async () => {
    const caller = await open();
    for (let i = 1; i <= 4; i++) {
      invite(caller, `flood-${i}`, 'anonymous', 'billing', `f${i}`);
      expect(
        await caller.next((m) => m.kind === 'response' && m.core.callId === `flood-${i}` && m.status === 182),
      ).toBeTruthy();
    }
    invite(caller, 'flood-5', 'anonymous', 'billing', 'f5');
    const refused = await finalOf(caller, 'flood-5');
    expect(refused).toMatchObject({ status: 486 });
    expect(header(refused, 'Warning')).toContain('At most 4 calls');
    expect(env.server.routing.service.list(tenant, ['queued'], 10)).toHaveLength(4);
  });

  it('cancels a call to a colleague that still rings: 487 to the caller, CANCEL to the colleague', async () => {
    const [first, second] = englishAgents();
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    invite(a, 'ring-1', first!.username, second!.username, 'r1');
    const ringing = await requestOf(b, 'INVITE');
    b.sendRaw(sipResponse(ringing, 180, 'Ringing', { toTag: 'rb' }));
    await a.next((m) => m.kind === 'response' && m.status === 180);
    a.sendRaw(
      sipRequest('CANCEL', `sip:${second!.username}@demo`, {
        from: `<sip:${first!.username}@demo>;tag=r1`,
        to: `<sip:${second!.username}@demo>`,
        callId: 'ring-1',
        cseq: 1,
        branch: 'z9hG4bKring-1',
      }),
    );
    expect(await finalOf(a, 'ring-1', 'CANCEL')).toMatchObject({ status: 200 });
    expect(await finalOf(a, 'ring-1')).toMatchObject({ status: 487 });
    const cancel = await requestOf(b, 'CANCEL');
    expect(cancel.core.callId).toBe(ringing.core.callId);
    expect(recordOf('direction = ?', 'internal')).toMatchObject({
      end_reason: 'cancelled',
      answered_at: null,
    });
    expect(env.server.sip.calls.count()).toBe(0);
  });
});

describe('attended transfer and its refusals', () => {
  it('hands the customer to the consulted colleague with REFER/Replaces and moves the interaction, even to a colleague on a break', async () => {
    const [first, second] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    const call = await connectedCustomerCall(a, first!.username);
    // Not ready: a blind transfer would be refused, but this colleague is on the consultation.
    env.server.routing.service.setAgentState(tenant, second!.agentId, 'not_ready', 'break', second!.agentId);
    const consult = await consultation(a, first!.username, b, second!.username);

    const replaces = encodeURIComponent(
      `${consult.aDialog.callId};to-tag=${consult.ok.core.to.tag};from-tag=${consult.ok.core.from.tag}`,
    );
    a.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...call.agentDialog,
        cseq: 2,
        extra: [`Refer-To: <sip:${second!.username}@demo?Replaces=${replaces}>`],
      }),
    );
    expect(await finalOf(a, call.agentDialog.callId, 'REFER')).toMatchObject({ status: 202 });
    // B: an offerless re-INVITE naming the interaction; its offer goes to the caller, the caller's answer back.
    const reinvite = await requestOf(b, 'INVITE');
    expect(reinvite.body).toBe('');
    expect(header(reinvite, 'X-Seat-Interaction-Id')).toBe(call.interactionId);
    answer(b, reinvite, 'cb', sdpOffer.replace('o=- 1 1', 'o=- 7 7'));
    const callerReinvite = await requestOf(call.caller, 'INVITE');
    expect(callerReinvite.body).toContain('o=- 7 7');
    call.caller.sendRaw(sipResponse(callerReinvite, 200, 'OK', { body: sdpAnswer }));
    expect(await requestOf(call.caller, 'ACK')).toBeTruthy();
    const ack = await requestOf(b, 'ACK');
    expect(ack.body).toBe(sdpAnswer);
    // A: progress, success, and both legs hung up.
    const notifies = [await requestOf(a, 'NOTIFY'), await requestOf(a, 'NOTIFY')];
    expect(notifies.map((n) => n.body)).toEqual(['SIP/2.0 100 Trying\r\n', 'SIP/2.0 200 OK\r\n']);
    const byes = [await requestOf(a, 'BYE'), await requestOf(a, 'BYE')];
    expect(byes.map((m) => m.core.callId).sort()).toEqual(
      [consult.aDialog.callId, call.agentDialog.callId].sort(),
    );

    expect(env.server.routing.service.get(tenant, call.interactionId)).toMatchObject({
      state: 'active',
      agentId: second!.agentId,
    });
    expect(env.server.sip.calls.count()).toBe(1);
    const record = recordOf('interaction_id = ?', call.interactionId);
    expect(JSON.parse(record['agent_ids'] as string)).toEqual([first!.agentId, second!.agentId]);
    expect(recordOf('direction = ?', 'internal')).toMatchObject({ end_reason: 'transferred' });
    // The referrer's consultation is over and the colleague's became the customer's call.
    expect(env.server.routing.service.agentStatus(tenant, first!.agentId)?.state).toBe('ready');
    expect(env.server.routing.service.agentStatus(tenant, second!.agentId)?.state).toBe('busy');

    // The caller now talks to B: B's BYE ends the interaction for B.
    b.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...consult.bDialog, cseq: 3 }));
    expect(await requestOf(call.caller, 'BYE')).toBeTruthy();
    expect(env.server.routing.service.get(tenant, call.interactionId).state).toBe('wrapup');
    expect(env.server.routing.service.agentStatus(tenant, second!.agentId)?.state).toBe('wrapup');
  });

  it('answers a Replaces naming no dialog with a 481 sipfrag and a number without a trunk with 404, changing nothing', async () => {
    const [first, second] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    await registerAgent(a, first!.username);
    const call = await connectedCustomerCall(a, first!.username);
    a.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...call.agentDialog,
        cseq: 2,
        extra: [`Refer-To: <sip:${second!.username}@demo?Replaces=ghost%3Bto-tag%3Dx%3Bfrom-tag%3Dy>`],
      }),
    );
    expect(await finalOf(a, call.agentDialog.callId, 'REFER')).toMatchObject({ status: 202 });
    const notify = await requestOf(a, 'NOTIFY');
    expect(notify.body).toBe('SIP/2.0 481 Call/Transaction Does Not Exist\r\n');
    expect(header(notify, 'Subscription-State')).toMatch(/^terminated/);
    // A number without a trunk: 404 with a Warning, and the call stays.
    a.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...call.agentDialog,
        cseq: 3,
        extra: ['Refer-To: <sip:+15551234@demo>'],
      }),
    );
    const noTrunk = await finalOf(a, call.agentDialog.callId, 'REFER', 3);
    expect(noTrunk).toMatchObject({ status: 404 });
    expect(header(noTrunk, 'Warning')).toContain('No outbound trunk');
    expect(env.server.routing.service.get(tenant, call.interactionId)).toMatchObject({
      state: 'active',
      agentId: first!.agentId,
    });
    expect(env.server.sip.calls.count()).toBe(1);
  });

  it('cancels back: the agent hangs up the consultation and resumes the held customer', async () => {
    const [first, second] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    const call = await connectedCustomerCall(a, first!.username);
    const hold = (seq: number, direction: string) => {
      a.sendRaw(
        sipRequest('INVITE', 'sip:edge@seat-edge.invalid', {
          ...call.agentDialog,
          cseq: seq,
          body: sdpAnswer.replace('a=sendrecv', direction),
        }),
      );
    };
    hold(2, 'a=sendonly');
    const held = await requestOf(call.caller, 'INVITE');
    call.caller.sendRaw(sipResponse(held, 200, 'OK', { body: sdpOffer.replace('a=sendrecv', 'a=recvonly') }));
    expect(await finalOf(a, call.agentDialog.callId, 'INVITE', 2)).toMatchObject({ status: 200 });
    const consult = await consultation(a, first!.username, b, second!.username);
    a.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...consult.aDialog, cseq: 2 }));
    expect(await requestOf(b, 'BYE')).toBeTruthy();
    hold(3, 'a=sendrecv');
    const resumed = await requestOf(call.caller, 'INVITE');
    expect(resumed.body).toContain('a=sendrecv');
    call.caller.sendRaw(sipResponse(resumed, 200, 'OK', { body: sdpOffer }));
    expect(await finalOf(a, call.agentDialog.callId, 'INVITE', 3)).toMatchObject({ status: 200 });
    expect(env.server.routing.service.get(tenant, call.interactionId)).toMatchObject({
      state: 'active',
      agentId: first!.agentId,
    });
  });

  it('answers glare with 491 on either side and a REFER from the customer with 403, changing nothing', async () => {
    const [first] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    await registerAgent(a, first!.username);
    const call = await connectedCustomerCall(a, first!.username);
    const reinvite = (seq: number) =>
      a.sendRaw(
        sipRequest('INVITE', 'sip:edge@seat-edge.invalid', {
          ...call.agentDialog,
          cseq: seq,
          body: sdpAnswer,
        }),
      );
    reinvite(2);
    await requestOf(call.caller, 'INVITE');
    reinvite(3);
    expect(await finalOf(a, call.agentDialog.callId, 'INVITE', 3)).toMatchObject({ status: 491 });
    call.caller.sendRaw(
      sipRequest('INVITE', 'sip:edge@seat-edge.invalid', { ...call.callerDialog, cseq: 2, body: sdpOffer }),
    );
    expect(await finalOf(call.caller, call.callerDialog.callId, 'INVITE', 2)).toMatchObject({ status: 491 });
    call.caller.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...call.callerDialog,
        cseq: 3,
        extra: ['Refer-To: <sip:billing@demo>'],
      }),
    );
    expect(await finalOf(call.caller, call.callerDialog.callId, 'REFER')).toMatchObject({ status: 403 });
    // A REFER while the first re-INVITE is still pending is glare too.
    a.sendRaw(
      sipRequest('REFER', 'sip:edge@seat-edge.invalid', {
        ...call.agentDialog,
        cseq: 4,
        extra: ['Refer-To: <sip:billing@demo>'],
      }),
    );
    expect(await finalOf(a, call.agentDialog.callId, 'REFER')).toMatchObject({ status: 491 });
    expect(env.server.routing.service.get(tenant, call.interactionId)).toMatchObject({
      state: 'active',
      agentId: first!.agentId,
      queueId: 'demo-queue-general',
    });
  });
});

describe('agents on calls of their own', () => {
  const status = (agentId: string) => env.server.routing.service.agentStatus(tenant, agentId)?.state;
  /** A customer's call to General, which waits in the queue (182) while nobody can take it. */
  async function queuedCustomer(callId: string) {
    const caller = await open();
    invite(caller, callId, 'anonymous', 'general', `t-${callId}`);
    expect(await caller.next((m) => m.kind === 'response' && m.status === 182)).toBeTruthy();
    const [waiting] = env.server.routing.service.list(tenant, ['queued'], 5);
    return waiting!.id;
  }

  it('offers no customer call to an agent on an internal call they placed, and offers it right after they hang up', async () => {
    const [first, second] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    invite(a, 'own-1', first!.username, second!.username, 'o1');
    const ringing = await requestOf(b, 'INVITE');
    // Dialling already counts: the agent is on the call from the first ring.
    expect(status(first!.agentId)).toBe('busy');
    answer(b, ringing, 'ob');
    const ok = await finalOf(a, 'own-1');
    await requestOf(b, 'ACK');
    a.sendRaw(sipRequest('ACK', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 1 }));
    // A colleague signed out of routing is still shown signed out while on the call.
    expect(status(second!.agentId)).toBe('logged_out');

    const interactionId = await queuedCustomer('cust-own-1');
    expect(env.server.routing.service.get(tenant, interactionId).state).toBe('queued');
    expect(status(first!.agentId)).toBe('busy');

    a.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...uacDialog(ok), cseq: 2 }));
    expect(await finalOf(a, 'own-1', 'BYE')).toMatchObject({ status: 200 });
    const offer = await requestOf(a, 'INVITE');
    expect(header(offer, 'X-Seat-Interaction-Id')).toBe(interactionId);
    expect(env.server.routing.service.get(tenant, interactionId)).toMatchObject({
      state: 'offered',
      agentId: first!.agentId,
    });
  });

  it('offers no customer call to a colleague who answered an internal call, and offers it once the call ends', async () => {
    const [first, second] = englishAgents();
    ready(second!.agentId);
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    const consult = await consultation(a, first!.username, b, second!.username, 'own-2');
    expect(status(second!.agentId)).toBe('busy');

    const interactionId = await queuedCustomer('cust-own-2');
    expect(env.server.routing.service.get(tenant, interactionId).state).toBe('queued');

    // The colleague hangs up: the call is over for both, and the colleague is offered the customer.
    b.sendRaw(sipRequest('BYE', 'sip:edge@seat-edge.invalid', { ...consult.bDialog, cseq: 2 }));
    expect(await requestOf(a, 'BYE')).toBeTruthy();
    const offer = await requestOf(b, 'INVITE');
    expect(header(offer, 'X-Seat-Interaction-Id')).toBe(interactionId);
    expect(status(first!.agentId)).toBe('logged_out');
  });

  it('ends an agent’s own call when the dialled colleague declines, so the agent is offered work again', async () => {
    const [first, second] = englishAgents();
    ready(first!.agentId);
    const a = await open();
    const b = await open();
    await registerAgent(a, first!.username);
    await registerAgent(b, second!.username, 2);
    invite(a, 'own-3', first!.username, second!.username, 'o3');
    const ringing = await requestOf(b, 'INVITE');
    expect(status(first!.agentId)).toBe('busy');
    b.sendRaw(sipResponse(ringing, 486, 'Busy Here', { toTag: 'o3b' }));
    expect(await finalOf(a, 'own-3')).toMatchObject({ status: 486 });
    expect(status(first!.agentId)).toBe('ready');
  });
});
