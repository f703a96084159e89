import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { HttpClient, JsonRequest } from '../api/http-client';
import { createCapacityLoader } from './conversations-api';

describe('createCapacityLoader', () => {
  it('reads the capacity from the agent record at /api/agents/me, checked by its schema', async () => {
    const asked: string[] = [];
    const http: HttpClient = {
      request: <T extends z.ZodType>(req: JsonRequest<T>) => {
        asked.push(`${req.method} ${req.path}`);
        return Promise.resolve(
          req.schema.parse({
            agent: {
              id: 'a21',
              displayName: 'Agent 21',
              username: 'agent21',
              team: null,
              skills: [],
              capacity: { voice: 1, im: 2, sms: 3, email: 4, fax: 1, social: 1 },
              status: { agentId: 'a21', state: 'ready', reason: null, since: '2026-01-01T00:00:00.000Z' },
            },
          }),
        ) as Promise<z.infer<T>>;
      },
    };
    await expect(createCapacityLoader(http)()).resolves.toMatchObject({ im: 2, email: 4 });
    expect(asked).toEqual(['GET /api/agents/me']);
  });
});
