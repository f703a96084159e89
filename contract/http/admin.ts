import { z } from 'zod';
import { roleSchema } from '../auth';

/** A user account as an admin manages it (GET /api/admin/users). */
export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  agentId: z.string().nullable(),
  createdAt: z.string().datetime(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/** GET /api/admin/users reply. */
export const adminUserListResponseSchema = z.object({ users: z.array(adminUserSchema) });
export type AdminUserListResponse = z.infer<typeof adminUserListResponseSchema>;
