import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CannedResponse } from '@contract/http/canned';
import { startTestServer } from '../testing/testServer';
import { demoCannedResponses } from './demoCanned';

let t: Awaited<ReturnType<typeof startTestServer>>;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => t.dispose());

const as = async (username: string) => ({ authorization: `Bearer ${await t.login(username)}` });
const list = async (headers: Record<string, string>) =>
  (
    (await t.server.app.inject({ method: 'GET', url: '/api/canned', headers })).json() as {
      responses: CannedResponse[];
    }
  ).responses;

describe('canned response routes', () => {
  it('lists the seeded tenant-wide responses in English and Chinese to every agent', async () => {
    const responses = await list(await as('agent03'));
    expect(responses).toHaveLength(demoCannedResponses.length);
    expect(responses.every((r) => r.scope === 'tenant')).toBe(true);
    expect(responses.map((r) => r.shortcut)).toEqual(expect.arrayContaining(['greet', 'wenhou']));
    expect(responses.find((r) => r.shortcut === 'wenhou')?.body).toContain('{{customer.name}}，您好');
  });

  it('lets an agent keep personal responses that only they see, after the tenant-wide ones', async () => {
    const mine = await as('agent03');
    const created = await t.server.app.inject({
      method: 'POST',
      url: '/api/canned/personal',
      headers: mine,
      payload: { title: 'My sign-off', body: 'Cheers, {{agent.name}}', shortcut: 'Bye' },
    });
    expect(created.statusCode).toBe(201);
    const saved = (created.json() as { response: CannedResponse }).response;
    expect(saved).toMatchObject({ scope: 'personal', shortcut: 'bye', language: null });

    const listed = await list(mine);
    expect(listed.at(-1)?.id).toBe(saved.id);
    expect((await list(await as('agent04'))).some((r) => r.id === saved.id)).toBe(false);

    const replaced = await t.server.app.inject({
      method: 'PUT',
      url: `/api/canned/personal/${saved.id}`,
      headers: mine,
      payload: { title: 'My sign-off', body: 'Best, {{agent.name}}', shortcut: 'bye' },
    });
    expect((replaced.json() as { response: CannedResponse }).response.body).toBe('Best, {{agent.name}}');
    const deleted = await t.server.app.inject({
      method: 'DELETE',
      url: `/api/canned/personal/${saved.id}`,
      headers: mine,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await list(mine)).some((r) => r.id === saved.id)).toBe(false);
  });

  it("answers NOT_FOUND when an agent changes or deletes another agent's personal response, and keeps it", async () => {
    const owner = await as('agent03');
    const saved = (
      (
        await t.server.app.inject({
          method: 'POST',
          url: '/api/canned/personal',
          headers: owner,
          payload: { title: 'Mine', body: 'text' },
        })
      ).json() as { response: CannedResponse }
    ).response;
    const other = await as('agent04');
    for (const method of ['PUT', 'DELETE'] as const) {
      const reply = await t.server.app.inject({
        method,
        url: `/api/canned/personal/${saved.id}`,
        headers: other,
        ...(method === 'PUT' ? { payload: { title: 'Stolen', body: 'x' } } : {}),
      });
      expect(reply.statusCode).toBe(404);
      expect(reply.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await list(owner)).find((r) => r.id === saved.id)?.title).toBe('Mine');
  });

  it('keeps tenant-wide responses to team leads and admins: an agent is FORBIDDEN and nothing changes', async () => {
    const agent = await as('agent03');
    const seeded = (await list(agent))[0] as CannedResponse;
    const attempts = [
      { method: 'POST' as const, url: '/api/canned/tenant', payload: { title: 'x', body: 'y' } },
      { method: 'PUT' as const, url: `/api/canned/tenant/${seeded.id}`, payload: { title: 'x', body: 'y' } },
      { method: 'DELETE' as const, url: `/api/canned/tenant/${seeded.id}` },
    ];
    for (const attempt of attempts) {
      const reply = await t.server.app.inject({ ...attempt, headers: agent });
      expect(reply.statusCode).toBe(403);
    }
    expect(await list(agent)).toHaveLength(demoCannedResponses.length);

    const lead = await as('lead01');
    const created = await t.server.app.inject({
      method: 'POST',
      url: '/api/canned/tenant',
      headers: lead,
      payload: { title: 'Outage', body: 'We know about the outage.', shortcut: 'outage', language: 'en' },
    });
    expect(created.statusCode).toBe(201);
    expect((await list(agent)).map((r) => r.shortcut)).toContain('outage');
    const removed = await t.server.app.inject({
      method: 'DELETE',
      url: `/api/canned/tenant/${seeded.id}`,
      headers: await as('admin'),
    });
    expect(removed.statusCode).toBe(204);
  });

  it('refuses a shortcut already used in the same scope with DUPLICATE, and bad input with VALIDATION_FAILED', async () => {
    const lead = await as('lead01');
    const duplicate = await t.server.app.inject({
      method: 'POST',
      url: '/api/canned/tenant',
      headers: lead,
      payload: { title: 'Another greeting', body: 'Hi', shortcut: 'greet' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: { code: 'DUPLICATE' } });

    for (const payload of [
      { title: '', body: 'x' },
      { title: 'two\nlines', body: 'x' },
      { title: 'x', body: '' },
      { title: 'x', body: 'y', shortcut: 'has space' },
      { title: 'x', body: 'y', extra: true },
      { title: 'x', body: 'y'.repeat(10_001) },
    ]) {
      const reply = await t.server.app.inject({
        method: 'POST',
        url: '/api/canned/personal',
        headers: lead,
        payload,
      });
      expect(reply.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(reply.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await list(lead)).filter((r) => r.scope === 'personal')).toEqual([]);
  });

  it('needs a session to list canned responses', async () => {
    const reply = await t.server.app.inject({ method: 'GET', url: '/api/canned' });
    expect(reply.statusCode).toBe(401);
  });
});
