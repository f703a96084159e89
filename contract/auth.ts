import { z } from 'zod';

/** Roles in ascending order of reach; a route names the roles it admits. */
export const roles = ['agent', 'team_lead', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** POST /api/auth/login body. */
export const loginRequestSchema = z
  .object({
    tenant: z.string().min(1).max(64).default('demo'),
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** The signed-in user as the seat sees it. */
export const userSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Present for agents and team leads: the agent record the user acts as. */
  agentId: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** POST /api/auth/login reply. The token goes in `Authorization: Bearer …` and in the WebSocket URL. */
export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string().datetime(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** GET /api/auth/me reply. */
export const meResponseSchema = z.object({ user: userSchema, expiresAt: z.string().datetime() });
export type MeResponse = z.infer<typeof meResponseSchema>;
