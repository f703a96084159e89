import type { AgentStatus, ClientMessage } from '@contract/ws';

/** Reasons an agent can give for not being ready, in the order the menu lists them. */
export const notReadyReasons = ['break', 'lunch', 'training', 'meeting'] as const;
export type NotReadyReason = (typeof notReadyReasons)[number];

/** A state the agent may choose: ready, or not ready with a reason. */
export type StateChoice = { state: 'ready' } | { state: 'not_ready'; reason: NotReadyReason };

/** The frame (without id) that asks the server for a chosen state. */
export function setStateFrame(
  choice: StateChoice,
): Omit<Extract<ClientMessage, { type: 'agent.setState' }>, 'id'> {
  return choice.state === 'ready'
    ? { type: 'agent.setState', state: 'ready' }
    : { type: 'agent.setState', state: 'not_ready', reason: choice.reason };
}

/** Encodes a choice as one option value of the state menu. */
export function choiceValue(choice: StateChoice): string {
  return choice.state === 'ready' ? 'ready' : `not_ready:${choice.reason}`;
}

/** Decodes an option value; null for anything the menu never offers. */
export function parseChoice(value: string): StateChoice | null {
  if (value === 'ready') return { state: 'ready' };
  const [state, reason] = value.split(':');
  if (state === 'not_ready' && (notReadyReasons as readonly string[]).includes(reason ?? '')) {
    return { state: 'not_ready', reason: reason as NotReadyReason };
  }
  return null;
}

/** The menu value matching the server's status, or '' when the agent is in a state they cannot pick (busy, wrap-up…). */
export function valueForStatus(status: AgentStatus | null): string {
  if (!status) return '';
  if (status.state === 'ready') return 'ready';
  if (status.state === 'not_ready' && status.reason) {
    const choice = parseChoice(`not_ready:${status.reason}`);
    return choice ? choiceValue(choice) : '';
  }
  return '';
}
