import type { AgentStatus } from '@contract/ws';
import type { Decision } from '../routing/decisions';

// What the seats need that the projection table does not hold: each live offer's id and expiry,
// each agent's status with its `since`, and the last wait announced for each waiting interaction.
// Rebuilt from the same decisions during replay, so it is right after a restart too.

type OfferDecision = Extract<Decision, { type: 'offer' }>;

/** In-memory live view of one tenant, derived from decisions. */
export interface LiveState {
  apply(decisions: readonly Decision[]): void;
  offer(interactionId: string): OfferDecision | undefined;
  /** Live offers made to an agent. */
  offersTo(agentId: string): OfferDecision[];
  agent(agentId: string): AgentStatus | undefined;
  /** Every agent's status, in agent id order. */
  agents(): AgentStatus[];
  lastWait(interactionId: string): { position: number; ewtSeconds: number } | undefined;
}

/** Creates an empty live view. */
export function createLiveState(): LiveState {
  const offers = new Map<string, OfferDecision>();
  const offersByAgent = new Map<string, Set<string>>();
  const agents = new Map<string, AgentStatus>();
  const waits = new Map<string, { position: number; ewtSeconds: number }>();

  const dropOffer = (interactionId: string) => {
    const offer = offers.get(interactionId);
    if (!offer) return;
    offers.delete(interactionId);
    offersByAgent.get(offer.agentId)?.delete(interactionId);
  };

  return {
    apply(decisions) {
      for (const d of decisions) {
        switch (d.type) {
          case 'offer': {
            dropOffer(d.interactionId);
            offers.set(d.interactionId, d);
            let set = offersByAgent.get(d.agentId);
            if (!set) offersByAgent.set(d.agentId, (set = new Set()));
            set.add(d.interactionId);
            break;
          }
          case 'offer_withdrawn':
            dropOffer(d.interactionId);
            break;
          case 'interaction_state':
            if (d.state !== 'offered') dropOffer(d.interactionId);
            if (d.state !== 'queued' && d.state !== 'offered') waits.delete(d.interactionId);
            break;
          case 'announce_wait':
            waits.set(d.interactionId, { position: d.position, ewtSeconds: d.ewtSeconds });
            break;
          case 'agent_state':
            agents.set(d.agentId, { agentId: d.agentId, state: d.state, reason: d.reason, since: new Date(d.at).toISOString() });
            break;
          default:
            break;
        }
      }
    },
    offer: (interactionId) => offers.get(interactionId),
    offersTo(agentId) {
      return [...(offersByAgent.get(agentId) ?? [])].flatMap((id) => offers.get(id) ?? []);
    },
    agent: (agentId) => agents.get(agentId),
    agents: () => [...agents.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0)),
    lastWait: (interactionId) => waits.get(interactionId),
  };
}
