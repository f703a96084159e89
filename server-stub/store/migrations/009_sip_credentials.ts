import type { Kysely, Migration } from 'kysely';

/**
 * SIP digest credentials: HA1 per user (MD5 and SHA-256), derived when the password is set, because
 * the scrypt password hash cannot produce one (see channels/sip/registrar/ha1.ts).
 */
export const migration009SipCredentials: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sip_credentials')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('realm', 'text', (c) => c.notNull())
      .addColumn('ha1_md5', 'text', (c) => c.notNull())
      .addColumn('ha1_sha256', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('sip_credentials').execute();
  },
};
