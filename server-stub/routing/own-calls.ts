import { touchAgent } from './agents';
import type { Ctx } from './context';
import type { Handler } from './handler';
import { refuse } from './result';
import type { AgentRec } from './state';

// Calls an agent is on outside any interaction: one placed from the softphone (to a colleague or a
// number) or a colleague's call answered. The router moves none of them, but while one lasts the
// agent is talking, so it counts as voice load: no room on any channel, shown busy, fully occupied.

/** More than any softphone holds at once; keeps a misbehaving caller from growing the state. */
export const maxOwnCalls = 16;

function agentNamed(ctx: Ctx, agentId: string): AgentRec {
  return ctx.state.agents.get(agentId) ?? refuse('UNKNOWN_AGENT', `no agent ${agentId}`);
}

export const agentCallStart: Handler<'agent_call_start'> = {
  validate(ctx, ev) {
    const agent = agentNamed(ctx, ev.agentId);
    if (!agent.calls.includes(ev.callId) && agent.calls.length >= maxOwnCalls)
      refuse('INVALID_TRANSITION', `agent ${agent.id} is already on ${maxOwnCalls} calls`);
  },
  apply(ctx, ev) {
    const agent = ctx.state.agents.get(ev.agentId)!;
    ctx.by = agent.id;
    // Told twice (a retried command): still one call.
    if (agent.calls.includes(ev.callId)) return;
    agent.calls.push(ev.callId);
    agent.idleSince = ctx.now;
    touchAgent(ctx, agent);
  },
};

export const agentCallEnd: Handler<'agent_call_end'> = {
  validate(ctx, ev) {
    agentNamed(ctx, ev.agentId);
  },
  apply(ctx, ev) {
    const agent = ctx.state.agents.get(ev.agentId)!;
    const index = agent.calls.indexOf(ev.callId);
    // An end without a start (already ended, or handed over by a consulted transfer) changes nothing.
    if (index < 0) return;
    ctx.by = agent.id;
    agent.calls.splice(index, 1);
    if (agent.calls.length === 0 && agent.work.size === 0) agent.idleSince = ctx.now;
    // Room again: the dispatcher may offer queued work at once, as when work ends.
    touchAgent(ctx, agent);
  },
};

/** Takes a call off the agent's own calls (it became an interaction's call); false if it was not one. */
export function handOver(agent: AgentRec, callId: string): boolean {
  const index = agent.calls.indexOf(callId);
  if (index < 0) return false;
  agent.calls.splice(index, 1);
  return true;
}
