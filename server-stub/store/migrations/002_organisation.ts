import { sql, type Kysely, type Migration } from 'kysely';

/** Channel capacities an agent gets unless told otherwise (design, section 4). */
const defaultCapacities = [
  ['voice', 1],
  ['im', 3],
  ['email', 5],
  ['sms', 5],
  ['social', 3],
  ['fax', 2],
] as const;

/** Teams, skills, agents with channel capacities and skill proficiencies, and not-ready reason codes. */
export const migration002Organisation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addUniqueConstraint('teams_tenant_name', ['tenant_id', 'name'])
      .execute();

    await db.schema
      .createTable('skills')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addUniqueConstraint('skills_tenant_name', ['tenant_id', 'name'])
      .execute();

    // Capacities are columns rather than JSON so the router can filter on them in SQL.
    let agents = db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
      .addColumn('display_name', 'text', (c) => c.notNull());
    for (const [channel, fallback] of defaultCapacities) {
      const column = `capacity_${channel}`;
      agents = agents.addColumn(column, 'integer', (c) =>
        c
          .notNull()
          .defaultTo(fallback)
          .check(sql`${sql.ref(column)} between 0 and 100`),
      );
    }
    await agents.execute();
    await db.schema.createIndex('agents_tenant').on('agents').column('tenant_id').execute();

    await db.schema
      .createTable('agent_skills')
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
      .addColumn('proficiency', 'integer', (c) => c.notNull().check(sql`proficiency between 1 and 10`))
      .addPrimaryKeyConstraint('agent_skills_pk', ['agent_id', 'skill_id'])
      .execute();

    await db.schema
      .createTable('reason_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addUniqueConstraint('reason_codes_tenant_code', ['tenant_id', 'code'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['reason_codes', 'agent_skills', 'agents', 'skills', 'teams']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
