import { describe, expect, it } from 'vitest';
import { fetchCustomer } from './customer-request';
import { createHttpClient } from './http-client';

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
  return { http, urls };
};

const customer = {
  id: 'cust 1',
  name: 'Li Na',
  tier: 'gold',
  accountManager: null,
  blacklist: 'none',
  consent: { marketing: false, recording: true },
  notes: '',
  contactPoints: [],
};

describe('fetchCustomer', () => {
  it('reads /api/customers/:id with the id escaped and returns the customer', async () => {
    const { http, urls } = answering({ customer });
    await expect(fetchCustomer(http, 'cust 1')).resolves.toMatchObject({ id: 'cust 1', name: 'Li Na' });
    expect(urls).toEqual(['http://seat.test/api/customers/cust%201']);
  });

  it('refuses a reply that is not a customer', async () => {
    const { http } = answering({ customer: { id: 'cust 1' } });
    await expect(fetchCustomer(http, 'cust 1')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
