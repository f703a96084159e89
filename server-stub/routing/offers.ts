import { touchAgent } from './agents';
import type { Ctx } from './context';
import { toAgents } from './decisions';
import { requeueAtHead, showInteraction, unqueue } from './queueing';
import { setPresence, type AgentRec, type InteractionRec } from './state';
import { holdWork, releaseWork } from './work';

/** Rings an agent with an interaction: the agent becomes reserved until it answers or the offer times out. */
export function makeOffer(ctx: Ctx, i: InteractionRec, agent: AgentRec): void {
  const { state, now } = ctx;
  const queue = state.queues.get(i.queueId)!;
  if (i.state === 'queued') unqueue(state, i);
  i.offerCount++;
  const offerId = `${i.id}#${i.offerCount}`;
  const expiresAt = now + Math.round(queue.config.offerTimeoutSeconds * 1000);
  i.state = 'offered';
  i.preferredUntil = null;
  i.offer = { offerId, agentId: agent.id, expiresAt };
  agent.offer = { interactionId: i.id, offerId };
  holdWork(agent, i, now);
  if (queue.config.strategy === 'round_robin') queue.rrCursor = agent.id;
  state.timers.push(expiresAt, 'offer', i.id);
  ctx.out.push({
    type: 'offer',
    at: now,
    by: ctx.by,
    audience: toAgents(agent.id),
    offerId,
    interactionId: i.id,
    agentId: agent.id,
    queueId: i.queueId,
    channel: i.channel,
    customerId: i.customerId,
    priority: i.priority,
    expiresAt,
    data: i.data,
  });
  showInteraction(ctx, i);
  touchAgent(ctx, agent);
}

/**
 * An offer was refused or not answered in time: the interaction goes back to the head of its queue
 * and the agent goes not ready with reason `missed`, so a seat left alone stops receiving work.
 */
export function missOffer(ctx: Ctx, i: InteractionRec, reason: 'timeout' | 'rejected'): void {
  const offer = i.offer!;
  const agent = ctx.state.agents.get(offer.agentId)!;
  ctx.out.push({
    type: 'offer_withdrawn',
    at: ctx.now,
    by: ctx.by,
    audience: toAgents(agent.id),
    offerId: offer.offerId,
    interactionId: i.id,
    agentId: agent.id,
    reason,
  });
  agent.offer = null;
  agent.lastExpired = { interactionId: i.id, offerId: offer.offerId };
  setPresence(ctx.state, agent, 'not_ready');
  agent.reason = 'missed';
  requeueAtHead(ctx, i);
  releaseWork(ctx, agent, i);
}

/** The agent took the offer: the interaction is live on its seat. */
export function acceptOffer(ctx: Ctx, i: InteractionRec, agent: AgentRec): void {
  i.state = 'active';
  i.agentId = agent.id;
  i.offer = null;
  i.acceptedAt = ctx.now;
  agent.offer = null;
  showInteraction(ctx, i);
  touchAgent(ctx, agent);
}
