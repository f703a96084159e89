import { sql, type Kysely, type Migration } from 'kysely';

/** Queues with their service-level threshold, configuration and required skills. */
export const migration004Queues: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('queues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('service_level_seconds', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(20)
          .check(sql`service_level_seconds > 0`),
      )
      .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
      .addUniqueConstraint('queues_tenant_name', ['tenant_id', 'name'])
      .execute();

    await db.schema
      .createTable('queue_skills')
      .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id').onDelete('cascade'))
      .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
      .addColumn('min_proficiency', 'integer', (c) =>
        c.notNull().check(sql`min_proficiency between 1 and 10`),
      )
      .addPrimaryKeyConstraint('queue_skills_pk', ['queue_id', 'skill_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('queue_skills').execute();
    await db.schema.dropTable('queues').execute();
  },
};
