import { flushReindex, isAvailable, teamOf } from './agents';
import { hasRoom } from './capacity';
import type { Ctx } from './context';
import { makeOffer } from './offers';
import { selectAgent, selectInteraction } from './selection';
import { compareInteractions } from './state';

/** Upper bound of matching rounds per event; each round only looks at what the previous one touched. */
const maxRounds = 64;

/**
 * Matches after an event. Invariant kept between events: no available agent can serve any waiting
 * interaction. So only what the event touched needs a look: agents that became available pick the
 * best interaction for them first, then interactions that became routable, best key first, pick an
 * agent by their queue's strategy.
 */
export function dispatch(ctx: Ctx): void {
  const { state } = ctx;
  const agentIds = ctx.spare.agentIds;
  const items = ctx.spare.interactions;
  for (
    let round = 0;
    round < maxRounds && (ctx.dirtyAgents.size > 0 || ctx.dirtyInteractions.size > 0);
    round++
  ) {
    agentIds.length = 0;
    if (ctx.dirtyAgents.size > 0) {
      for (const id of ctx.dirtyAgents) agentIds.push(id);
      ctx.dirtyAgents.clear();
    }
    for (const id of agentIds) {
      const agent = state.agents.get(id);
      if (!agent || !isAvailable(agent, state)) continue;
      const i = selectInteraction(state, agent);
      if (i) makeOffer(ctx, i, agent);
    }
    items.length = 0;
    if (ctx.dirtyInteractions.size > 0) {
      for (const id of ctx.dirtyInteractions) {
        const i = state.interactions.get(id);
        if (i?.state === 'queued') items.push(i);
      }
      ctx.dirtyInteractions.clear();
    }
    if (items.length > 1) items.sort(compareInteractions);
    for (const i of items) {
      if (i.state !== 'queued') continue;
      if (i.preferredUntil !== null) {
        const preferred = state.agents.get(i.preferredAgentId!);
        if (
          preferred &&
          isAvailable(preferred, state) &&
          hasRoom(preferred, teamOf(preferred, state), i.channel)
        )
          makeOffer(ctx, i, preferred);
        continue;
      }
      // The lists must show every agent as it is now, including the one offered work a moment ago.
      flushReindex(ctx);
      const agent = selectAgent(state, state.queues.get(i.queueId)!, i);
      if (agent) makeOffer(ctx, i, agent);
    }
  }
  agentIds.length = 0;
  items.length = 0;
  flushReindex(ctx);
}
