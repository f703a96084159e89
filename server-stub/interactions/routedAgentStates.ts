import { SeatError } from '@contract/errors';
import type { AgentStatus } from '@contract/ws';
import type { AgentStateChange, AgentStateService } from '../agents/agentStateService';
import type { InteractionService } from './interactionService';

// The router owns agent state once routing runs (reserved, busy and wrap-up follow the work), so the
// seat's `agent.setState` goes through the engine and its log like every other event. This adapter
// gives the socket layer the same AgentStateService interface it had before.

/** An AgentStateService whose truth is the routing engine. */
export function createRoutedAgentStates(service: InteractionService): AgentStateService {
  return {
    async get(tenantId, agentId) {
      const status = service.agentStatus(tenantId, agentId);
      if (status) return status;
      throw new SeatError('NOT_FOUND', `There is no agent ${agentId}.`);
    },
    async request(tenantId, agentId, request) {
      const before: AgentStatus | undefined = service.agentStatus(tenantId, agentId);
      if (!before) throw new SeatError('NOT_FOUND', `There is no agent ${agentId}.`);
      const reason = request.reason ?? null;
      // Asking for what one has is not an error (a double click), and logs nothing.
      if (before.state === request.state && before.reason === reason)
        return { status: before, changed: false };
      if (request.state === 'not_ready' && !request.reason)
        throw new SeatError('VALIDATION_FAILED', 'Not ready needs a reason code.');
      try {
        const status = await service.batched.setAgentState(tenantId, agentId, request.state, reason, agentId);
        return { status, changed: true };
      } catch (error) {
        // The seat socket answers a reason outside the tenant's list as bad input, like every field error.
        if (error instanceof SeatError && error.code === 'UNKNOWN_REASON') {
          throw new SeatError('VALIDATION_FAILED', error.message, [
            { path: 'reason', message: error.message },
          ]);
        }
        throw error;
      }
    },
    onChange(listener: (change: AgentStateChange) => void) {
      return service.onAgentState(({ tenantId, previous, status }) =>
        listener({ tenantId, previous, status }),
      );
    },
  };
}
