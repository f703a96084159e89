import type { Kysely, Migration } from 'kysely';

// The customer's contact history reads e-mail threads by customer, newest first; calls and chats
// already have such an index (010, 011), threads did not, so each history read scanned every thread.

/** Adds the e-mail threads' index by customer and start. */
export const migration014ContactHistory: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('email_threads_customer')
      .on('email_threads')
      .columns(['tenant_id', 'customer_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('email_threads_customer').execute();
  },
};
