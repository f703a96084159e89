import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Canned responses: tenant-wide (owner_user_id null, written by leads and admins) or personal (the
 * owner's only). A shortcut is unique within what one user sees, so "/greet" finds one text.
 */
export const migration012CannedResponses: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('canned_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('shortcut', 'text')
      .addColumn('language', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('canned_responses_owner')
      .on('canned_responses')
      .columns(['tenant_id', 'owner_user_id'])
      .execute();
    // SQLite treats NULLs as distinct in unique indexes, so tenant-wide shortcuts get their own index.
    await sql`CREATE UNIQUE INDEX canned_responses_tenant_shortcut ON canned_responses (tenant_id, shortcut) WHERE owner_user_id IS NULL AND shortcut IS NOT NULL`.execute(
      db,
    );
    await sql`CREATE UNIQUE INDEX canned_responses_personal_shortcut ON canned_responses (tenant_id, owner_user_id, shortcut) WHERE owner_user_id IS NOT NULL AND shortcut IS NOT NULL`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('canned_responses').execute();
  },
};
