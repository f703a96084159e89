import { describe, expect, it } from 'vitest';
import { maxOwnCalls } from './own-calls';
import { bench, expectOffer, offers } from './testing';

/** A queue, a ready agent a1 on a call of its own, and a colleague a2 not signed in. */
function onCall() {
  const b = bench();
  b.queue({ queueId: 'q', wrapupSeconds: 30 });
  b.agent('a1');
  b.agent('a2');
  b.ready('a1');
  const started = b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'call-1' });
  return { b, started };
}

describe('router: calls of the agent’s own', () => {
  it('shows an agent on a call of its own as busy and offers it nothing, on any channel', () => {
    const { b, started } = onCall();
    expect(started).toContainEqual(
      expect.objectContaining({ type: 'agent_state', agentId: 'a1', state: 'busy' }),
    );
    expect(b.router.agentView('a1')?.state).toBe('busy');
    expect(offers(b.arrive('voice-1', 'q'))).toEqual([]);
    expect(offers(b.arrive('chat-1', 'q', { channel: 'im' }))).toEqual([]);
    expect(b.router.queueView('q', b.clock.now)).toMatchObject({ waiting: 2, available: 0 });
  });

  it('offers queued work right after the call ends, and the agent is ready again', () => {
    const { b } = onCall();
    b.arrive('voice-1', 'q');
    const out = b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' });
    expectOffer(out, 'voice-1', 'a1');
    expect(b.router.agentView('a1')?.state).toBe('reserved');
  });

  it('shows the agent ready again when a call ends with nothing queued', () => {
    const { b } = onCall();
    const out = b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' });
    expect(out).toContainEqual(
      expect.objectContaining({ type: 'agent_state', agentId: 'a1', state: 'ready' }),
    );
  });

  it('keeps the agent busy until the last of several calls ends', () => {
    const { b } = onCall();
    b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'call-2' });
    b.arrive('voice-1', 'q');
    expect(offers(b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' }))).toEqual([]);
    expect(b.router.agentView('a1')?.state).toBe('busy');
    expectOffer(b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-2' }), 'voice-1', 'a1');
  });

  it('counts a call started twice once, and changes nothing for an end without a start', () => {
    const { b } = onCall();
    b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'call-1' });
    const before = b.router.snapshot();
    expect(b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'never-started' })).toEqual([]);
    expect(b.router.snapshot()).toEqual(before);
    b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' });
    expect(b.router.agentView('a1')?.state).toBe('ready');
  });

  it('refuses a call of an unknown agent and changes nothing', () => {
    const { b } = onCall();
    const before = b.router.snapshot();
    for (const type of ['agent_call_start', 'agent_call_end'] as const) {
      const result = b.router.handle({ type, at: b.clock.now, agentId: 'ghost', callId: 'c' });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_AGENT' } });
    }
    expect(b.router.handle({ type: 'agent_call_start', at: b.clock.now, agentId: 'a1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(b.router.snapshot()).toEqual(before);
  });

  it('refuses a call past the limit of calls one agent can be on', () => {
    const { b } = onCall();
    for (let k = 2; k <= maxOwnCalls; k++)
      b.send({ type: 'agent_call_start', agentId: 'a1', callId: `call-${k}` });
    const result = b.router.handle({ type: 'agent_call_start', at: b.clock.now, agentId: 'a1', callId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('shows an agent who calls during wrap-up busy, then in wrap-up again', () => {
    const b = bench();
    b.queue({ queueId: 'q', wrapupSeconds: 30 });
    b.agent('a1');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    b.send({ type: 'end', interactionId: 'c1' });
    b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'call-1' });
    expect(b.router.agentView('a1')?.state).toBe('busy');
    b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' });
    expect(b.router.agentView('a1')?.state).toBe('wrapup');
  });

  it('puts an agent whose call ended behind its colleagues for longest idle: the call was work', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.agent('a2');
    b.ready('a1');
    b.clock.now += 1000;
    b.ready('a2');
    b.clock.now += 1000;
    b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'call-1' });
    b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' });
    expectOffer(b.arrive('c1', 'q'), 'c1', 'a2');
  });

  it('keeps a not-ready agent not ready after its call ends, and offers it nothing', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.send({ type: 'agent_state', agentId: 'a1', state: 'not_ready', reason: 'break' });
    b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'call-1' });
    expect(b.router.agentView('a1')?.state).toBe('busy');
    b.arrive('c1', 'q');
    expect(offers(b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'call-1' }))).toEqual([]);
    expect(b.router.agentView('a1')).toMatchObject({ state: 'not_ready', reason: 'break' });
  });

  it('hands a consulted transfer to a colleague on the consultation call, which stops counting as their own', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.agent('a2');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    b.ready('a2');
    b.send({ type: 'agent_call_start', agentId: 'a1', callId: 'consult' });
    b.send({ type: 'agent_call_start', agentId: 'a2', callId: 'consult' });
    const transfer = {
      type: 'transfer' as const,
      at: b.clock.now,
      interactionId: 'c1',
      agentId: 'a1',
      to: { agentId: 'a2' },
      consulted: true,
    };
    // Without naming the consultation, the colleague is on a call and has no room.
    expect(b.router.handle(transfer)).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    expect(b.router.handle({ ...transfer, consulted: false, callId: 'consult' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expectOffer(b.send({ ...transfer, callId: 'consult' }), 'c1', 'a2');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a2' });
    expect(b.router.snapshot().agents.find((a) => a.id === 'a2')?.calls).toEqual([]);
    expect(b.router.agentView('a2')?.state).toBe('busy');
    // The referrer is still on its leg of the consultation until the edge hangs it up.
    b.arrive('c2', 'q');
    expect(b.router.agentView('a1')?.state).toBe('busy');
    expectOffer(b.send({ type: 'agent_call_end', agentId: 'a1', callId: 'consult' }), 'c2', 'a1');
    // The colleague's own call was handed over: its end changes nothing.
    expect(b.send({ type: 'agent_call_end', agentId: 'a2', callId: 'consult' })).toEqual([]);
  });

  it('refuses a consulted transfer to a colleague who is on another call besides the consultation', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.agent('a2');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    b.ready('a2');
    b.send({ type: 'agent_call_start', agentId: 'a2', callId: 'consult' });
    b.send({ type: 'agent_call_start', agentId: 'a2', callId: 'outbound' });
    const result = b.router.handle({
      type: 'transfer',
      at: b.clock.now,
      interactionId: 'c1',
      agentId: 'a1',
      to: { agentId: 'a2' },
      consulted: true,
      callId: 'consult',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
  });
});
