import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { createCallRecordStore } from '../channels/sip/records/callRecordStore';
import { callContacts } from './callContacts';
import { chatContacts } from './chatContacts';
import { createContactHistory } from './contactHistory';
import { registerContactHistoryRoute } from './contactHistoryRoutes';
import { emailContacts } from './emailContacts';

/** Builds the cross-channel contact history over the server's SQLite and registers its route. */
export function registerCustomerContacts(app: FastifyInstance, sqlite: Database, now: () => number): void {
  // Only `get` is used: the history reads call records, the SIP edge alone writes them.
  const calls = createCallRecordStore(sqlite, now);
  const history = createContactHistory([
    callContacts(sqlite, calls),
    chatContacts(sqlite),
    emailContacts(sqlite),
  ]);
  registerContactHistoryRoute(app, history, sqlite);
}
