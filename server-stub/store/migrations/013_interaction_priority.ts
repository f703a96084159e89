import type { Kysely, Migration } from 'kysely';

// What the inbox's Priority and SLA columns show, fixed when an interaction arrives: the head start
// its queue's priority classes gave it (seconds) and when it passes the queue's service-level
// threshold (epoch ms). Nullable: interactions stored before this migration have neither.

/** Adds the routing priority and the SLA deadline to the interaction projection. */
export const migration013InteractionPriority: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('interactions').addColumn('priority', 'real').execute();
    await db.schema.alterTable('interactions').addColumn('sla_due_at', 'bigint').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('interactions').dropColumn('sla_due_at').execute();
    await db.schema.alterTable('interactions').dropColumn('priority').execute();
  },
};
