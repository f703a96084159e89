import { sql, type Kysely, type Migration } from 'kysely';

// Tables of the e-mail channel: mailboxes (per tenant, with their IMAP, relay and auto-acknowledgement
// settings as validated JSON), threads, messages, the raw source of every accepted message (so a
// message whose MIME we could not parse is never lost) and attachment bytes. Bytes live in the
// database so one transaction stores a message whole before the SMTP receiver answers 250.

/** Adds the mailbox, thread, message, raw source and attachment tables. */
export const migration008Email: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('email_mailboxes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      // Lower-cased; one address belongs to one tenant, so a recipient alone finds the tenant.
      .addColumn('address', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('queue_id', 'text', (c) => c.notNull())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('email_threads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('mailbox_id', 'text', (c) =>
        c.notNull().references('email_mailboxes.id').onDelete('cascade'),
      )
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('interaction_id', 'text')
      .addColumn('last_agent_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('email_threads_interaction')
      .on('email_threads')
      .columns(['tenant_id', 'interaction_id'])
      .execute();

    await db.schema
      .createTable('email_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('mailbox_id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull().references('email_threads.id').onDelete('cascade'))
      .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('inbound', 'outbound')`))
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('in_reply_to', 'text')
      .addColumn('references_json', 'text', (c) => c.notNull())
      .addColumn('from_json', 'text')
      .addColumn('reply_to_json', 'text')
      .addColumn('to_json', 'text', (c) => c.notNull())
      .addColumn('cc_json', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('date', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text')
      .addColumn('headers_json', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('smtp', 'imap', 'seat', 'auto')`))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('received', 'sending', 'sent', 'failed')`),
      )
      .addColumn('error', 'text')
      .addColumn('parse_problem', 'text')
      .addColumn('sent_by', 'text')
      // Inbound: 1 once the routing step (new interaction, or attach and notify) has run; 0 rows are redone on start.
      .addColumn('routed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // A re-delivery of the same Message-ID to the same mailbox is recognised, and replies find their parent.
    await db.schema
      .createIndex('email_messages_unique')
      .unique()
      .on('email_messages')
      .columns(['mailbox_id', 'message_id'])
      .execute();
    await db.schema
      .createIndex('email_messages_thread')
      .on('email_messages')
      .columns(['thread_id', 'received_at'])
      .execute();

    await db.schema
      .createTable('email_raw')
      .addColumn('message_row_id', 'text', (c) =>
        c.primaryKey().references('email_messages.id').onDelete('cascade'),
      )
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content', 'blob', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('email_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_row_id', 'text', (c) =>
        c.notNull().references('email_messages.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content_id', 'text')
      .addColumn('inline', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', 'blob', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('email_attachments_message')
      .on('email_attachments')
      .columns(['message_row_id', 'position'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'email_attachments',
      'email_raw',
      'email_messages',
      'email_threads',
      'email_mailboxes',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
