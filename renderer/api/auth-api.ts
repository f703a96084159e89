import { z } from 'zod';
import { loginResponseSchema, meResponseSchema } from '@contract/auth';
import type { LoginRequest, LoginResponse, MeResponse } from '@contract/auth';
import type { HttpClient } from './http-client';

/** The server's session endpoints. */
export interface AuthApi {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(): Promise<void>;
  me(): Promise<MeResponse>;
}

// Logout answers 204 or a small JSON object; either way there is nothing the seat needs from it.
const logoutReplySchema = z.unknown();

export function createAuthApi(http: HttpClient): AuthApi {
  return {
    login: (request) =>
      http.request({ method: 'POST', path: '/api/auth/login', body: request, schema: loginResponseSchema }),
    logout: async () => {
      await http.request({ method: 'POST', path: '/api/auth/logout', body: {}, schema: logoutReplySchema });
    },
    me: () => http.request({ method: 'GET', path: '/api/auth/me', schema: meResponseSchema }),
  };
}
