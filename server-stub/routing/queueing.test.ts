import { describe, expect, it } from 'vitest';
import { bench, offers } from './testing';

const served = (b: ReturnType<typeof bench>, agent: string) => {
  const [[id] = ['']] = offers(b.ready(agent));
  b.send({ type: 'accept', interactionId: id, agentId: agent });
  // Going not ready while busy takes effect after the work, so the next call is not offered at once.
  b.send({ type: 'agent_state', agentId: agent, state: 'not_ready', reason: 'break' });
  b.send({ type: 'end', interactionId: id });
  b.send({ type: 'wrapup_done', interactionId: id, agentId: agent, disposition: 'ok' });
  return id;
};

describe('queue order', () => {
  it('serves VIP, then gold, then boosted, then plain arrivals, first come first served inside a class', () => {
    const b = bench();
    b.queue({
      queueId: 'q',
      priority: { vipSeconds: 3600, tierSeconds: { gold: 600 }, boostSeconds: { long_distance: 60 } },
    });
    b.agent('a');
    const arrivals: [string, object][] = [
      ['plain1', {}],
      ['far', { boosts: ['long_distance'] }],
      ['gold', { tier: 'gold' }],
      ['plain2', {}],
      ['vip', { vip: true }],
    ];
    for (const [id, priority] of arrivals) {
      b.arrive(id, 'q', { priority });
      b.clock.now += 1000;
    }
    const order = arrivals.map(() => served(b, 'a'));
    expect(order).toEqual(['vip', 'gold', 'far', 'plain1', 'plain2']);
  });

  it('ages a long-waiting plain call past a fresh VIP', () => {
    const b = bench();
    b.queue({ queueId: 'q', priority: { vipSeconds: 60 } });
    b.agent('a');
    b.arrive('old', 'q');
    b.clock.now += 61_000;
    b.arrive('vip', 'q', { priority: { vip: true } });
    expect(served(b, 'a')).toBe('old');
  });

  it('relaxes skill requirements ring by ring as the wait grows (bullseye)', () => {
    const b = bench();
    b.queue({
      queueId: 'q',
      rings: [
        { afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 8 }] },
        { afterSeconds: 30, skills: [{ skillId: 'billing', minProficiency: 4 }] },
        { afterSeconds: 60, skills: [] },
      ],
    });
    b.agent('novice', { billing: 5 });
    b.agent('anyone');
    b.ready('novice');
    b.ready('anyone');
    expect(offers(b.arrive('c1', 'q'))).toEqual([]);
    expect(offers(b.wait(29))).toEqual([]);
    expect(offers(b.wait(1))).toEqual([['c1', 'novice']]);
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'novice' });
    b.arrive('c2', 'q');
    expect(offers(b.wait(59))).toEqual([]);
    expect(offers(b.wait(1))).toEqual([['c2', 'anyone']]);
  });

  it('tries the preferred agent alone for its window, then anyone', () => {
    const b = bench();
    b.queue({ queueId: 'q', preferredAgentSeconds: 20 });
    b.agent('manager');
    b.agent('other');
    b.ready('other');
    b.send({ type: 'agent_state', agentId: 'manager', state: 'not_ready', reason: 'meeting' });
    expect(offers(b.arrive('c1', 'q', { preferredAgentId: 'manager' }))).toEqual([]);
    expect(offers(b.ready('manager'))).toEqual([['c1', 'manager']]);
    b.send({ type: 'accept', interactionId: 'c1', agentId: 'manager' });
    expect(offers(b.arrive('c2', 'q', { preferredAgentId: 'manager' }))).toEqual([]);
    expect(offers(b.wait(19))).toEqual([]);
    expect(offers(b.wait(1))).toEqual([['c2', 'other']]);
  });

  it('skips the preferred window when the preferred agent is logged out', () => {
    const b = bench();
    b.queue({ queueId: 'q', preferredAgentSeconds: 20 });
    b.agent('manager');
    b.agent('other');
    b.ready('other');
    expect(offers(b.arrive('c1', 'q', { preferredAgentId: 'manager' }))).toEqual([['c1', 'other']]);
  });
});

describe('channel capacity', () => {
  it('shares chats up to the limit and blocks everything else during a voice call', () => {
    const b = bench();
    b.queue({ queueId: 'q' });
    b.agent('a', {}, { capacity: { im: 2 } });
    b.ready('a');
    for (const id of ['m1', 'm2', 'm3']) {
      b.arrive(id, 'q', { channel: 'im' });
      if (id !== 'm3') b.send({ type: 'accept', interactionId: id, agentId: 'a' });
    }
    expect(b.router.queueView('q', b.clock.now)?.waiting).toBe(1);
    b.send({ type: 'cancel', interactionId: 'm3' });
    expect(offers(b.arrive('v', 'q'))).toEqual([['v', 'a']]);
    b.send({ type: 'accept', interactionId: 'v', agentId: 'a' });
    b.send({ type: 'end', interactionId: 'm1' });
    b.send({ type: 'wrapup_done', interactionId: 'm1', agentId: 'a', disposition: 'ok' });
    expect(offers(b.arrive('m4', 'q', { channel: 'im' }))).toEqual([]);
    b.send({ type: 'end', interactionId: 'v' });
    b.send({ type: 'wrapup_done', interactionId: 'v', agentId: 'a', disposition: 'ok' });
    expect(
      b.router
        .agentView('a')
        ?.work.map((w) => w.interactionId)
        .sort(),
    ).toEqual(['m2', 'm4']);
  });

  it('applies team capacity to agents without their own setting', () => {
    const b = bench();
    b.send({ type: 'team_upsert', teamId: 'mail', capacity: { email: 1 } });
    b.queue({ queueId: 'q' });
    b.agent('a', {}, { teamId: 'mail' });
    b.ready('a');
    b.arrive('e1', 'q', { channel: 'email' });
    b.send({ type: 'accept', interactionId: 'e1', agentId: 'a' });
    expect(offers(b.arrive('e2', 'q', { channel: 'email' }))).toEqual([]);
  });
});

describe('order when several things change at once', () => {
  it('offers in queue order when one ring step makes several calls routable together', () => {
    const b = bench();
    b.queue({
      queueId: 'q',
      rings: [
        { afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 9 }] },
        { afterSeconds: 30, skills: [] },
      ],
    });
    for (const a of ['x', 'y']) b.agent(a);
    b.arrive('first', 'q');
    b.arrive('second', 'q');
    b.ready('x');
    b.ready('y');
    b.clock.now += 30_000;
    expect(offers(b.send({ type: 'tick' }))).toEqual([
      ['first', 'x'],
      ['second', 'y'],
    ]);
  });

  it('puts a missed call back ahead of a VIP who arrived while it was ringing', () => {
    const b = bench();
    b.queue({ queueId: 'q', offerTimeoutSeconds: 5 });
    b.agent('a');
    b.agent('b');
    b.ready('a');
    b.arrive('plain', 'q');
    b.arrive('vip', 'q', { priority: { vip: true } });
    b.wait(5);
    expect(b.router.estimatedWait('plain')?.position).toBe(1);
    expect(offers(b.ready('b'))).toEqual([['plain', 'b']]);
  });
});
