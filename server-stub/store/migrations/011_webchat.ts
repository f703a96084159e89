import { sql, type Kysely, type Migration } from 'kysely';

// Tables of the web chat: one row per chat (the customer's chat identity, the pre-chat form, the
// interaction it is routed as, receipt marks), every message in order (`seq` per chat, which a
// reconnecting page resumes after), attachment bytes, and transcript e-mails as sent. Everything
// said is stored here before anyone is told about it.

/** Adds the chat, message, attachment and transcript e-mail tables. */
export const migration011Webchat: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('webchat_chats')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('interaction_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('queue_id', 'text', (c) => c.notNull())
      // scrypt would be wasted here: the key is 24 random bytes, so a SHA-256 of it cannot be guessed back.
      .addColumn('key_sha256', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('queued', 'connecting', 'active', 'ended')`),
      )
      .addColumn('email_transcript', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agent_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      // Receipt marks: the highest seq of the other side's messages each side got and read.
      .addColumn('customer_delivered_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('customer_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agent_delivered_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agent_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('ended_by', 'text')
      .execute();
    await db.schema
      .createIndex('webchat_chats_interaction')
      .on('webchat_chats')
      .columns(['tenant_id', 'interaction_id'])
      .execute();
    await db.schema
      .createIndex('webchat_chats_open')
      .on('webchat_chats')
      .columns(['tenant_id', 'state'])
      .execute();
    await db.schema
      .createIndex('webchat_chats_customer')
      .on('webchat_chats')
      .columns(['tenant_id', 'customer_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('webchat_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('chat_id', 'text', (c) => c.notNull().references('webchat_chats.id').onDelete('cascade'))
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', 'blob', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webchat_messages')
      .addColumn('chat_id', 'text', (c) => c.notNull().references('webchat_chats.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull().check(sql`author in ('customer', 'agent', 'system')`))
      .addColumn('agent_id', 'text')
      .addColumn('author_name', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.references('webchat_attachments.id'))
      .addColumn('client_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('webchat_messages_pk', ['chat_id', 'seq'])
      .execute();
    // A resend of the same client message (after a network drop) finds the stored one instead of a twin.
    await db.schema
      .createIndex('webchat_messages_client')
      .unique()
      .on('webchat_messages')
      .columns(['chat_id', 'author', 'client_id'])
      .where(sql.ref('client_id'), 'is not', null)
      .execute();

    await db.schema
      .createTable('webchat_transcript_mails')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('chat_id', 'text', (c) => c.notNull().references('webchat_chats.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('raw', 'blob', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'failed')`))
      .addColumn('error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('webchat_transcript_mails').execute();
    await db.schema.dropTable('webchat_messages').execute();
    await db.schema.dropTable('webchat_attachments').execute();
    await db.schema.dropTable('webchat_chats').execute();
  },
};
