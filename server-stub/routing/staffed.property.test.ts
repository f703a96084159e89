import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RouterEventInput } from './events';
import { createRouter } from './router';

// The staffed count (agents of a queue's pool who are ready) is kept incrementally rather than
// counted per arrival; it must always equal the count taken from scratch over the snapshot.

const agents = ['a1', 'a2', 'a3'];
const queues = ['q1', 'q2'];
const start = 1_700_000_000_000;

const step = fc.oneof(
  fc.record({
    kind: fc.constant('state' as const),
    agent: fc.constantFrom(...agents),
    state: fc.constantFrom('ready', 'not_ready', 'logged_out'),
  }),
  fc.record({
    kind: fc.constant('skills' as const),
    agent: fc.constantFrom(...agents),
    level: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('queue' as const),
    queue: fc.constantFrom(...queues),
    min: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({ kind: fc.constant('arrive' as const), queue: fc.constantFrom(...queues), n: fc.nat(1000) }),
  fc.record({ kind: fc.constant('reject' as const), n: fc.nat(100) }),
);

describe('staffed count', () => {
  it('always equals the ready agents of the pool counted from scratch, through presence, skill and queue changes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const router = createRouter();
        const send = (e: RouterEventInput) => router.handle(e);
        send({ type: 'skill_upsert', at: start, skillId: 'billing' });
        send({ type: 'reason_codes_set', at: start, codes: ['break'] });
        for (const queueId of queues)
          send({
            type: 'queue_upsert',
            at: start,
            queue: {
              queueId,
              rings: [{ afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 5 }] }],
            },
          });
        for (const agentId of agents)
          send({ type: 'agent_upsert', at: start, agent: { agentId, skills: { billing: 5 } } });
        let at = start;
        for (const s of steps) {
          at += 1000;
          if (s.kind === 'state')
            send({
              type: 'agent_state',
              at,
              agentId: s.agent,
              state: s.state,
              reason: s.state === 'not_ready' ? 'break' : null,
            });
          if (s.kind === 'skills')
            send({ type: 'agent_upsert', at, agent: { agentId: s.agent, skills: { billing: s.level } } });
          if (s.kind === 'queue')
            send({
              type: 'queue_upsert',
              at,
              queue: {
                queueId: s.queue,
                rings: [{ afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: s.min }] }],
              },
            });
          if (s.kind === 'arrive')
            send({ type: 'arrive', at, interactionId: `i${at}`, queueId: s.queue, channel: 'voice' });
          if (s.kind === 'reject') {
            // A rejected offer sends its agent not ready: presence changes outside agent_state too.
            const offered = router.snapshot().interactions.filter((i) => i.offer !== null);
            const i = offered[s.n % Math.max(1, offered.length)];
            if (i?.offer) send({ type: 'reject', at, interactionId: i.id, agentId: i.offer.agentId });
          }
          const snap = router.snapshot();
          const ready = new Set(snap.agents.filter((a) => a.presence === 'ready').map((a) => a.id));
          for (const q of snap.queues) {
            expect(router.queueView(q.config.queueId, at)?.staffed).toBe(
              q.pool.filter((id) => ready.has(id)).length,
            );
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
