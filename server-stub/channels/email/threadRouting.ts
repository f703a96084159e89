import { createHash } from 'node:crypto';
import type { EmailMessageSummary } from '@contract/email';
import { SeatError } from '@contract/errors';
import { idempotencyKeySchema, type Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import type { InteractionService } from '../../interactions/interactionService';
import type { Mailbox } from './mailboxConfig';
import type { MessageRecord, MessageStore, ThreadRecord } from './messageStore';

// The routing step after a message is stored: the first message of a thread (or the first after
// its interaction ended) becomes an interaction in the mailbox's queue; a message in a thread whose
// interaction is still open joins it, and the owning agent's seat is told.

const openStates = new Set<Interaction['state']>(['queued', 'offered', 'active', 'held', 'wrapup']);
const ownedStates = new Set<Interaction['state']>(['active', 'held', 'wrapup']);

/** What the routing step did with one stored message. */
export type RouteOutcome =
  | { action: 'created'; interactionId: string }
  | { action: 'attached'; interactionId: string; notifiedAgentId: string | null };

/** Routes stored inbound messages. */
export interface ThreadRouter {
  /** Resolves once the interaction (if any) is durable in the routing log. */
  route(message: MessageRecord, thread: ThreadRecord, mailbox: Mailbox): Promise<RouteOutcome>;
}

/** The idempotency key of a message: its Message-ID within its mailbox, hashed when it does not fit the key syntax. */
export function idempotencyKeyOf(mailboxId: string, messageId: string): string {
  const plain = `email:${mailboxId}:${messageId}`;
  if (idempotencyKeySchema.safeParse(plain).success) return plain;
  return `email:${createHash('sha256').update(`${mailboxId}\n${messageId}`).digest('hex')}`;
}

/** The list form of a stored message, as the seat sees it. */
export function summaryOf(message: MessageRecord): EmailMessageSummary {
  return {
    id: message.id,
    threadId: message.threadId,
    direction: message.direction,
    messageId: message.messageId,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    date: new Date(message.date).toISOString(),
    receivedAt: new Date(message.receivedAt).toISOString(),
    preview: message.text.replace(/\s+/g, ' ').trim().slice(0, 200),
    attachmentCount: message.attachmentCount,
    status: message.status,
    parseProblem: message.parseProblem,
  };
}

/** Builds the routing step over the interaction service. */
export function createThreadRouter(deps: {
  service: InteractionService;
  messages: MessageStore;
  sendToAgent: (tenantId: string, agentId: string, frame: ServerMessage) => void;
}): ThreadRouter {
  const { service, messages } = deps;

  const current = (tenantId: string, interactionId: string): Interaction | null => {
    try {
      return service.get(tenantId, interactionId);
    } catch (error) {
      if (error instanceof SeatError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  };

  return {
    async route(message, thread, mailbox) {
      const previous = thread.interactionId ? current(thread.tenantId, thread.interactionId) : null;
      if (previous && openStates.has(previous.state)) {
        const owner = previous.agentId && ownedStates.has(previous.state) ? previous.agentId : null;
        if (owner) {
          messages.setThreadLastAgent(thread.id, owner);
          deps.sendToAgent(thread.tenantId, owner, {
            type: 'email.received',
            interactionId: previous.id,
            threadId: thread.id,
            message: summaryOf(message),
          });
        }
        messages.markRouted(message.id);
        return { action: 'attached', interactionId: previous.id, notifiedAgentId: owner };
      }
      // New work: a new thread, or a customer writing again after the last interaction ended.
      // The agent who handled it before is preferred, so the conversation stays with one person.
      const preferred = previous?.agentId ?? thread.lastAgentId;
      // Awaited: create resolves once the interaction is in the routing log (group commit).
      const { interaction } = await service.create(
        thread.tenantId,
        {
          channel: 'email',
          queueId: mailbox.queueId,
          ...(thread.customerId ? { customerId: thread.customerId } : {}),
          ...(preferred ? { preferredAgentId: preferred } : {}),
          attached: {
            email: {
              threadId: thread.id,
              mailboxId: mailbox.id,
              mailbox: mailbox.address,
              messageRowId: message.id,
              from: message.from?.address ?? null,
              fromName: message.from?.name ?? null,
              subject: message.subject.slice(0, 300),
              preview: message.text.replace(/\s+/g, ' ').trim().slice(0, 200),
              attachments: message.attachmentCount,
            },
          },
        },
        idempotencyKeyOf(mailbox.id, message.messageId),
      );
      messages.setThreadInteraction(thread.id, interaction.id);
      messages.markRouted(message.id);
      return { action: 'created', interactionId: interaction.id };
    },
  };
}
