import { SeatError } from '@contract/errors';
import type { ClientMessage } from '@contract/ws';
import type { AgentStateService } from '../agents/agentStateService';
import type { SeatConnection } from './seatConnection';

/** Answers one understood frame. Refusals become `error` frames; nothing changes on a refusal. */
export async function handleClientMessage(
  message: ClientMessage,
  connection: SeatConnection,
  agentStates: AgentStateService,
): Promise<void> {
  switch (message.type) {
    case 'ping':
      connection.send({ type: 'pong', id: message.id });
      return;
    case 'agent.setState': {
      const { user } = connection.auth;
      if (user.role === 'admin' || !user.agentId) {
        throw new SeatError('FORBIDDEN', 'Only agents and team leads with an agent record have a state.');
      }
      // The change itself reaches this agent's sockets through the service's change listener.
      await agentStates.request(user.tenantId, user.agentId, {
        state: message.state,
        reason: message.reason,
      });
      connection.send({ type: 'ack', id: message.id });
      return;
    }
  }
}
