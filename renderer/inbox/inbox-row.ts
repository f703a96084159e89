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
  /** An offer the agent has not opened yet, or work where the customer wrote since the agent last opened it. */
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

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

// A SIP From URI such as `sip:+4930123@example.test`: the caller's number is its user part.
const sipUser = (value: unknown): string | null => {
  const uri = text(value);
  if (!uri) return null;
  const match = /^sips?:([^@;>]+)@/i.exec(uri);
  return match ? decodeURIComponent(match[1]!) : uri;
};

/**
 * Each channel keeps what it knows about the customer under its own key of the attached data (the web
 * chat's pre-chat form under `webchat`, the e-mail channel's sender and subject under `email`, the SIP
 * edge's caller under `sip`); they are read like the flat keys other adapters send, flat keys first.
 */
function channelFields(attached: Record<string, unknown>): Record<string, unknown> {
  const chat = record(attached.webchat);
  const email = record(attached.email);
  const sip = record(attached.sip);
  if (!chat && !email && !sip) return attached;
  return {
    ...(chat ?? {}),
    ...(email
      ? {
          customerName: text(email.fromName) ?? text(email.from),
          subject: email.subject,
          firstLine: email.preview,
        }
      : {}),
    ...(sip ? { customerName: text(sip.displayName) ?? sipUser(sip.from) } : {}),
    ...attached,
  };
}

/** Maps an interaction (and offer expiry, unread mark) to its inbox row. */
export function toInboxRow(
  interaction: Interaction,
  extra: {
    expiresAt?: string | null;
    /** The offer is not opened yet (counts for offers only). */
    unread?: boolean;
    /** A customer chat line or e-mail arrived since the agent last opened it (any state). */
    newMessage?: boolean;
  } = {},
): InboxRow {
  const a = channelFields(interaction.attached);
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
    // The server's own figures (routing head start, queue service level), never a channel's attached data.
    priority: interaction.priority,
    slaDueAt: interaction.slaDueAt,
    expiresAt: interaction.state === 'offered' ? (extra.expiresAt ?? null) : null,
    unread: (interaction.state === 'offered' && (extra.unread ?? false)) || (extra.newMessage ?? false),
  };
}
