import { z } from 'zod';
import { agentStateSchema } from './agent';

// Live figures a team lead's wallboard receives in `wallboard.snapshot` frames. The statistics module
// on the server may send more figures than listed here (loose objects), so the seat can grow its
// wallboard without a contract change for each new column.

/** Figures of one queue for one window (current quarter hour, or today). */
export const queueFiguresSchema = z.looseObject({
  offered: z.number().nonnegative(),
  answered: z.number().nonnegative(),
  abandoned: z.number().nonnegative(),
});

/** One queue on the wallboard. */
export const wallboardQueueSchema = z.looseObject({
  queueId: z.string(),
  waiting: z.number().int().nonnegative(),
});

/** One agent on the wallboard. */
export const wallboardAgentSchema = z.looseObject({
  agentId: z.string(),
  state: agentStateSchema,
});

/** One wallboard snapshot of a tenant. */
export const wallboardSnapshotSchema = z.looseObject({
  at: z.string().datetime(),
  queues: z.array(wallboardQueueSchema),
  agents: z.array(wallboardAgentSchema),
});
export type WallboardSnapshot = z.infer<typeof wallboardSnapshotSchema>;
