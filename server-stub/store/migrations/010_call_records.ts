import { sql, type Kysely, type Migration } from 'kysely';

// One row per call through the SIP edge: the contact record of DESIGN §4 for voice. Times are
// ISO-8601 UTC text like the other tables; agent ids are a JSON array (a transferred call has several).

/** Adds call_records. */
export const migration010CallRecords: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('call_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('interaction_id', 'text')
      .addColumn('direction', 'text', (c) =>
        c.notNull().check(sql`direction in ('inbound', 'outbound', 'internal')`),
      )
      .addColumn('from_party', 'text', (c) => c.notNull())
      .addColumn('to_party', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('caller_agent_id', 'text')
      .addColumn('agent_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('queue_id', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('disposition', 'text')
      .execute();
    await db.schema
      .createIndex('call_records_started')
      .on('call_records')
      .columns(['tenant_id', 'started_at'])
      .execute();
    await db.schema
      .createIndex('call_records_customer')
      .on('call_records')
      .columns(['tenant_id', 'customer_id', 'started_at'])
      .execute();
    await db.schema
      .createIndex('call_records_interaction')
      .on('call_records')
      .columns(['tenant_id', 'interaction_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('call_records').execute();
  },
};
