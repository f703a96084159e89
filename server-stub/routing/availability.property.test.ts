import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels } from '../../contract/agent';
import { hasRoom } from './capacity';
import type { RouterEventInput } from './events';
import { createRouter } from './router';

// Agents are re-indexed once per event, from their final state, rather than after every change.
// Whatever the events, after each one every availability list must hold exactly the agents that can
// take that ring and channel now, as a from-scratch look at the snapshot says.

const agents = ['a1', 'a2', 'a3', 'a4'];
const queues = ['q1', 'q2'];
const start = 1_700_000_000_000;

const step = fc.record({
  kind: fc.constantFrom(
    'state',
    'state',
    'arrive',
    'arrive',
    'accept',
    'accept',
    'reject',
    'end',
    'end',
    'skills',
    'team',
    'call',
    'call',
    'tick',
  ),
  a: fc.nat(100),
  b: fc.nat(100),
  dt: fc.nat(30_000),
});

describe('availability lists', () => {
  it('hold exactly the agents able to take each ring and channel after every event', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const router = createRouter();
        const send = (e: RouterEventInput) => router.handle(e);
        let at = start;
        send({ type: 'skill_upsert', at, skillId: 'billing' });
        send({ type: 'reason_codes_set', at, codes: ['break'] });
        send({ type: 'team_upsert', at, teamId: 't', capacity: { im: 2 } });
        for (const queueId of queues) {
          const rings = [
            { afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 6 }] },
            { afterSeconds: 10, skills: [] },
          ];
          send({
            type: 'queue_upsert',
            at,
            queue: {
              queueId,
              rings,
              strategy: queueId === 'q1' ? 'least_occupied' : 'round_robin',
              wrapupSeconds: 0,
            },
          });
        }
        for (const [k, agentId] of agents.entries())
          send({
            type: 'agent_upsert',
            at,
            agent: { agentId, teamId: k % 2 ? 't' : null, skills: { billing: 3 + k * 2 } },
          });
        let n = 0;
        for (const s of steps) {
          at += s.dt;
          const snap = router.snapshot();
          const agentId = agents[s.a % agents.length]!;
          const live = snap.interactions;
          const i = live[s.b % Math.max(1, live.length)];
          if (s.kind === 'state')
            send({
              type: 'agent_state',
              at,
              agentId,
              state: s.b % 3 === 0 ? 'not_ready' : 'ready',
              reason: s.b % 3 === 0 ? 'break' : null,
            });
          if (s.kind === 'arrive')
            send({
              type: 'arrive',
              at,
              interactionId: `i${n++}`,
              queueId: queues[s.a % 2]!,
              channel: (['voice', 'im', 'email'] as const)[s.b % 3]!,
            });
          if ((s.kind === 'accept' || s.kind === 'reject') && i?.offer)
            send({ type: s.kind, at, interactionId: i.id, agentId: i.offer.agentId });
          if (s.kind === 'end' && i?.state === 'active') send({ type: 'end', at, interactionId: i.id });
          if (s.kind === 'skills')
            send({
              type: 'agent_upsert',
              at,
              agent: { agentId, teamId: s.b % 2 ? 't' : null, skills: { billing: 1 + (s.b % 10) } },
            });
          if (s.kind === 'team')
            send({ type: 'team_upsert', at, teamId: 't', capacity: { im: s.b % 4, email: 1 + (s.b % 2) } });
          if (s.kind === 'call') {
            const callId = `call${s.b % 3}`;
            const on = snap.agents.find((a) => a.id === agentId)!.calls.includes(callId);
            send({ type: on ? 'agent_call_end' : 'agent_call_start', at, agentId, callId });
          }
          if (s.kind === 'tick') send({ type: 'tick', at });

          const after = router.snapshot();
          const teams = new Map(after.teams);
          for (const q of after.queues) {
            const expected = new Map<string, string[]>();
            for (const a of after.agents) {
              const ring = a.rings.find(([queueId]) => queueId === q.config.queueId)?.[1];
              if (ring === undefined || a.presence !== 'ready' || a.offer !== null) continue;
              const team = a.teamId === null ? undefined : teams.get(a.teamId);
              if (!channels.some((c) => hasRoom(a, team, c))) continue;
              for (const c of q.channels)
                if (hasRoom(a, team, c as (typeof channels)[number]))
                  expected.set(`${ring}:${c}`, [...(expected.get(`${ring}:${c}`) ?? []), a.id]);
            }
            const actual = new Map(q.available.map(([list, ids]) => [list, [...ids].sort()]));
            expect(actual).toEqual(new Map([...expected].map(([list, ids]) => [list, ids.sort()])));
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
