import { describe, expect, it } from 'vitest';
import { SeatError } from '@contract/errors';
import { createSoftphone } from './softphone';
import type { MediaOptions, SoftphoneAccount } from './sip-ua';
import { FakeUa, fakeMedia } from './testing/fake-ua';

const defaultAccount: SoftphoneAccount = {
  serverUrl: 'ws://127.0.0.1:7420/sip',
  domain: 'demo',
  username: 'agent10',
  password: 'seat-demo',
  displayName: 'Agent Ten',
  iceServers: [],
};

function setUp(account: SoftphoneAccount = defaultAccount) {
  const ua = new FakeUa();
  const { media, log, tracks } = fakeMedia();
  const timers: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  let id = 0;
  const phone = createSoftphone({
    createUa: (given) => {
      expect(given).toEqual(account);
      return ua;
    },
    media,
    now: () => 1000,
    newId: () => `leg-${++id}`,
    timers: {
      set(run, ms) {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    },
    iceSettleMs: 250,
  });
  const stop = phone.start(account);
  return { ua, phone, log, tracks, timers, stop };
}

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

describe('the softphone', () => {
  it('shows the connection and the registration as separate states', () => {
    const { ua, phone } = setUp();
    expect(ua.started).toBe(true);
    ua.emit('connecting', undefined);
    expect(phone.state.transport).toBe('connecting');
    ua.emit('connected', undefined);
    expect(phone.state).toMatchObject({ transport: 'connected', registration: 'registering' });
    ua.emit('registered', undefined);
    expect(phone.state.registration).toBe('registered');
    ua.emit('disconnected', undefined);
    expect(phone.state).toMatchObject({ transport: 'disconnected', registration: 'unregistered' });
    ua.online();
    expect(phone.state).toMatchObject({ transport: 'connected', registration: 'registered' });
  });

  it('rings on the ringer device with the interaction and customer of the INVITE, and announces it once', () => {
    const { ua, phone, log } = setUp();
    ua.online();
    phone.setDevices({ ringerDeviceId: 'bell', speakerDeviceId: 'desk', microphoneDeviceId: 'headset' });
    const seen: string[] = [];
    phone.incoming$.subscribe((leg) => seen.push(leg.id));
    ua.ring({ 'X-Seat-Interaction-Id': 'int-1', 'X-Seat-Customer-Id': 'cust-9' });
    expect(phone.state.primary).toMatchObject({
      state: 'ringing',
      interactionId: 'int-1',
      customerId: 'cust-9',
      remote: 'Alice',
    });
    expect(log).toEqual(['ring bell']);
    expect(seen).toEqual(['leg-1']);
  });

  it('answers with the chosen microphone, stops ringing and plays the caller on the speaker', async () => {
    const { ua, phone, log } = setUp();
    ua.online();
    phone.setDevices({ ringerDeviceId: null, speakerDeviceId: 'desk', microphoneDeviceId: 'headset' });
    const call = ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    await phone.answer();
    expect(call.calls[0]?.[0]).toBe('answer');
    expect(phone.state.primary?.state).toBe('connected');
    expect(log).toEqual(['ring default', 'ring stop', 'microphone headset', 'speaker desk']);
  });

  it('answers the INVITE once ICE has gathered for a moment, not when gathering completes', () => {
    const { ua, timers } = setUp();
    ua.online();
    const call = ua.ring({});
    let readyCalls = 0;
    const ready = () => readyCalls++;
    call.emit('icecandidate', { candidate: {} as RTCIceCandidate, ready });
    call.emit('icecandidate', { candidate: {} as RTCIceCandidate, ready });
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(250);
    timers[0]?.run();
    expect(readyCalls).toBe(1);
  });

  it('calls and answers without ICE servers by default, so gathering never waits for an unreachable one', async () => {
    const { ua, phone } = setUp();
    ua.online();
    const call = ua.ring({});
    await phone.answer();
    expect((call.calls[0]?.[1] as MediaOptions).pcConfig).toEqual({ iceServers: [] });
    await phone.hangup();
    await phone.dial({ kind: 'agent', value: 'agent11' });
    expect(ua.placed[0]?.options.pcConfig).toEqual({ iceServers: [] });
  });

  it('calls and answers with the STUN and TURN servers of the account', async () => {
    const iceServers = [
      { urls: 'stun:stun.example.com' },
      { urls: 'turn:turn.example.com', username: 'seat', credential: 's3cret' },
    ];
    const { ua, phone } = setUp({ ...defaultAccount, iceServers });
    ua.online();
    await phone.dial({ kind: 'agent', value: 'agent11' });
    expect(ua.placed[0]?.options.pcConfig).toEqual({ iceServers });
    await phone.hangup();
    const call = ua.ring({});
    await phone.answer();
    expect((call.calls[0]?.[1] as MediaOptions).pcConfig).toEqual({ iceServers });
  });

  it("waits for the TURN server's relay candidate before the short settle, within a bound", () => {
    const iceServers = [
      { urls: 'stun:stun.example.com' },
      { urls: 'turn:turn.example.com', username: 'seat', credential: 's3cret' },
    ];
    const { ua, timers } = setUp({ ...defaultAccount, iceServers });
    ua.online();
    const call = ua.ring({});
    let readyCalls = 0;
    const ready = () => readyCalls++;
    const candidate = (type: string) =>
      ({ candidate: `candidate:1 1 udp 1 192.0.2.1 5000 typ ${type}` }) as RTCIceCandidate;
    call.emit('icecandidate', { candidate: candidate('host'), ready });
    call.emit('icecandidate', { candidate: candidate('srflx'), ready });
    expect(timers.map((t) => t.ms)).toEqual([2000]);
    call.emit('icecandidate', { candidate: candidate('relay'), ready });
    expect(timers.map((t) => t.ms)).toEqual([2000, 250]);
    timers[1]?.run();
    expect(readyCalls).toBe(1);
  });

  it('lets the answer leave after the bound when the STUN server never answers', () => {
    const { ua, timers } = setUp({
      ...defaultAccount,
      iceServers: [{ urls: 'stun:unreachable.example.com' }],
    });
    ua.online();
    const call = ua.ring({});
    let readyCalls = 0;
    call.emit('icecandidate', { candidate: { type: 'host' } as RTCIceCandidate, ready: () => readyCalls++ });
    expect(timers.map((t) => t.ms)).toEqual([2000]);
    timers[0]?.run();
    expect(readyCalls).toBe(1);
    call.end('remote');
    expect(timers[0]?.cancelled).toBe(true);
  });

  it('refuses a second call while one is up with 486', async () => {
    const { ua, phone } = setUp();
    ua.online();
    ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    await phone.answer();
    const second = ua.ring({ 'X-Seat-Interaction-Id': 'int-2' });
    expect(second.calls).toEqual([['terminate', { status_code: 486, reason_phrase: 'Busy Here' }]]);
    expect(phone.state.primary?.interactionId).toBe('int-1');
  });

  it('rejects with 603 and goes back to idle', async () => {
    const { ua, phone, log } = setUp();
    ua.online();
    const call = ua.ring({});
    await phone.reject();
    expect(call.calls).toEqual([['terminate', { status_code: 603, reason_phrase: 'Decline' }]]);
    expect(phone.state.primary).toBeNull();
    expect(log).toContain('ring stop');
  });

  it('holds with music on hold and resumes with the microphone, keeping mute', async () => {
    const { ua, phone, log, tracks } = setUp();
    ua.online();
    const call = ua.ring({});
    await phone.answer();
    await phone.mute();
    expect(tracks[0]?.enabled).toBe(false);
    await phone.hold();
    expect(phone.state.primary?.state).toBe('held');
    expect(log).toContain('music on');
    tracks[0]!.enabled = true; // JsSIP re-enables sender tracks on unhold
    await phone.resume();
    expect(call.calls.map((c) => c[0])).toEqual(['answer', 'hold', 'unhold']);
    expect(log).toContain('music off');
    expect(phone.state.primary?.state).toBe('connected');
    expect(tracks[0]?.enabled).toBe(false);
  });

  it('sends RFC 4733 DTMF and refuses anything but a DTMF tone', async () => {
    const { ua, phone } = setUp();
    ua.online();
    const call = ua.ring({});
    await phone.answer();
    await phone.dtmf('5');
    expect(call.calls[1]).toEqual([
      'dtmf',
      { tones: '5', options: { transportType: 'RFC2833', duration: 100 } },
    ]);
    const error = await rejection(phone.dtmf('55'));
    expect((error as SeatError).code).toBe('VALIDATION_FAILED');
  });

  it('refuses actions the call state does not allow, sending nothing', async () => {
    const { ua, phone } = setUp();
    ua.online();
    const call = ua.ring({});
    for (const action of [phone.hold, phone.resume, phone.completeTransfer, phone.conference, phone.unmute]) {
      const error = await rejection(action());
      expect(error).toBeInstanceOf(SeatError);
      expect((error as SeatError).code).toBe('INVALID_TRANSITION');
    }
    expect(call.calls).toEqual([]);
    const dial = await rejection(phone.dial({ kind: 'queue', value: 'billing' }));
    expect((dial as SeatError).code).toBe('INVALID_TRANSITION');
    expect(ua.placed).toEqual([]);
  });

  it('dials a queue, an agent or a number in the account domain and refuses a malformed target', async () => {
    const { ua, phone } = setUp();
    ua.online();
    await phone.dial({ kind: 'number', value: '+44 20 7946-0000' });
    expect(ua.placed[0]?.target).toBe('sip:+442079460000@demo');
    expect(phone.state.primary).toMatchObject({ direction: 'outgoing', state: 'dialing' });
    ua.placed[0]?.session.emit('accepted', { originator: 'remote' });
    expect(phone.state.primary?.state).toBe('connected');
    ua.placed[0]?.session.end();
    const error = await rejection(phone.dial({ kind: 'agent', value: 'bob@evil' }));
    expect((error as SeatError).code).toBe('VALIDATION_FAILED');
    expect(ua.placed).toHaveLength(1);
  });

  it('reports why a placed call failed and goes back to idle', async () => {
    const { ua, phone } = setUp();
    ua.online();
    const failures: unknown[] = [];
    phone.callFailures$.subscribe((f) => failures.push(f));
    await phone.dial({ kind: 'number', value: '5550100' });
    ua.placed[0]?.session.emit('failed', { originator: 'remote', cause: 'Not Found' });
    expect(failures).toEqual([{ remote: '5550100', cause: 'Not Found' }]);
    expect(phone.state.primary).toBeNull();
  });

  it('transfers blind with a REFER to the target and reports a refusal', async () => {
    const { ua, phone } = setUp();
    ua.online();
    // A routed call: only those can be transferred or consulted on.
    const call = ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    await phone.answer();
    const done = phone.transfer({ kind: 'queue', value: 'billing' });
    expect(call.lastRefer?.target).toBe('sip:billing@demo');
    call.lastRefer?.options?.eventHandlers?.accepted?.({});
    await done;
    const refused = phone.transfer({ kind: 'agent', value: 'agent11' });
    call.lastRefer?.options?.eventHandlers?.requestFailed?.({
      response: { status_code: 404, reason_phrase: 'Unknown transfer target' },
    });
    const error = await rejection(refused);
    expect((error as SeatError).message).toContain('404 Unknown transfer target');
  });

  it('consults while the caller is held, then completes with a REFER carrying Replaces', async () => {
    const { ua, phone } = setUp();
    ua.online();
    const call = ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    await phone.answer();
    await phone.consult({ kind: 'agent', value: 'agent11' });
    expect(phone.state.primary?.state).toBe('held');
    const consult = ua.placed[0]!.session;
    expect(ua.placed[0]?.target).toBe('sip:agent11@demo');
    consult.emit('accepted', { originator: 'remote' });
    expect(phone.state.consult?.state).toBe('connected');
    const done = phone.completeTransfer();
    expect(call.lastRefer?.target).toBe('sip:agent11@demo');
    expect(call.lastRefer?.options?.replaces).toBe(consult);
    call.lastRefer?.options?.eventHandlers?.accepted?.({});
    await done;
    expect(call.ended && consult.ended).toBe(true);
    expect(phone.state.primary).toBeNull();
  });

  it('refuses to transfer or consult on a direct call, which the edge would refuse, and sends no REFER', async () => {
    const { ua, phone } = setUp();
    ua.online();
    const call = ua.ring({});
    await phone.answer();
    const error = await rejection(phone.transfer({ kind: 'agent', value: 'agent11' }));
    expect((error as SeatError).code).toBe('INVALID_TRANSITION');
    await rejection(phone.consult({ kind: 'agent', value: 'agent11' }));
    expect(call.lastRefer).toBeNull();
    expect(ua.placed).toEqual([]);
  });

  it('cancels a consultation back to the caller', async () => {
    const { ua, phone } = setUp();
    ua.online();
    // A routed call: only those can be transferred or consulted on.
    const call = ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    await phone.answer();
    await phone.consult({ kind: 'number', value: '2001' });
    ua.placed[0]!.session.emit('accepted', { originator: 'remote' });
    await phone.cancelConsult();
    expect(ua.placed[0]!.session.ended).toBe(true);
    expect(call.calls.map((c) => c[0])).toEqual(['answer', 'hold', 'unhold']);
    expect(phone.state).toMatchObject({ consult: null, primary: { state: 'connected' } });
  });

  it('conferences by resuming the caller and mixing, and keeps the consulted party when the caller leaves', async () => {
    const { ua, phone, log } = setUp();
    ua.online();
    // A routed call: only those can be transferred or consulted on.
    const call = ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    await phone.answer();
    await phone.consult({ kind: 'agent', value: 'agent11' });
    ua.placed[0]!.session.emit('accepted', { originator: 'remote' });
    await phone.conference();
    expect(phone.state.conference).toBe(true);
    expect(log).toContain('mix on');
    call.end();
    expect(log).toContain('mix off');
    expect(phone.state).toMatchObject({ conference: false, consult: null, primary: { remote: 'agent11' } });
  });

  it('hangs up every leg and stops their audio', async () => {
    const { ua, phone, tracks } = setUp();
    ua.online();
    const call = ua.ring({});
    await phone.answer();
    await phone.hangup();
    expect(call.ended).toBe(true);
    expect(tracks[0]?.stopped).toBe(true);
    expect(phone.state.primary).toBeNull();
  });

  it('moves to wrap-up and back when the seat socket says so', () => {
    const { phone } = setUp();
    phone.wrapupStarted('int-1');
    expect(phone.state.wrapup?.interactionId).toBe('int-1');
    phone.wrapupFinished('int-2');
    expect(phone.state.wrapup).not.toBeNull();
    phone.wrapupFinished('int-1');
    expect(phone.state.wrapup).toBeNull();
  });

  it('unregisters and stops the user agent when disposed', () => {
    const { ua, phone, stop } = setUp();
    ua.online();
    stop();
    expect(ua.stopped).toBe(true);
    expect(phone.state).toMatchObject({ transport: 'disconnected', registration: 'unregistered' });
  });
});
