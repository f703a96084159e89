import { sql, type Kysely, type Migration } from 'kysely';

/** Each agent's current state, so a restart knows who was ready. */
export const migration006AgentState: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agent_state')
      .addColumn('agent_id', 'text', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('logged_out', 'ready', 'not_ready', 'reserved', 'busy', 'wrapup')`),
      )
      .addColumn('reason', 'text')
      .addColumn('since', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('agent_state').execute();
  },
};
