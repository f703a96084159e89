import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/testServer';

let env: Awaited<ReturnType<typeof startTestServer>>;
beforeEach(async () => {
  env = await startTestServer();
});
afterEach(async () => env.dispose());

describe('GET /api/voice/queues', () => {
  it('lists the voice queues of a tenant by SIP slug without signing in', async () => {
    const reply = await env.server.app.inject({ method: 'GET', url: '/api/voice/queues?tenant=demo' });
    expect(reply.statusCode).toBe(200);
    const { queues } = reply.json() as { queues: Array<{ slug: string; name: string }> };
    expect(queues).toContainEqual({ slug: 'technical-support', name: 'Technical Support' });
    expect(queues.map((q) => q.slug)).toContain('general');
  });

  it('answers an unknown tenant with 404 and a malformed one with 400', async () => {
    expect(
      (await env.server.app.inject({ method: 'GET', url: '/api/voice/queues?tenant=nope' })).statusCode,
    ).toBe(404);
    expect(
      (await env.server.app.inject({ method: 'GET', url: '/api/voice/queues?tenant=Bad!' })).statusCode,
    ).toBe(400);
  });
});
