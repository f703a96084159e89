import { describe, expect, it } from 'vitest';
import type { Decision } from '../routing/decisions';
import { routerEventSchema, type RouterEvent } from '../routing/events';
import { createStatsFeed } from './statsFeed';

const audience = { agents: ['a1'], wallboards: true, customer: false };
const state = (
  at: number,
  s: 'queued' | 'active' | 'wrapup' | 'ended',
  agentId: string | null,
): Decision => ({
  type: 'interaction_state',
  at,
  by: 'system',
  audience,
  interactionId: 'i1',
  state: s,
  queueId: 'q1',
  agentId,
  disposition: null,
});
const event = (input: Record<string, unknown>): RouterEvent => routerEventSchema.parse(input);

describe('stats feed', () => {
  it('turns one interaction’s decisions into queued, offered, answered, ended and wrap-up ended records', () => {
    const feed = createStatsFeed('t', () => ({ name: 'General', serviceLevelSeconds: 20 }));
    const arrive = event({ type: 'arrive', at: 1, interactionId: 'i1', queueId: 'q1', channel: 'voice' });
    const offer: Decision = {
      type: 'offer',
      at: 1,
      by: 'system',
      audience,
      offerId: 'o1',
      interactionId: 'i1',
      agentId: 'a1',
      queueId: 'q1',
      channel: 'voice',
      customerId: null,
      priority: { vip: false, tier: null, boosts: [] },
      expiresAt: 21,
      data: {},
    };
    const types = [
      ...feed.translate(arrive, [state(1, 'queued', null), offer]),
      ...feed.translate(event({ type: 'accept', at: 2, interactionId: 'i1', agentId: 'a1' }), [
        state(2, 'active', 'a1'),
      ]),
      ...feed.translate(event({ type: 'end', at: 3, interactionId: 'i1' }), [state(3, 'wrapup', 'a1')]),
      ...feed.translate(
        event({ type: 'wrapup_done', at: 4, interactionId: 'i1', agentId: 'a1', disposition: 'ok' }),
        [state(4, 'ended', null)],
      ),
    ].map((r) => r.type);
    expect(types).toEqual([
      'interaction.queued',
      'interaction.offered',
      'interaction.answered',
      'interaction.ended',
      'interaction.wrapupEnded',
    ]);
  });

  it('announces a queue’s members once after many agent upserts, with the next other event', () => {
    const feed = createStatsFeed('t', () => undefined);
    const queue = feed.translate(
      event({
        type: 'queue_upsert',
        at: 1,
        queue: { queueId: 'q1', rings: [{ afterSeconds: 0, skills: [{ skillId: 's', minProficiency: 3 }] }] },
      }),
      [],
    );
    expect(queue.map((r) => r.type)).toEqual(['queue.configured', 'queue.members']);
    for (let i = 0; i < 50; i++) {
      expect(
        feed.translate(
          event({
            type: 'agent_upsert',
            at: 2,
            agent: { agentId: `a${i}`, skills: { s: i % 2 === 0 ? 5 : 1 } },
          }),
          [],
        ),
      ).toEqual([]);
    }
    const next = feed.translate(event({ type: 'tick', at: 3 }), []);
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ type: 'queue.members', queueId: 'q1' });
    expect((next[0] as { agentIds: string[] }).agentIds).toHaveLength(25);
  });
});
