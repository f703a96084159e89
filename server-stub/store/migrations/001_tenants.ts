import type { Kysely, Migration } from 'kysely';

// Migrations use only Kysely's schema builder and types that exist in SQLite and PostgreSQL alike
// (text, integer), so a second dialect can run the same list.

/** Tenants: every other row belongs to one. */
export const migration001Tenants: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('tenants').execute();
  },
};
