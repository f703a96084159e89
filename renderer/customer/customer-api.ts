import { customerContactsResponseSchema } from '@contract/http/contacts';
import type { CustomerContactsResponse } from '@contract/http/contacts';
import type { Customer } from '@contract/http/customers';
import { chatTranscriptResponseSchema } from '@contract/webchat';
import type { ChatTranscript } from '@contract/webchat';
import { fetchCustomer } from '../api/customer-request';
import type { HttpClient } from '../api/http-client';

/** What the customer view reads: the profile, the history a page at a time, a chat's transcript. */
export interface CustomerApi {
  customer(id: string): Promise<Customer>;
  /** One page of the customer's contacts, newest first; pass the previous page's cursor for the next. */
  contacts(id: string, cursor: string | null): Promise<CustomerContactsResponse>;
  chat(chatId: string): Promise<ChatTranscript>;
}

/** Services of the customer pane. */
export interface CustomerServices {
  api: CustomerApi;
}

const pageSize = 20;

/** The API over the seat's HTTP client; every reply is checked against its schema. */
export function createCustomerApi(http: HttpClient): CustomerApi {
  return {
    customer: (id) => fetchCustomer(http, id),
    contacts: (id, cursor) =>
      http.request({
        method: 'GET',
        path: `/api/customers/${encodeURIComponent(id)}/contacts?limit=${pageSize}${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
        schema: customerContactsResponseSchema,
      }),
    chat: async (chatId) =>
      (
        await http.request({
          method: 'GET',
          path: `/api/chats/${encodeURIComponent(chatId)}`,
          schema: chatTranscriptResponseSchema,
        })
      ).chat,
  };
}
