import { roles } from '@contract/auth';
import {
  blacklistDecisionRequestSchema,
  blacklistEntrySchema,
  blacklistProposalRequestSchema,
} from '@contract/routing';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf, defineRoute } from '../../http/route';
import type { BlacklistBook } from '../../interactions/blacklistBook';
import type { InteractionService } from '../../interactions/interactionService';

// Agents propose flagging a customer; team leads and admins confirm (with limits) or reject. A
// confirmation reaches the router in the same transaction as the entry's new status.

const idParams = z.object({ id: z.string().min(1).max(128) }).strict();

/** Registers /api/blacklist. */
export function registerBlacklistRoutes(
  app: FastifyInstance,
  book: BlacklistBook,
  service: InteractionService,
): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/blacklist',
    access: roles,
    summary: 'Propose flagging a customer (category, reason); a team lead decides',
    tags: ['blacklist'],
    body: blacklistProposalRequestSchema,
    response: { 201: z.object({ entry: blacklistEntrySchema }) },
    handler: async ({ body, request }, reply) => {
      const { user } = callerOf(request);
      reply.code(201);
      return { entry: book.propose(user.tenantId, body, user.id) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/blacklist',
    access: ['team_lead', 'admin'],
    summary: 'Blacklist entries of the tenant, newest first (optionally only one status)',
    tags: ['blacklist'],
    querystring: z.object({ status: z.enum(['proposed', 'confirmed', 'rejected']).optional() }).strict(),
    response: { 200: z.object({ entries: z.array(blacklistEntrySchema) }) },
    handler: async ({ query, request }) => ({
      entries: book.list(callerOf(request).user.tenantId, query.status),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/blacklist/:id/decision',
    access: ['team_lead', 'admin'],
    summary: 'Confirm a proposal with its limits (hours of day, count per day) or reject it',
    tags: ['blacklist'],
    params: idParams,
    body: blacklistDecisionRequestSchema,
    response: { 200: z.object({ entry: blacklistEntrySchema }) },
    handler: async ({ params, body, request }) => {
      const { user } = callerOf(request);
      if (body.decision === 'reject') return { entry: book.reject(user.tenantId, params.id, user.id) };
      const limits = body.limits ?? {};
      const entry = book.confirm(
        user.tenantId,
        params.id,
        limits,
        user.id,
        ({ customerId, category }, write) =>
          service.setBlacklist(
            user.tenantId,
            {
              customerId,
              category,
              allowedHours: limits.allowedHours ? [limits.allowedHours] : null,
              maxPerDay: limits.maxPerDay ?? null,
              message: null,
            },
            write,
          ),
      );
      return { entry };
    },
  });
}
