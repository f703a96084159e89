import { describe, expect, it } from 'vitest';
import { bench, expectOffer, offers } from './testing';

describe('router: offering work', () => {
  it('offers a call to the only ready agent and reserves the agent', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.ready('a1');
    const out = b.arrive('c1', 'q');
    expectOffer(out, 'c1', 'a1');
    expect(b.router.agentView('a1')?.state).toBe('reserved');
    expect(out.find((d) => d.type === 'offer')?.audience).toEqual({
      agents: ['a1'],
      wallboards: true,
      customer: false,
    });
  });

  it("tells the head start a queue's priority classes give a customer, and nothing for an unknown queue", () => {
    const b = bench();
    b.queue({
      queueId: 'q',
      priority: { vipSeconds: 900, tierSeconds: { gold: 120 }, boostSeconds: { angry: 30 } },
    });
    expect(b.router.headStartSeconds('q', { vip: false, tier: null, boosts: [] })).toBe(0);
    // Each boost counts once, as in the routing key.
    expect(b.router.headStartSeconds('q', { vip: true, tier: 'gold', boosts: ['angry', 'angry'] })).toBe(
      1050,
    );
    expect(b.router.headStartSeconds('nowhere', { vip: true, tier: null, boosts: [] })).toBeNull();
  });

  it('queues a call while nobody is ready and offers it when an agent becomes ready', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    expect(offers(b.arrive('c1', 'q'))).toEqual([]);
    expect(b.router.queueView('q', b.clock.now)?.waiting).toBe(1);
    expectOffer(b.ready('a1'), 'c1', 'a1');
  });

  it('runs an interaction through accept, end, wrap-up and disposition, with every agent state announced', () => {
    const b = bench();
    b.queue({ queueId: 'q', wrapupSeconds: 30, dispositions: ['solved', 'escalated'] });
    b.agent('a1');
    b.ready('a1');
    b.arrive('c1', 'q');
    const states: string[] = [];
    const track = (ds: ReturnType<typeof b.send>) =>
      ds.forEach((d) => d.type === 'agent_state' && states.push(d.state));
    track(b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' }));
    track(b.send({ type: 'end', interactionId: 'c1' }));
    const done = b.send({ type: 'wrapup_done', interactionId: 'c1', agentId: 'a1', disposition: 'solved' });
    track(done);
    expect(states).toEqual(['busy', 'wrapup', 'ready']);
    expect(done.find((d) => d.type === 'interaction_state')).toMatchObject({
      state: 'ended',
      disposition: 'solved',
      by: 'a1',
    });
  });

  it('ends the wrap-up by itself when its time runs out, with the timeout disposition', () => {
    const b = bench();
    b.queue({ queueId: 'q', wrapupSeconds: 30, timeoutDisposition: 'no_code' });
    b.agent('a1');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    b.send({ type: 'end', interactionId: 'c1' });
    expect(b.router.nextDeadline()).toBe(b.clock.now + 30_000);
    expect(b.wait(29)).toEqual([]);
    const out = b.wait(1);
    expect(out.find((d) => d.type === 'interaction_state')).toMatchObject({
      state: 'ended',
      disposition: 'no_code',
      by: 'system',
    });
    expect(b.router.agentView('a1')?.state).toBe('ready');
  });

  it('sends an unanswered offer back to the head of the queue and the agent to not ready / missed', () => {
    const b = bench();
    b.queue({ queueId: 'q', offerTimeoutSeconds: 10 });
    b.agent('a1');
    b.agent('a2');
    b.arrive('c1', 'q');
    b.clock.now += 1000;
    b.arrive('c2', 'q');
    expectOffer(b.ready('a1'), 'c1', 'a1');
    const out = b.wait(10);
    expect(out.find((d) => d.type === 'offer_withdrawn')).toMatchObject({
      interactionId: 'c1',
      reason: 'timeout',
    });
    expect(out.find((d) => d.type === 'agent_state')).toMatchObject({
      agentId: 'a1',
      state: 'not_ready',
      reason: 'missed',
    });
    expect(b.router.estimatedWait('c1')?.position).toBe(1);
    expectOffer(b.ready('a2'), 'c1', 'a2');
  });

  it('treats a reject like a miss', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.agent('a2');
    b.ready('a1');
    b.arrive('c1', 'q');
    const out = b.send({ type: 'reject', interactionId: 'c1', agentId: 'a1' });
    expect(out.find((d) => d.type === 'agent_state')).toMatchObject({
      state: 'not_ready',
      reason: 'missed',
      by: 'a1',
    });
    expectOffer(b.ready('a2'), 'c1', 'a2');
  });

  it('lets the customer cancel while waiting or ringing, freeing the agent', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.ready('a1');
    b.arrive('c1', 'q');
    const out = b.send({ type: 'cancel', interactionId: 'c1' });
    expect(out.map((d) => d.type)).toEqual(['offer_withdrawn', 'interaction_state', 'agent_state']);
    expect(out[1]).toMatchObject({ state: 'abandoned', by: 'customer' });
    expect(b.router.agentView('a1')?.state).toBe('ready');
    b.send({ type: 'agent_state', agentId: 'a1', state: 'not_ready', reason: 'break' });
    b.arrive('c2', 'q');
    b.send({ type: 'cancel', interactionId: 'c2' });
    expect(b.router.queueView('q', b.clock.now)?.waiting).toBe(0);
  });

  it('transfers an active interaction to another queue with its data kept', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.queue({
      queueId: 'billing',
      rings: [{ afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 5 }] }],
    });
    b.agent('a1');
    b.agent('b1', { billing: 7 });
    b.ready('a1');
    b.arrive('c1', 'q', { data: { ivr: ['1', '3'] } });
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    const out = b.send({ type: 'transfer', interactionId: 'c1', agentId: 'a1', to: { queueId: 'billing' } });
    expect(out.find((d) => d.type === 'interaction_state')).toMatchObject({
      state: 'queued',
      queueId: 'billing',
    });
    const offer = b.ready('b1').find((d) => d.type === 'offer');
    expect(offer).toMatchObject({ interactionId: 'c1', agentId: 'b1', data: { ivr: ['1', '3'] } });
  });

  it('transfers to a named agent only when that agent can take it now', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.agent('a2');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    const refused = b.router.handle({
      type: 'transfer',
      at: b.clock.now,
      interactionId: 'c1',
      agentId: 'a1',
      to: { agentId: 'a2' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    b.ready('a2');
    const out = b.send({ type: 'transfer', interactionId: 'c1', agentId: 'a1', to: { agentId: 'a2' } });
    expectOffer(out, 'c1', 'a2');
    expect(b.router.agentView('a1')?.state).toBe('ready');
  });

  it('hands an attended transfer to the consulted colleague even while not ready, but never to one signed out', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a1');
    b.agent('a2');
    b.agent('a3');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    b.send({ type: 'agent_state', agentId: 'a2', state: 'not_ready', reason: 'break' });
    const toSignedOut = b.router.handle({
      type: 'transfer',
      at: b.clock.now,
      interactionId: 'c1',
      agentId: 'a1',
      to: { agentId: 'a3' },
      consulted: true,
    });
    expect(toSignedOut).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    const blind = b.router.handle({
      type: 'transfer',
      at: b.clock.now,
      interactionId: 'c1',
      agentId: 'a1',
      to: { agentId: 'a2' },
    });
    expect(blind).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    const out = b.send({
      type: 'transfer',
      interactionId: 'c1',
      agentId: 'a1',
      to: { agentId: 'a2' },
      consulted: true,
    });
    expectOffer(out, 'c1', 'a2');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a2' });
    expect(b.router.agentView('a2')?.state).toBe('busy');
  });

  it('ends an interaction straight away when its queue has no wrap-up', () => {
    const b = bench();
    b.queue({ queueId: 'q', wrapupSeconds: 0 });
    b.agent('a1');
    b.ready('a1');
    b.arrive('c1', 'q');
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a1' });
    const out = b.send({ type: 'end', interactionId: 'c1', by: 'customer' });
    expect(out.find((d) => d.type === 'interaction_state')).toMatchObject({ state: 'ended', by: 'customer' });
    expect(b.router.agentView('a1')?.state).toBe('ready');
  });
});
