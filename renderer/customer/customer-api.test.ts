import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../api/http-client';
import { createCustomerApi } from './customer-api';
import { customer, entry, transcript } from './testing';

const answering = (body: unknown) => {
  const urls: string[] = [];
  const http = createHttpClient({
    baseUrl: 'http://seat.test',
    getToken: () => 't',
    fetch: (url) => {
      urls.push(url);
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    },
  });
  return { api: createCustomerApi(http), urls };
};

describe('customer api', () => {
  it('reads the profile from /api/customers/:id', async () => {
    const { api, urls } = answering({ customer: customer() });
    await expect(api.customer('cust 1')).resolves.toEqual(customer());
    expect(urls).toEqual(['http://seat.test/api/customers/cust%201']);
  });

  it('reads a page of the history, passing the cursor of the previous page', async () => {
    const page = { contacts: [entry('im')], nextCursor: 'abc_-1' };
    const { api, urls } = answering(page);
    await expect(api.contacts('cust-1', null)).resolves.toEqual(page);
    await api.contacts('cust-1', 'abc_-1');
    expect(urls).toEqual([
      'http://seat.test/api/customers/cust-1/contacts?limit=20',
      'http://seat.test/api/customers/cust-1/contacts?limit=20&cursor=abc_-1',
    ]);
  });

  it('refuses a history of the wrong shape with BAD_RESPONSE', async () => {
    await expect(answering({ contacts: [{ id: 1 }] }).api.contacts('c', null)).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it("reads a chat's stored transcript from /api/chats/:chatId", async () => {
    const { api, urls } = answering({ chat: transcript() });
    await expect(api.chat('im-1')).resolves.toEqual(transcript());
    expect(urls).toEqual(['http://seat.test/api/chats/im-1']);
  });
});
