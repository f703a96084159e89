import { customerResponseSchema } from '@contract/http/customers';
import type { Customer } from '@contract/http/customers';
import type { HttpClient } from './http-client';

/** GET /api/customers/:id, checked against its schema: the one read of a customer every feature shares. */
export async function fetchCustomer(http: HttpClient, id: string): Promise<Customer> {
  const reply = await http.request({
    method: 'GET',
    path: `/api/customers/${encodeURIComponent(id)}`,
    schema: customerResponseSchema,
  });
  return reply.customer;
}
