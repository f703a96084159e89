import { touchAgent } from './agents';
import type { Ctx } from './context';
import type { AgentRec, InteractionRec } from './state';

/** Counts an interaction against the agent's channel capacity. */
export function holdWork(agent: AgentRec, i: InteractionRec, now: number): void {
  agent.work.set(i.id, i.channel);
  agent.load[i.channel]++;
  agent.idleSince = now;
}

/** Frees the agent's slot for an interaction that left it; an agent with nothing left counts as idle from now. */
export function releaseWork(ctx: Ctx, agent: AgentRec, i: InteractionRec): void {
  if (!agent.work.delete(i.id)) return;
  agent.load[i.channel]--;
  if (agent.offer?.interactionId === i.id) agent.offer = null;
  if (agent.work.size === 0) agent.idleSince = ctx.now;
  touchAgent(ctx, agent);
}
