import { z } from 'zod';
import { channels } from '../agent';
import { agentStatusSchema } from '../ws';

/** How many interactions of each channel an agent handles at once. */
export const channelCapacitySchema = z.object(
  Object.fromEntries(channels.map((c) => [c, z.number().int().min(0)])) as Record<
    (typeof channels)[number],
    z.ZodNumber
  >,
);
export type ChannelCapacity = z.infer<typeof channelCapacitySchema>;

/** One agent as a team lead or admin sees them (GET /api/agents). */
export const agentSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  username: z.string().nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  skills: z.array(z.object({ skill: z.string(), proficiency: z.number().int().min(1).max(10) })),
  capacity: channelCapacitySchema,
  status: agentStatusSchema,
});
export type AgentSummary = z.infer<typeof agentSummarySchema>;

/** GET /api/agents reply. */
export const agentListResponseSchema = z.object({ agents: z.array(agentSummarySchema) });
export type AgentListResponse = z.infer<typeof agentListResponseSchema>;

/** GET /api/agents/me reply: the signed-in agent's own record (capacities for the seat's conversation tabs). */
export const agentSelfResponseSchema = z.object({ agent: agentSummarySchema });
export type AgentSelfResponse = z.infer<typeof agentSelfResponseSchema>;

/** One colleague as any signed-in user sees them (GET /api/agents/roster): enough to pick a transfer target. */
export const rosterEntrySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  state: agentStatusSchema.shape.state,
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** GET /api/agents/roster reply. */
export const agentRosterResponseSchema = z.object({ agents: z.array(rosterEntrySchema) });
