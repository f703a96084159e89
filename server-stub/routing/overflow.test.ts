import { describe, expect, it } from 'vitest';
import { bench, offers } from './testing';

describe('overflow', () => {
  it('moves a call that waited too long upward to a more skilled queue', () => {
    const b = bench();
    b.queue({
      queueId: 'experts',
      rings: [{ afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 9 }] }],
    });
    b.queue({
      queueId: 'general',
      rings: [{ afterSeconds: 0, skills: [{ skillId: 'french', minProficiency: 5 }] }],
      overflow: { maxWaitSeconds: 60, target: { kind: 'queue', queueId: 'experts' } },
    });
    b.agent('expert', { billing: 10 });
    b.ready('expert');
    b.arrive('c1', 'general');
    expect(offers(b.wait(59))).toEqual([]);
    const out = b.wait(1);
    expect(out.find((d) => d.type === 'overflow')).toMatchObject({
      fromQueueId: 'general',
      toQueueId: 'experts',
      reason: 'max_wait',
    });
    expect(offers(out)).toEqual([['c1', 'expert']]);
  });

  it('moves downward keeping a raised priority, ahead of calls already waiting there', () => {
    const b = bench();
    b.queue({ queueId: 'juniors' });
    b.queue({
      queueId: 'seniors',
      overflow: {
        maxWaitSeconds: 30,
        target: { kind: 'queue', queueId: 'juniors', raisePrioritySeconds: 600 },
      },
    });
    b.agent('j');
    b.arrive('senior-call', 'seniors');
    b.clock.now += 10_000;
    b.arrive('junior-call', 'juniors');
    b.wait(20);
    expect(b.router.estimatedWait('senior-call')).toMatchObject({ queueId: 'juniors', position: 1 });
    expect(offers(b.ready('j'))).toEqual([['senior-call', 'j']]);
  });

  it('turns a call into a callback request when the queue is full', () => {
    const b = bench();
    b.queue({ queueId: 'q', overflow: { maxLength: 1, target: { kind: 'callback' } } });
    b.arrive('c1', 'q', { customerId: 'cust-1' });
    const out = b.arrive('c2', 'q', { customerId: 'cust-2', data: { phone: '+331' } });
    expect(out.find((d) => d.type === 'callback_request')).toMatchObject({
      interactionId: 'c2',
      customerId: 'cust-2',
      data: { phone: '+331' },
    });
    expect(out.find((d) => d.type === 'interaction_state')).toMatchObject({ state: 'callback' });
    expect(b.router.queueView('q', b.clock.now)?.waiting).toBe(1);
  });

  it('releases with the configured message', () => {
    const b = bench();
    b.queue({
      queueId: 'q',
      overflow: { maxWaitSeconds: 5, target: { kind: 'release', message: 'We are closed, call tomorrow.' } },
    });
    b.arrive('c1', 'q');
    const out = b.wait(5);
    expect(out.find((d) => d.type === 'release')).toMatchObject({
      message: 'We are closed, call tomorrow.',
      audience: { customer: true },
    });
    expect(out.find((d) => d.type === 'interaction_state')).toMatchObject({ state: 'released' });
  });

  it('releases instead of looping when two queues overflow into each other', () => {
    const b = bench();
    b.queue({ queueId: 'a' });
    b.queue({ queueId: 'b', overflow: { maxLength: 0, target: { kind: 'queue', queueId: 'a' } } });
    b.queue({ queueId: 'a', overflow: { maxLength: 0, target: { kind: 'queue', queueId: 'b' } } });
    const out = b.arrive('c1', 'a');
    expect(out.filter((d) => d.type === 'overflow')).toHaveLength(2);
    expect(out.find((d) => d.type === 'release')).toMatchObject({ reason: 'overflow_loop' });
  });
});

describe('blacklist', () => {
  const at = (hour: number) => Date.UTC(2025, 2, 3, hour, 0);

  it('releases a blacklisted customer outside the allowed hours and queues it inside them', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.send({
      type: 'blacklist_set',
      customerId: 'troll',
      category: 'abuse',
      allowedHours: [{ from: 9, to: 11 }],
    });
    b.clock.now = at(8);
    const out = b.arrive('c1', 'q', { customerId: 'troll' });
    expect(out.find((d) => d.type === 'release')).toMatchObject({ reason: 'blacklist_hours' });
    b.clock.now = at(10);
    expect(b.arrive('c2', 'q', { customerId: 'troll' }).find((d) => d.type === 'release')).toBeUndefined();
  });

  it('counts the times a customer reached a person today and starts again the next day', () => {
    const b = bench();
    b.queue({ queueId: 'q', wrapupSeconds: 0 });
    b.agent('a');
    b.ready('a');
    b.send({ type: 'blacklist_set', customerId: 'troll', category: 'abuse', maxPerDay: 1 });
    b.clock.now = at(10);
    b.arrive('c1', 'q', { customerId: 'troll' });
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'a' });
    b.send({ type: 'end', interactionId: 'c1' });
    expect(b.arrive('c2', 'q', { customerId: 'troll' }).find((d) => d.type === 'release')).toMatchObject({
      reason: 'blacklist_count',
    });
    b.clock.now = at(34);
    expect(offers(b.arrive('c3', 'q', { customerId: 'troll' }))).toEqual([['c3', 'a']]);
  });

  it('lets a customer through again once the entry is cleared', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.send({ type: 'blacklist_set', customerId: 'troll', category: 'abuse', maxPerDay: 0 });
    b.send({ type: 'blacklist_clear', customerId: 'troll', category: 'abuse' });
    expect(b.arrive('c1', 'q', { customerId: 'troll' }).find((d) => d.type === 'release')).toBeUndefined();
  });
});

describe('estimated wait announcements', () => {
  it('announces position and wait to customers over the threshold, then only when the estimate moves', () => {
    const b = bench();
    const announce = { thresholdSeconds: 100, minChangeSeconds: 60, intervalSeconds: 10 };
    b.queue({ queueId: 'q', defaultHandleSeconds: 120, announce, wrapupSeconds: 0 });
    b.queue({
      queueId: 'other',
      rings: [{ afterSeconds: 0, skills: [{ skillId: 'french', minProficiency: 5 }] }],
    });
    b.agent('a');
    b.agent('b', { french: 6 });
    b.ready('a');
    b.arrive('busy', 'q');
    b.send({ type: 'accept', interactionId: 'busy', agentId: 'a' });
    b.ready('b');
    b.arrive('o1', 'other');
    b.send({ type: 'accept', interactionId: 'o1', agentId: 'b' });
    // Two staffed agents, both busy: 60 s for the first caller (under the threshold), 120 s for the second.
    expect(b.arrive('c1', 'q').find((d) => d.type === 'announce_wait')).toBeUndefined();
    const second = b.arrive('c2', 'q').find((d) => d.type === 'announce_wait');
    expect(second).toMatchObject({
      interactionId: 'c2',
      position: 2,
      ewtSeconds: 120,
      audience: { customer: true, agents: [] },
    });
    expect(b.wait(10).filter((d) => d.type === 'announce_wait')).toEqual([]);
    // One agent leaves after the current call: the estimates double.
    b.send({ type: 'agent_state', agentId: 'b', state: 'not_ready', reason: 'lunch' });
    const later = b.wait(10).filter((d) => d.type === 'announce_wait');
    expect(later).toEqual([
      expect.objectContaining({ interactionId: 'c1', position: 1, ewtSeconds: 120 }),
      expect.objectContaining({ interactionId: 'c2', position: 2, ewtSeconds: 240 }),
    ]);
    expect(b.wait(10).filter((d) => d.type === 'announce_wait')).toEqual([]);
    expect(b.router.queueView('q', b.clock.now)).toMatchObject({
      waiting: 2,
      staffed: 1,
      ewtSeconds: 360,
      oldestWaitSeconds: 30,
    });
  });

  it('gives no estimate while nobody is staffed', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    expect(b.arrive('c1', 'q').find((d) => d.type === 'announce_wait')).toBeUndefined();
    expect(b.router.estimatedWait('c1')).toEqual({ queueId: 'q', position: 1, ewtSeconds: null });
  });
});
