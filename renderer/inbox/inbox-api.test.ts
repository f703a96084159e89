import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../api/http-client';
import { createInboxApi } from './inbox-api';

function apiAnswering(body: unknown) {
  const calls: string[] = [];
  const http = createHttpClient({
    baseUrl: 'http://seat.test',
    getToken: () => 't1',
    fetch: (url) => {
      calls.push(url);
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    },
  });
  return { api: createInboxApi(http), calls };
}

describe('inbox api', () => {
  it('asks for the open interactions and returns them', async () => {
    const { api, calls } = apiAnswering({ interactions: [] });
    await expect(api.listInteractions()).resolves.toEqual([]);
    expect(calls[0]).toBe(
      'http://seat.test/api/interactions?state=queued,offered,active,held,wrapup&limit=10000',
    );
  });

  it('refuses a queue list of the wrong shape with BAD_RESPONSE', async () => {
    const { api } = apiAnswering({ queues: [{ id: 'q1' }] });
    await expect(api.listQueues()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('maps agent ids to display names for the lead view', async () => {
    const { api, calls } = apiAnswering({
      agents: [
        {
          id: 'a1',
          displayName: 'Li Na',
          username: 'agent01',
          team: null,
          skills: [],
          capacity: { voice: 1, im: 3, sms: 3, email: 5, fax: 1, social: 3 },
          status: { agentId: 'a1', state: 'ready', reason: null, since: '2026-01-01T10:00:00.000Z' },
        },
      ],
    });
    await expect(api.agentNames()).resolves.toEqual(new Map([['a1', 'Li Na']]));
    expect(calls[0]).toBe('http://seat.test/api/agents');
  });
});
