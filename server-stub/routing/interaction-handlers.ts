import { isAvailable, teamOf, touchAgent } from './agents';
import { localDay, blacklistBlock } from './blacklist';
import { hasRoom } from './capacity';
import { close } from './closing';
import type { Ctx } from './context';
import { toCustomerAndBoards } from './decisions';
import type { EventOf } from './events';
import type { Handler } from './handler';
import { acceptOffer, makeOffer, missOffer } from './offers';
import { place } from './overflow';
import { handOver } from './own-calls';
import { showInteraction } from './queueing';
import { refuse } from './result';
import type { AgentRec, InteractionRec } from './state';
import { releaseWork } from './work';

/** The live interaction, or a refusal saying whether it never existed or is already over. */
function live(ctx: Ctx, interactionId: string): InteractionRec {
  const i = ctx.state.interactions.get(interactionId);
  if (i) return i;
  const closed = ctx.state.closed.get(interactionId);
  if (closed) refuse('INVALID_TRANSITION', `interaction ${interactionId} is already ${closed.outcome}`);
  return refuse('UNKNOWN_INTERACTION', `no interaction ${interactionId}`);
}

function agentNamed(ctx: Ctx, agentId: string): AgentRec {
  return ctx.state.agents.get(agentId) ?? refuse('UNKNOWN_AGENT', `no agent ${agentId}`);
}

/** Checks that `agentId` has a live, unexpired offer of the interaction (the one named, if named). */
function checkOffer(ctx: Ctx, ev: EventOf<'accept'> | EventOf<'reject'>): void {
  const i = live(ctx, ev.interactionId);
  const agent = agentNamed(ctx, ev.agentId);
  const offer = i.offer;
  if (i.state === 'offered' && offer?.agentId === agent.id) {
    if (ev.offerId !== null && ev.offerId !== offer.offerId)
      refuse('OFFER_EXPIRED', `offer ${ev.offerId} is no longer valid`);
    if (offer.expiresAt <= ctx.now) refuse('OFFER_EXPIRED', `the offer of ${i.id} to ${agent.id} timed out`);
    return;
  }
  if (i.state === 'active' && i.agentId === agent.id)
    refuse('INVALID_TRANSITION', `${agent.id} already accepted ${i.id}`);
  if (agent.lastExpired?.interactionId === i.id)
    refuse('OFFER_EXPIRED', `the offer of ${i.id} to ${agent.id} is over`);
  refuse('INVALID_TRANSITION', `${i.id} is not offered to ${agent.id}`);
}

export const arrive: Handler<'arrive'> = {
  validate(ctx, ev) {
    const { state } = ctx;
    if (state.interactions.has(ev.interactionId) || state.closed.has(ev.interactionId)) {
      refuse('DUPLICATE', `interaction ${ev.interactionId} already exists`);
    }
    if (ev.idempotencyKey !== null && state.idempotencyKeys.has(ev.idempotencyKey)) {
      refuse(
        'DUPLICATE',
        `idempotency key ${ev.idempotencyKey} already created ${state.idempotencyKeys.get(ev.idempotencyKey)}`,
      );
    }
    if (!state.queues.has(ev.queueId)) refuse('UNKNOWN_QUEUE', `no queue ${ev.queueId}`);
  },
  apply(ctx, ev) {
    const { state, now } = ctx;
    ctx.by = ev.customerId ?? 'customer';
    const i: InteractionRec = {
      id: ev.interactionId,
      seq: state.seq++,
      idempotencyKey: ev.idempotencyKey,
      channel: ev.channel,
      customerId: ev.customerId,
      priority: ev.priority,
      data: ev.data,
      queueId: ev.queueId,
      state: 'queued',
      arrivedAt: now,
      enteredQueueAt: now,
      raiseMs: 0,
      key: now,
      ring: 0,
      nextRingAt: null,
      preferredAgentId: ev.preferredAgentId,
      preferredUntil: null,
      offerCount: 0,
      offer: null,
      agentId: null,
      acceptedAt: null,
      wrapupUntil: null,
      overflowAt: null,
      visited: [],
      announced: null,
    };
    state.interactions.set(i.id, i);
    if (i.idempotencyKey !== null) state.idempotencyKeys.set(i.idempotencyKey, i.id);
    const reached = ev.customerId === null ? undefined : state.reached.get(ev.customerId);
    const today = localDay(now, ctx.config.utcOffsetMinutes);
    const entries = ev.customerId === null ? undefined : state.blacklist.get(ev.customerId);
    const block = blacklistBlock(
      entries,
      reached?.day === today ? reached.count : 0,
      now,
      ctx.config.utcOffsetMinutes,
    );
    if (block) {
      ctx.out.push({
        type: 'release',
        at: now,
        by: 'system',
        audience: toCustomerAndBoards(),
        interactionId: i.id,
        queueId: i.queueId,
        reason: block.reason,
        message: block.message,
      });
      ctx.by = 'system';
      close(ctx, i, 'released', null);
      return;
    }
    place(ctx, i, state.queues.get(ev.queueId)!, true);
  },
};

export const accept: Handler<'accept'> = {
  validate: checkOffer,
  apply(ctx, ev) {
    const { state } = ctx;
    const i = state.interactions.get(ev.interactionId)!;
    ctx.by = ev.agentId;
    acceptOffer(ctx, i, state.agents.get(ev.agentId)!);
    if (i.customerId !== null && state.blacklist.has(i.customerId)) {
      const today = localDay(ctx.now, ctx.config.utcOffsetMinutes);
      const reached = state.reached.get(i.customerId);
      state.reached.set(i.customerId, { day: today, count: reached?.day === today ? reached.count + 1 : 1 });
    }
  },
};

export const reject: Handler<'reject'> = {
  validate: checkOffer,
  apply(ctx, ev) {
    ctx.by = ev.agentId;
    missOffer(ctx, ctx.state.interactions.get(ev.interactionId)!, 'rejected');
  },
};

export const end: Handler<'end'> = {
  validate(ctx, ev) {
    const i = live(ctx, ev.interactionId);
    if (i.state !== 'active')
      refuse(
        'INVALID_TRANSITION',
        `${i.id} is ${i.state}; only an active interaction can end (cancel one that waits)`,
      );
  },
  apply(ctx, ev) {
    const { state } = ctx;
    const i = state.interactions.get(ev.interactionId)!;
    ctx.by = ev.by ?? i.agentId!;
    const queue = state.queues.get(i.queueId)!;
    if (queue.config.wrapupSeconds <= 0) return close(ctx, i, 'ended', null);
    i.state = 'wrapup';
    i.wrapupUntil = ctx.now + Math.round(queue.config.wrapupSeconds * 1000);
    state.timers.push(i.wrapupUntil, 'wrapup', i.id);
    showInteraction(ctx, i);
    touchAgent(ctx, state.agents.get(i.agentId!)!);
  },
};

export const wrapupDone: Handler<'wrapup_done'> = {
  validate(ctx, ev) {
    const i = live(ctx, ev.interactionId);
    agentNamed(ctx, ev.agentId);
    if (i.state !== 'wrapup' || i.agentId !== ev.agentId)
      refuse('INVALID_TRANSITION', `${i.id} is not in wrap-up with ${ev.agentId}`);
    if (i.wrapupUntil !== null && i.wrapupUntil <= ctx.now)
      refuse('INVALID_TRANSITION', `the wrap-up of ${i.id} timed out`);
    const allowed = ctx.state.queues.get(i.queueId)!.config.dispositions;
    if (allowed.length > 0 && !allowed.includes(ev.disposition))
      refuse('UNKNOWN_DISPOSITION', `disposition ${ev.disposition} is not one of queue ${i.queueId}'s`);
  },
  apply(ctx, ev) {
    ctx.by = ev.agentId;
    close(ctx, ctx.state.interactions.get(ev.interactionId)!, 'ended', ev.disposition);
  },
};

export const cancel: Handler<'cancel'> = {
  validate(ctx, ev) {
    const i = live(ctx, ev.interactionId);
    if (i.state !== 'queued' && i.state !== 'offered')
      refuse('INVALID_TRANSITION', `${i.id} is ${i.state}; end it instead of cancelling`);
  },
  apply(ctx, ev) {
    ctx.by = ev.by ?? 'customer';
    close(ctx, ctx.state.interactions.get(ev.interactionId)!, 'abandoned', null);
  },
};

export const transfer: Handler<'transfer'> = {
  validate(ctx, ev) {
    const i = live(ctx, ev.interactionId);
    agentNamed(ctx, ev.agentId);
    if (i.state !== 'active' || i.agentId !== ev.agentId)
      refuse('INVALID_TRANSITION', `${i.id} is not active with ${ev.agentId}`);
    if ('queueId' in ev.to) {
      if (!ctx.state.queues.has(ev.to.queueId)) refuse('UNKNOWN_QUEUE', `no queue ${ev.to.queueId}`);
      return;
    }
    const target = agentNamed(ctx, ev.to.agentId);
    if (target.id === ev.agentId) refuse('INVALID_TRANSITION', 'an agent cannot transfer to itself');
    if (ev.callId !== null && !ev.consulted)
      refuse('INVALID_TRANSITION', 'only a consulted transfer hands over a consultation call');
    const reachable = ev.consulted
      ? target.presence !== 'logged_out' && target.offer === null
      : isAvailable(target, ctx.state);
    // The consultation call becomes this interaction's call: the target's room is judged without it.
    const room =
      ev.callId === null
        ? target
        : {
            capacity: target.capacity,
            load: target.load,
            calls: target.calls.filter((c) => c !== ev.callId),
          };
    if (!reachable || !hasRoom(room, teamOf(target, ctx.state), i.channel)) {
      refuse('AGENT_UNAVAILABLE', `agent ${target.id} cannot take ${i.channel} work now`);
    }
  },
  apply(ctx, ev) {
    const { state } = ctx;
    const i = state.interactions.get(ev.interactionId)!;
    const holder = state.agents.get(ev.agentId)!;
    ctx.by = holder.id;
    i.agentId = null;
    i.acceptedAt = null;
    i.visited = [];
    if ('queueId' in ev.to) {
      i.state = 'queued';
      releaseWork(ctx, holder, i);
      place(ctx, i, state.queues.get(ev.to.queueId)!, false);
      return;
    }
    // If the colleague misses it, it goes back to its queue's head; a stale overflow clock must not fire then.
    i.overflowAt = null;
    i.state = 'offered';
    releaseWork(ctx, holder, i);
    const target = state.agents.get(ev.to.agentId)!;
    if (ev.callId !== null) handOver(target, ev.callId);
    makeOffer(ctx, i, target);
  },
};
