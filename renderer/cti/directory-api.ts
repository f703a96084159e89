import type { Customer } from '@contract/http/customers';
import { queueListResponseSchema } from '@contract/http/queues';
import type { QueueSummary } from '@contract/http/queues';
import { fetchCustomer } from '../api/customer-request';
import type { HttpClient } from '../api/http-client';

/** What the CTI reads from the server besides calls: the customer to pop, the queues to transfer to. */
export interface CtiDirectoryApi {
  customer(id: string): Promise<Customer>;
  voiceQueues(): Promise<QueueSummary[]>;
}

export function createCtiDirectoryApi(http: HttpClient): CtiDirectoryApi {
  return {
    customer: (id) => fetchCustomer(http, id),
    voiceQueues: async () =>
      (
        await http.request({ method: 'GET', path: '/api/queues', schema: queueListResponseSchema })
      ).queues.filter((q) => q.channels.includes('voice')),
  };
}
