import type { AgentStatus } from '@contract/ws';
import type { Decision } from '../routing/decisions';

// What the seats need that the projection table does not hold: each live offer's expiry, and each
// agent's last announced status (the "previous" of the next change). Rebuilt from the same
// decisions during replay, so it is right after a restart too.

type OfferDecision = Extract<Decision, { type: 'offer' }>;

/** In-memory live view of one tenant, derived from decisions. */
export interface LiveState {
  apply(decisions: readonly Decision[]): void;
  offer(interactionId: string): OfferDecision | undefined;
  agent(agentId: string): AgentStatus | undefined;
}

/** Creates an empty live view. */
export function createLiveState(): LiveState {
  const offers = new Map<string, OfferDecision>();
  const agents = new Map<string, AgentStatus>();

  return {
    apply(decisions) {
      for (const d of decisions) {
        switch (d.type) {
          case 'offer':
            offers.set(d.interactionId, d);
            break;
          case 'offer_withdrawn':
            offers.delete(d.interactionId);
            break;
          case 'interaction_state':
            if (d.state !== 'offered') offers.delete(d.interactionId);
            break;
          case 'agent_state':
            agents.set(d.agentId, {
              agentId: d.agentId,
              state: d.state,
              reason: d.reason,
              since: new Date(d.at).toISOString(),
            });
            break;
          default:
            break;
        }
      }
    },
    offer: (interactionId) => offers.get(interactionId),
    agent: (agentId) => agents.get(agentId),
  };
}
