import { agentSelfResponseSchema } from '@contract/http/agents';
import type { ChannelCapacity } from '@contract/http/agents';
import type { HttpClient } from '../api/http-client';

/** Reads the signed-in agent's channel capacity (GET /api/agents/me). */
export function createCapacityLoader(http: HttpClient): () => Promise<ChannelCapacity> {
  return async () =>
    (await http.request({ method: 'GET', path: '/api/agents/me', schema: agentSelfResponseSchema })).agent
      .capacity;
}
