import type { AgentStatus } from '@contract/ws';
import { SeatError } from '@contract/errors';

/** A state an agent may ask for from the seat; the router sets the others (reserved, busy, wrapup). */
export interface AgentStateRequest {
  state: 'ready' | 'not_ready' | 'logged_out';
  reason?: string | undefined;
}

/**
 * Decides whether an agent may move from `current` to what they ask for. Returns 'unchanged' when
 * they ask for what they already have (a double click is not an error), 'change' when allowed;
 * throws VALIDATION_FAILED for a missing, superfluous or unknown reason and CONFLICT while the
 * router holds the agent on work.
 */
export function checkTransition(
  current: AgentStatus,
  request: AgentStateRequest,
  reasonCodes: readonly string[],
): 'change' | 'unchanged' {
  if (request.state === 'not_ready') {
    if (!request.reason) {
      throw new SeatError('VALIDATION_FAILED', 'Not ready needs a reason code.', [
        { path: 'reason', message: `Pick one of: ${reasonCodes.join(', ')}` },
      ]);
    }
    if (!reasonCodes.includes(request.reason)) {
      throw new SeatError('VALIDATION_FAILED', `Unknown reason code '${request.reason}'.`, [
        { path: 'reason', message: `Pick one of: ${reasonCodes.join(', ')}` },
      ]);
    }
  } else if (request.reason !== undefined) {
    throw new SeatError('VALIDATION_FAILED', 'A reason code goes only with not_ready.', [
      { path: 'reason', message: 'Leave it out for this state.' },
    ]);
  }
  if (current.state === 'reserved' || current.state === 'busy') {
    throw new SeatError(
      'CONFLICT',
      `You are ${current.state}: finish the current work before changing state.`,
    );
  }
  const sameReason = (current.reason ?? undefined) === request.reason;
  return current.state === request.state && sameReason ? 'unchanged' : 'change';
}
