import {
  cannedListResponseSchema,
  cannedResponseInputSchema,
  cannedSavedResponseSchema,
} from '@contract/http/canned';
import { SeatError } from '@contract/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callerOf, defineRoute } from '../http/route';
import type { CannedOwner, CannedStore } from './cannedStore';

// /api/canned: every signed-in user lists the tenant-wide texts and their own; anyone writes their
// own personal texts; team leads and admins write the tenant-wide ones.

const idParams = z.object({ id: z.string().min(1).max(128) }).strict();
const everyone = ['agent', 'team_lead', 'admin'] as const;
const managers = ['team_lead', 'admin'] as const;

/** How many texts one user, or one tenant, may keep: enough for real use, bounded for the picker. */
export const cannedLimits = { personal: 200, tenant: 1000 } as const;

/** Registers the canned-response routes. */
export function registerCannedRoutes(app: FastifyInstance, deps: { store: CannedStore }): void {
  const { store } = deps;
  const personal = (request: FastifyRequest): CannedOwner => {
    const { user } = callerOf(request);
    return { tenantId: user.tenantId, ownerUserId: user.id };
  };
  const tenantWide = (request: FastifyRequest): CannedOwner => ({
    tenantId: callerOf(request).user.tenantId,
    ownerUserId: null,
  });
  const checkRoom = (owner: CannedOwner) => {
    const limit = owner.ownerUserId === null ? cannedLimits.tenant : cannedLimits.personal;
    if (store.count(owner) >= limit)
      throw new SeatError(
        'CONFLICT',
        `At most ${limit} canned responses can be kept here; delete some first.`,
      );
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/canned',
    access: everyone,
    summary: "Canned responses the caller may use: the tenant's, then their own",
    tags: ['canned'],
    response: { 200: cannedListResponseSchema },
    handler: async ({ request }) => {
      const { user } = callerOf(request);
      return { responses: store.listFor(user.tenantId, user.id) };
    },
  });

  for (const [scope, owner, access] of [
    ['personal', personal, everyone],
    ['tenant', tenantWide, managers],
  ] as const) {
    const label = scope === 'personal' ? 'one of your own canned responses' : 'a tenant-wide canned response';
    defineRoute(app, {
      method: 'POST',
      url: `/api/canned/${scope}`,
      access,
      summary: `Create ${label}`,
      tags: ['canned'],
      body: cannedResponseInputSchema,
      response: { 201: cannedSavedResponseSchema },
      handler: async ({ body, request }, reply) => {
        const where = owner(request);
        checkRoom(where);
        const response = store.create(where, body, callerOf(request).user.id);
        reply.code(201);
        return { response };
      },
    });
    defineRoute(app, {
      method: 'PUT',
      url: `/api/canned/${scope}/:id`,
      access,
      summary: `Replace ${label}`,
      tags: ['canned'],
      params: idParams,
      body: cannedResponseInputSchema,
      response: { 200: cannedSavedResponseSchema },
      handler: async ({ params, body, request }) => ({
        response: store.replace(owner(request), params.id, body),
      }),
    });
    defineRoute(app, {
      method: 'DELETE',
      url: `/api/canned/${scope}/:id`,
      access,
      summary: `Delete ${label}`,
      tags: ['canned'],
      params: idParams,
      response: { 204: null },
      handler: async ({ params, request }, reply) => {
        store.remove(owner(request), params.id);
        reply.code(204);
        return reply.send();
      },
    });
  }
}
