import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../api/http-client';
import { createCannedApi } from './canned-api';

const answering = (status: number, body: unknown) => {
  const urls: string[] = [];
  const http = createHttpClient({
    baseUrl: 'http://seat.test',
    getToken: () => 't',
    fetch: (url) => {
      urls.push(url);
      return Promise.resolve(new Response(JSON.stringify(body), { status }));
    },
  });
  return { api: createCannedApi(http), urls };
};

describe('canned api', () => {
  it('lists the canned responses from /api/canned', async () => {
    const response = {
      id: 'c1',
      scope: 'tenant',
      title: '问候',
      body: '您好',
      shortcut: 'wenhou',
      language: 'zh-CN',
      updatedAt: '2026-03-02T09:00:00.000Z',
    };
    const { api, urls } = answering(200, { responses: [response] });
    await expect(api.list()).resolves.toEqual([response]);
    expect(urls).toEqual(['http://seat.test/api/canned']);
  });

  it('refuses a list of the wrong shape with BAD_RESPONSE', async () => {
    await expect(answering(200, { responses: [{ id: 1 }] }).api.list()).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it('saves a personal response with POST /api/canned/personal', async () => {
    const saved = {
      id: 'c9',
      scope: 'personal',
      title: 'Mine',
      body: 'Hi {{customer.name}}',
      shortcut: 'mine',
      language: null,
      updatedAt: '2026-03-02T09:00:00.000Z',
    };
    const { api, urls } = answering(201, { response: saved });
    await expect(
      api.createPersonal({ title: 'Mine', body: 'Hi {{customer.name}}', shortcut: 'mine' }),
    ).resolves.toEqual(saved);
    expect(urls).toEqual(['http://seat.test/api/canned/personal']);
  });
});
