import type { Kysely, Migration } from 'kysely';

// E-mail HTML is sanitised once and kept, instead of on every read of the message: a multi-megabyte
// body took the server's event loop for seconds on each GET. Null until computed (at ingest, or on
// the first read of a message stored before this migration).

/** Adds the sanitised HTML of a message and what sanitising removed (JSON). */
export const migration015EmailSafeHtml: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('email_messages').addColumn('safe_html', 'text').execute();
    await db.schema.alterTable('email_messages').addColumn('safe_html_notes', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('email_messages').dropColumn('safe_html_notes').execute();
    await db.schema.alterTable('email_messages').dropColumn('safe_html').execute();
  },
};
