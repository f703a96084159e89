import { z } from 'zod';

/** Agent states from the design (section 4). */
export const agentStates = ['logged_out', 'ready', 'not_ready', 'reserved', 'busy', 'wrapup'] as const;
export const agentStateSchema = z.enum(agentStates);
export type AgentState = z.infer<typeof agentStateSchema>;

/** Channels an interaction can arrive on. */
export const channels = ['voice', 'im', 'sms', 'email', 'fax', 'social'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;
