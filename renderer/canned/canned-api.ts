import {
  cannedListResponseSchema,
  cannedSavedResponseSchema,
  type CannedResponse,
  type CannedResponseInput,
} from '@contract/http/canned';
import type { HttpClient } from '../api/http-client';

/** The canned responses the signed-in user may insert: the tenant's and their own. */
export interface CannedApi {
  list(): Promise<CannedResponse[]>;
  /** Saves a personal canned response of the signed-in user. */
  createPersonal(input: CannedResponseInput): Promise<CannedResponse>;
}

/** Builds the API over the seat's HTTP client. */
export function createCannedApi(http: HttpClient): CannedApi {
  return {
    list: async () =>
      (await http.request({ method: 'GET', path: '/api/canned', schema: cannedListResponseSchema }))
        .responses,
    createPersonal: async (input) =>
      (
        await http.request({
          method: 'POST',
          path: '/api/canned/personal',
          body: input,
          schema: cannedSavedResponseSchema,
        })
      ).response,
  };
}
