import { sql, type Kysely, type Migration } from 'kysely';

/** Customers and their contact points, indexed so caller id or sender address finds them fast. */
export const migration005Customers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) =>
        c
          .notNull()
          .defaultTo('normal')
          .check(sql`tier in ('vip', 'gold', 'normal')`),
      )
      .addColumn('account_manager_agent_id', 'text', (c) => c.references('agents.id').onDelete('set null'))
      .addColumn('blacklist_status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('none')
          .check(sql`blacklist_status in ('none', 'proposed', 'confirmed')`),
      )
      .addColumn('consent_marketing', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`consent_marketing in (0, 1)`),
      )
      .addColumn('consent_recording', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`consent_recording in (0, 1)`),
      )
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('customers_tenant_name')
      .on('customers')
      .columns(['tenant_id', 'name'])
      .execute();

    await db.schema
      .createTable('customer_contact_points')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('phone', 'email', 'social', 'chat')`))
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('contact_points_lookup')
      .on('customer_contact_points')
      .columns(['tenant_id', 'kind', 'value'])
      .execute();
    await db.schema
      .createIndex('contact_points_customer')
      .on('customer_contact_points')
      .column('customer_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('customer_contact_points').execute();
    await db.schema.dropTable('customers').execute();
  },
};
