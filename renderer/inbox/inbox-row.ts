import type { Channel } from '@contract/agent';
import type { Interaction, InteractionState } from '@contract/routing';

/** One inbox line: an interaction as the grid shows it, plus what only the seat knows (unread, offer expiry). */
export interface InboxRow {
  id: string;
  channel: Channel;
  customer: string;
  subject: string;
  queueId: string;
  state: InteractionState;
  agentId: string | null;
  createdAt: string;
  /** When the interaction last changed, i.e. since when it has been in its state. */
  updatedAt: string;
  priority: number | null;
  slaDueAt: string | null;
  /** Offers only: when the offer lapses. */
  expiresAt: string | null;
  /** An offer the agent has not opened yet. */
  unread: boolean;
}

/** States in which work has left the agent: the inbox drops such rows. */
export const finishedStates: ReadonlySet<InteractionState> = new Set([
  'ended',
  'abandoned',
  'overflowed',
  'released',
  'callback',
]);

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

// Channel adapters put what they know about the customer and the subject into attached data under
// a few common names; the inbox shows the first one present.
const firstText = (attached: Record<string, unknown>, keys: readonly string[]): string | null => {
  for (const key of keys) {
    const found = text(attached[key]);
    if (found) return found;
  }
  return null;
};

const firstLine = (value: string): string => value.split(/\r?\n/, 1)[0] ?? '';

/** Maps an interaction (and offer expiry, unread mark) to its inbox row. */
export function toInboxRow(
  interaction: Interaction,
  extra: { expiresAt?: string | null; unread?: boolean } = {},
): InboxRow {
  // The web chat puts its pre-chat form under `webchat` (name, contact, topic): read it like the flat keys.
  const chat = interaction.attached.webchat;
  const a =
    chat !== null && typeof chat === 'object' && !Array.isArray(chat)
      ? { ...(chat as Record<string, unknown>), ...interaction.attached }
      : interaction.attached;
  const priority = typeof a.priority === 'number' && Number.isFinite(a.priority) ? a.priority : null;
  const slaDueAt = text(a.slaDueAt) ?? text(a.slaDue);
  return {
    id: interaction.id,
    channel: interaction.channel,
    customer:
      firstText(a, ['customerName', 'from', 'callerId', 'ani', 'name']) ?? interaction.customerId ?? '',
    subject: firstLine(firstText(a, ['subject', 'firstLine', 'message', 'topic']) ?? ''),
    queueId: interaction.queueId,
    state: interaction.state,
    agentId: interaction.agentId,
    createdAt: interaction.createdAt,
    updatedAt: interaction.updatedAt,
    priority,
    slaDueAt: slaDueAt !== null && !Number.isNaN(Date.parse(slaDueAt)) ? slaDueAt : null,
    expiresAt: interaction.state === 'offered' ? (extra.expiresAt ?? null) : null,
    unread: interaction.state === 'offered' && (extra.unread ?? false),
  };
}
