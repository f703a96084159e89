import type { Ctx } from './context';
import { toAgents, type TerminalState } from './decisions';
import { nextAht } from './ewt';
import { unqueue } from './queueing';
import type { InteractionRec } from './state';
import { releaseWork } from './work';

/**
 * Ends an interaction for good: takes it out of its queue or off its agent, remembers the outcome
 * (bounded) so late or duplicate calls get a precise answer, and announces the terminal state.
 */
export function close(ctx: Ctx, i: InteractionRec, outcome: TerminalState, disposition: string | null): void {
  const { state, config } = ctx;
  if (i.state === 'queued') unqueue(state, i);
  const agentId = i.offer?.agentId ?? i.agentId;
  const agent = agentId === null ? undefined : state.agents.get(agentId);
  if (i.offer && agent) {
    ctx.out.push({
      type: 'offer_withdrawn',
      at: ctx.now,
      by: ctx.by,
      audience: toAgents(agent.id),
      offerId: i.offer.offerId,
      interactionId: i.id,
      agentId: agent.id,
      reason: 'cancelled',
    });
  }
  const queue = state.queues.get(i.queueId);
  if (queue && outcome === 'ended' && i.acceptedAt !== null)
    queue.ahtMs = nextAht(queue.ahtMs, ctx.now - i.acceptedAt);
  state.interactions.delete(i.id);
  state.closed.set(i.id, { outcome, idempotencyKey: i.idempotencyKey });
  state.closedOrder.push(i.id);
  while (state.closed.size > config.rememberClosed) {
    const oldest = state.closedOrder.shift()!;
    const record = state.closed.get(oldest)!;
    state.closed.delete(oldest);
    if (record.idempotencyKey !== null) state.idempotencyKeys.delete(record.idempotencyKey);
  }
  ctx.out.push({
    type: 'interaction_state',
    at: ctx.now,
    by: ctx.by,
    audience: toAgents(agentId),
    interactionId: i.id,
    state: outcome,
    queueId: i.queueId,
    agentId,
    disposition,
  });
  if (agent) releaseWork(ctx, agent, i);
}
