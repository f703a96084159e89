import { SeatError } from '@contract/errors';
import type { ClientMessage } from '@contract/ws';
import type { InteractionService } from '../interactions/interactionService';
import type { WallboardSnapshot } from '@contract/wallboard';
import type { WallboardFrame, WallboardHub } from '../stats/wallboard-hub';
import type { SeatSocketExtension } from '../ws/seatSocketRoute';
import type { LeadInteractionFeed } from './leadInteractionFeed';

// The routing frames of the seat socket: accept, reject, end, wrap up and transfer an interaction,
// and wallboard subscriptions for team leads and admins. On open, an agent's seat gets its live
// offer and the interactions it holds again, which is how a seat recovers after a server restart;
// a lead's or admin's seat starts following the interactions they may see (leadInteractionFeed.ts).

type RoutingFrame = Extract<ClientMessage, { type: `interaction.${string}` | `wallboard.${string}` }>;

const isRoutingFrame = (message: ClientMessage): message is RoutingFrame =>
  message.type.startsWith('interaction.') || message.type.startsWith('wallboard.');

/** Builds the routing extension of the seat socket. */
export function createRoutingSocketExtension(
  service: InteractionService,
  wallboards: WallboardHub,
  leads?: LeadInteractionFeed,
): SeatSocketExtension {
  const subscriptions = new WeakMap<object, () => void>();

  return {
    onOpen(connection) {
      const { tenantId, agentId } = connection.auth.user;
      if (agentId) for (const frame of service.resumeFrames(tenantId, agentId)) connection.send(frame);
      const stopFollowing = leads?.add(connection);
      return () => {
        stopFollowing?.();
        subscriptions.get(connection)?.();
        subscriptions.delete(connection);
      };
    },

    async handle(message, connection) {
      if (!isRoutingFrame(message)) return false;
      const { user } = connection.auth;
      if (message.type === 'wallboard.subscribe' || message.type === 'wallboard.unsubscribe') {
        if (user.role !== 'team_lead' && user.role !== 'admin')
          throw new SeatError('FORBIDDEN', 'Only team leads and admins see the wallboard.');
        subscriptions.get(connection)?.();
        subscriptions.delete(connection);
        if (message.type === 'wallboard.subscribe') {
          subscriptions.set(
            connection,
            wallboards.subscribe(user.tenantId, (snapshot) =>
              connection.send({ type: 'wallboard.snapshot', snapshot: toWire(snapshot) }),
            ),
          );
        }
        connection.send({ type: 'ack', id: message.id });
        return true;
      }
      if (!user.agentId)
        throw new SeatError(
          'FORBIDDEN',
          'Only agents and team leads with an agent record handle interactions.',
        );
      const { tenantId, agentId } = { tenantId: user.tenantId, agentId: user.agentId };
      // `actions`, not `batched`: the seat gets an ack, so the interaction's view is not built for nothing.
      switch (message.type) {
        case 'interaction.accept':
          notACall(service, tenantId, message.interactionId);
          await service.actions.accept(tenantId, message.interactionId, agentId);
          break;
        case 'interaction.reject':
          await service.actions.reject(tenantId, message.interactionId, agentId);
          break;
        case 'interaction.end':
          ownedBy(service, tenantId, message.interactionId, agentId);
          await service.actions.end(tenantId, message.interactionId, agentId);
          break;
        case 'interaction.wrapup':
          await service.actions.wrapup(tenantId, message.interactionId, agentId, message.disposition);
          break;
        case 'interaction.transfer':
          await service.actions.transfer(tenantId, message.interactionId, agentId, message.to);
          // The router tells only the new holder; the seat that passed the work on learns here that it left.
          connection.send({
            type: 'interaction.update',
            interaction: service.get(tenantId, message.interactionId),
          });
          break;
      }
      connection.send({ type: 'ack', id: message.id });
      return true;
    },
  };
}

/** Refuses to act on an interaction the agent does not hold (the engine's `end` does not ask who). */
export function ownedBy(
  service: InteractionService,
  tenantId: string,
  interactionId: string,
  agentId: string,
): void {
  const interaction = service.get(tenantId, interactionId);
  if (interaction.agentId !== agentId || (interaction.state !== 'active' && interaction.state !== 'held')) {
    throw new SeatError('CONFLICT', 'You can only end an interaction you are handling.');
  }
}

/**
 * Refuses a seat's accept of a voice interaction: a call is taken only by answering it, when the SIP
 * edge tells the service itself. Accepted on the seat's word, the router would say "active" while the
 * call still rang, and the agent's answer would then be refused and the caller stranded.
 */
export function notACall(service: InteractionService, tenantId: string, interactionId: string): void {
  if (service.get(tenantId, interactionId).channel === 'voice') {
    throw new SeatError('ANSWER_ON_PHONE');
  }
}

/** A hub frame is a wire snapshot (the contract's objects are loose); the socket test parses one to keep this honest. */
function toWire(frame: WallboardFrame): WallboardSnapshot {
  return frame as unknown as WallboardSnapshot;
}
