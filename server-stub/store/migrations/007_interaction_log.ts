import { sql, type Kysely, type Migration } from 'kysely';

// Tables of the routing server: the append-only interaction log (the truth the engine is rebuilt
// from), the idempotency keys of creates, the interaction projection (what the API reads), and the
// blacklist proposals with who decided and when. Written with the schema builder only, so the
// PostgreSQL dialect can run it too (`integer` + autoIncrement becomes a serial there).

/** Adds the interaction log, idempotency keys, interaction projection and blacklist tables. */
export const migration007InteractionLog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('routing_events')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('routing_events_tenant_seq')
      .on('routing_events')
      .columns(['tenant_id', 'seq'])
      .execute();

    await db.schema
      .createTable('interaction_keys')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('interaction_id', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('interaction_keys_pk', ['tenant_id', 'idempotency_key'])
      .execute();

    await db.schema
      .createTable('interactions')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('queue_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text')
      .addColumn('attached', 'text', (c) => c.notNull())
      .addColumn('disposition', 'text')
      .addColumn('release_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('interactions_pk', ['tenant_id', 'id'])
      .execute();
    await db.schema
      .createIndex('interactions_tenant_state')
      .on('interactions')
      .columns(['tenant_id', 'state'])
      .execute();
    // Reconnecting seats ask for the interactions their agent holds.
    await db.schema
      .createIndex('interactions_tenant_agent')
      .on('interactions')
      .columns(['tenant_id', 'agent_id'])
      .execute();

    await db.schema
      .createTable('blacklist_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('proposed', 'confirmed', 'rejected')`),
      )
      .addColumn('proposed_by', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'bigint', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'bigint')
      .addColumn('limits', 'text')
      .execute();
    await db.schema
      .createIndex('blacklist_tenant_customer')
      .on('blacklist_entries')
      .columns(['tenant_id', 'customer_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['blacklist_entries', 'interactions', 'interaction_keys', 'routing_events']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
