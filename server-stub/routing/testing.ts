import { expect } from 'vitest';
import type { Decision } from './decisions';
import type { QueueConfigInput, RouterEventInput } from './events';
import { createRouter, type Router } from './router';

type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> & { at?: number } : never;

/** A router under test with a hand-moved clock; `send` insists the event is accepted. */
export interface Bench {
  router: Router;
  clock: { now: number };
  send(event: WithoutAt<RouterEventInput>): Decision[];
  /** Moves the clock by `seconds` and ticks. */
  wait(seconds: number): Decision[];
  queue(config: Partial<QueueConfigInput> & { queueId: string }): void;
  agent(
    agentId: string,
    skills?: Record<string, number>,
    extra?: { teamId?: string; capacity?: Record<string, number> },
  ): void;
  ready(agentId: string): Decision[];
  arrive(
    interactionId: string,
    queueId: string,
    extra?: Partial<Extract<RouterEventInput, { type: 'arrive' }>>,
  ): Decision[];
}

export function bench(options: { skills?: string[]; reasons?: string[] } = {}): Bench {
  const router = createRouter();
  const clock = { now: 1_700_000_000_000 };
  const send = (event: WithoutAt<RouterEventInput>) => {
    const result = router.handle({ at: clock.now, ...event });
    if (!result.ok) throw new Error(`refused ${event.type}: ${result.error.code} ${result.error.message}`);
    return result.decisions;
  };
  for (const skillId of options.skills ?? ['billing', 'french']) send({ type: 'skill_upsert', skillId });
  send({ type: 'reason_codes_set', codes: options.reasons ?? ['break', 'lunch', 'training', 'meeting'] });
  return {
    router,
    clock,
    send,
    wait(seconds) {
      clock.now += seconds * 1000;
      return send({ type: 'tick' });
    },
    queue(config) {
      send({ type: 'queue_upsert', queue: config });
    },
    agent(agentId, skills = {}, extra = {}) {
      send({ type: 'agent_upsert', agent: { agentId, skills, ...extra } });
    },
    ready(agentId) {
      return send({ type: 'agent_state', agentId, state: 'ready' });
    },
    arrive(interactionId, queueId, extra = {}) {
      return send({ type: 'arrive', interactionId, queueId, channel: 'voice', ...extra });
    },
  };
}

/** The offers among some decisions, as [interaction, agent] pairs. */
export const offers = (decisions: Decision[]) =>
  decisions.flatMap((d) => (d.type === 'offer' ? [[d.interactionId, d.agentId] as const] : []));

/** Accepts the pending offer of an interaction to an agent and expects it to go through. */
export function expectOffer(decisions: Decision[], interactionId: string, agentId: string): void {
  expect(offers(decisions)).toContainEqual([interactionId, agentId]);
}
