import { z } from 'zod';
import { agentListResponseSchema } from '@contract/http/agents';
import { queueListResponseSchema } from '@contract/http/queues';
import type { QueueSummary } from '@contract/http/queues';
import { interactionSchema } from '@contract/routing';
import type { Interaction } from '@contract/routing';
import type { HttpClient } from '../api/http-client';

/** The server reads the inbox needs: the tenant's interactions (leads) and its queues. */
export interface InboxApi {
  listInteractions(): Promise<Interaction[]>;
  listQueues(): Promise<QueueSummary[]>;
  /** Agent id → display name; leads and admins only. */
  agentNames(): Promise<Map<string, string>>;
}

const listSchema = z.object({ interactions: z.array(interactionSchema) });

/** The inbox's HTTP calls through the seat's client. */
export function createInboxApi(http: HttpClient): InboxApi {
  return {
    listInteractions: async () =>
      (
        await http.request({
          method: 'GET',
          // The lead's whole view (the server scopes it): loaded once, then kept by live frames.
          path: '/api/interactions?state=queued,offered,active,held,wrapup&limit=10000',
          schema: listSchema,
        })
      ).interactions,
    listQueues: async () =>
      (await http.request({ method: 'GET', path: '/api/queues', schema: queueListResponseSchema })).queues,
    agentNames: async () => {
      const { agents } = await http.request({
        method: 'GET',
        path: '/api/agents',
        schema: agentListResponseSchema,
      });
      return new Map(agents.map((a) => [a.id, a.displayName]));
    },
  };
}
