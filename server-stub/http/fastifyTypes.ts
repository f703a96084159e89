import type { Role } from '@contract/auth';
import type { AuthContext } from '../auth/authService';

/** Who may call a route: anyone, or signed-in users with one of the roles. */
export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api and /ws route must say who may call it; the access hook enforces it. */
    access?: Access;
    /** The seat WebSocket carries its token in `?token=` because browsers cannot set headers on it. */
    tokenFromQuery?: boolean;
  }
  interface FastifyRequest {
    /** Set by the access hook on every non-public route. */
    seatAuth: AuthContext | null;
  }
}
