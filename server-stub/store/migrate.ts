import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index';

/** Reads migrations from the in-code registry, so no file globbing decides what runs. */
export function registryProvider(list = migrations): MigrationProvider {
  return { getMigrations: async () => Object.fromEntries(list) };
}

/** Brings the schema to the latest version; returns the names of migrations applied now. */
export async function migrateToLatest<DB>(db: Kysely<DB>, list = migrations): Promise<string[]> {
  // Migrations work on the untyped schema: the typed tables are what they produce.
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: registryProvider(list) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
