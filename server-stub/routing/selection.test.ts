import { describe, expect, it } from 'vitest';
import type { Strategy } from './events';
import { bench, offers } from './testing';

/** Three ready agents with different idle times, proficiency and load; returns who gets the next call. */
function setup(strategy: Strategy) {
  const b = bench();
  b.queue({
    queueId: 'q',
    strategy,
    rings: [{ afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 1 }] }],
    wrapupSeconds: 0,
  });
  b.queue({ queueId: 'chat', rings: [{ afterSeconds: 0, skills: [] }] });
  b.agent('a', { billing: 3 });
  b.agent('b', { billing: 9 });
  b.agent('c', { billing: 6 });
  b.ready('a');
  b.clock.now += 1000;
  b.ready('c');
  b.clock.now += 1000;
  b.ready('b');
  return b;
}

describe('agent selection strategies', () => {
  it('offers to the agent idle the longest by default', () => {
    const b = setup('longest_idle');
    expect(offers(b.arrive('x', 'q'))).toEqual([['x', 'a']]);
  });

  it('offers to the most proficient agent under most_skilled', () => {
    const b = setup('most_skilled');
    expect(offers(b.arrive('x', 'q'))).toEqual([['x', 'b']]);
    b.send({ type: 'accept', interactionId: 'x', agentId: 'b' });
    expect(offers(b.arrive('y', 'q'))).toEqual([['y', 'c']]);
  });

  it('offers to the least loaded agent under least_occupied', () => {
    const b = setup('least_occupied');
    // a and c each take a chat, so b has the lowest share of its capacity in use.
    b.arrive('chat1', 'chat', { channel: 'im' });
    b.send({ type: 'accept', interactionId: 'chat1', agentId: 'a' });
    b.arrive('chat2', 'chat', { channel: 'im' });
    b.send({ type: 'accept', interactionId: 'chat2', agentId: 'c' });
    expect(offers(b.arrive('x', 'q'))).toEqual([['x', 'b']]);
  });

  it('takes turns in agent order under round_robin, wrapping around', () => {
    const b = setup('round_robin');
    const order: string[] = [];
    for (const id of ['x1', 'x2', 'x3', 'x4']) {
      const [[, agent] = ['', '']] = offers(b.arrive(id, 'q'));
      order.push(agent);
      b.send({ type: 'accept', interactionId: id, agentId: agent });
      b.send({ type: 'end', interactionId: id });
    }
    expect(order).toEqual(['a', 'b', 'c', 'a']);
  });
});
