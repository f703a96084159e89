import type { Channel } from '@contract/agent';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';

/** Whose customer the pane shows: nobody, an anonymous contact, or a known customer. */
export type CustomerFocus =
  | { kind: 'none' }
  | { kind: 'anonymous'; channel: Channel }
  | { kind: 'customer'; customerId: string; ringing: boolean };

/**
 * The voice offer ringing at this seat, followed frame by frame: an offer starts it; any change of
 * that interaction out of `offered` (answered, rejected, timed out, cancelled) or its withdrawal ends it.
 */
export function nextRinging(ringing: Interaction | null, frame: ServerMessage): Interaction | null {
  if (frame.type === 'interaction.offer')
    return frame.interaction.channel === 'voice' ? frame.interaction : ringing;
  if (!ringing) return null;
  if (frame.type === 'interaction.update' && frame.interaction.id === ringing.id)
    return frame.interaction.state === 'offered' ? frame.interaction : null;
  if (frame.type === 'interaction.revoked' && frame.interactionId === ringing.id) return null;
  return ringing;
}

const focusOn = (interaction: Interaction, ringing: boolean): CustomerFocus =>
  interaction.customerId
    ? { kind: 'customer', customerId: interaction.customerId, ringing }
    : { kind: 'anonymous', channel: interaction.channel };

/** A ringing call pops its caller over the open tab; otherwise the active tab's customer shows. */
export function focusOf(ringing: Interaction | null, active: Interaction | null): CustomerFocus {
  if (ringing) return focusOn(ringing, true);
  if (active) return focusOn(active, false);
  return { kind: 'none' };
}

/** Whether two focuses show the same thing (so the pane keeps its state). */
export function sameFocus(a: CustomerFocus, b: CustomerFocus): boolean {
  if (a.kind === 'customer' && b.kind === 'customer')
    return a.customerId === b.customerId && a.ringing === b.ringing;
  if (a.kind === 'anonymous' && b.kind === 'anonymous') return a.channel === b.channel;
  return a.kind === b.kind;
}
