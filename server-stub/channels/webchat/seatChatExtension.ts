import type { ClientMessage } from '@contract/ws';
import type { SeatSocketExtension } from '../../ws/seatSocketRoute';
import type { SeatChatFrame, WebchatService } from './webchatService';

// The seat socket's chat frames. `chat.*` frames go to the web chat service; an `interaction.accept`
// of a web chat (the inbox's Accept button) is answered here too, because a chat may only become
// the agent's work once the customer's join has passed the token check: never on the seat's word alone.

const isChatFrame = (message: ClientMessage): message is SeatChatFrame => message.type.startsWith('chat.');

/** Builds the extension; put it before the routing extension so it sees chat accepts first. */
export function createSeatChatExtension(service: WebchatService): SeatSocketExtension {
  return {
    onOpen(connection) {
      const { tenantId, agentId } = connection.auth.user;
      service.seatOpened({ tenantId, agentId, send: (frame) => connection.send(frame) });
      return () => {};
    },
    async handle(message, connection) {
      const { tenantId, agentId } = connection.auth.user;
      const seat = { tenantId, agentId, send: connection.send.bind(connection) };
      if (isChatFrame(message)) {
        await service.seatFrame(message, seat);
      } else if (
        message.type === 'interaction.accept' &&
        agentId &&
        service.isChat(tenantId, message.interactionId)
      ) {
        await service.acceptFromInbox(tenantId, message.interactionId, agentId);
      } else return false;
      connection.send({ type: 'ack', id: message.id });
      return true;
    },
  };
}
