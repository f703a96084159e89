import type { Database } from 'better-sqlite3';
import type { CannedResponse, CannedScope } from '@contract/http/canned';
import { SeatError } from '@contract/errors';

// Storage of canned responses. Every query names the tenant; personal rows also name their owner, so
// one user can neither read nor change another's texts (a miss is NOT_FOUND, never a hint).

/** The fields a caller writes. */
export interface CannedFields {
  title: string;
  body: string;
  shortcut: string | null;
  language: string | null;
}

/** Where a row lives: the tenant, and the owning user for personal ones (null = tenant-wide). */
export interface CannedOwner {
  tenantId: string;
  ownerUserId: string | null;
}

/** Canned responses of every tenant. */
export interface CannedStore {
  /** Tenant-wide responses first, then the user's own; each group by title. */
  listFor(tenantId: string, userId: string): CannedResponse[];
  create(owner: CannedOwner, fields: CannedFields, createdBy: string): CannedResponse;
  /** Replaces the fields of the row `id` in `owner`; NOT_FOUND when there is none. */
  replace(owner: CannedOwner, id: string, fields: CannedFields): CannedResponse;
  /** Deletes the row `id` in `owner`; NOT_FOUND when there is none. */
  remove(owner: CannedOwner, id: string): void;
  count(owner: CannedOwner): number;
}

interface Row {
  id: string;
  owner_user_id: string | null;
  title: string;
  body: string;
  shortcut: string | null;
  language: string | null;
  updated_at: number;
}

const toResponse = (r: Row): CannedResponse => ({
  id: r.id,
  scope: (r.owner_user_id === null ? 'tenant' : 'personal') satisfies CannedScope,
  title: r.title,
  body: r.body,
  shortcut: r.shortcut,
  language: r.language,
  updatedAt: new Date(Number(r.updated_at)).toISOString(),
});

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Builds the store over the server's SQLite handle. */
export function createCannedStore(
  sqlite: Database,
  deps: { now: () => number; newId: () => string },
): CannedStore {
  const list = sqlite.prepare(
    `SELECT * FROM canned_responses WHERE tenant_id = ? AND (owner_user_id IS NULL OR owner_user_id = ?)
     ORDER BY owner_user_id IS NOT NULL, title COLLATE NOCASE, id`,
  );
  const byId = sqlite.prepare(
    'SELECT * FROM canned_responses WHERE tenant_id = ? AND owner_user_id IS ? AND id = ?',
  );
  const insert = sqlite.prepare(
    `INSERT INTO canned_responses (id, tenant_id, owner_user_id, title, body, shortcut, language, created_by, created_at, updated_at)
     VALUES (@id, @tenant_id, @owner_user_id, @title, @body, @shortcut, @language, @created_by, @at, @at)`,
  );
  const update = sqlite.prepare(
    `UPDATE canned_responses SET title = @title, body = @body, shortcut = @shortcut, language = @language, updated_at = @at
     WHERE tenant_id = @tenant_id AND owner_user_id IS @owner_user_id AND id = @id`,
  );
  const remove = sqlite.prepare(
    'DELETE FROM canned_responses WHERE tenant_id = ? AND owner_user_id IS ? AND id = ?',
  );
  const count = sqlite.prepare(
    'SELECT COUNT(*) AS n FROM canned_responses WHERE tenant_id = ? AND owner_user_id IS ?',
  );

  const shortcutTaken = (shortcut: string | null) =>
    new SeatError('DUPLICATE', `Another canned response already uses the shortcut "/${shortcut ?? ''}".`);

  const read = (owner: CannedOwner, id: string): CannedResponse => {
    const row = byId.get(owner.tenantId, owner.ownerUserId, id) as Row | undefined;
    if (!row) throw new SeatError('NOT_FOUND', 'There is no such canned response.');
    return toResponse(row);
  };

  return {
    listFor: (tenantId, userId) => (list.all(tenantId, userId) as Row[]).map(toResponse),
    create(owner, fields, createdBy) {
      const id = deps.newId();
      try {
        insert.run({
          id,
          tenant_id: owner.tenantId,
          owner_user_id: owner.ownerUserId,
          ...fields,
          created_by: createdBy,
          at: deps.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw shortcutTaken(fields.shortcut);
        throw error;
      }
      return read(owner, id);
    },
    replace(owner, id, fields) {
      let changes: number;
      try {
        changes = update.run({
          id,
          tenant_id: owner.tenantId,
          owner_user_id: owner.ownerUserId,
          ...fields,
          at: deps.now(),
        }).changes;
      } catch (error) {
        if (isUniqueViolation(error)) throw shortcutTaken(fields.shortcut);
        throw error;
      }
      if (changes === 0) throw new SeatError('NOT_FOUND', 'There is no such canned response.');
      return read(owner, id);
    },
    remove(owner, id) {
      if (remove.run(owner.tenantId, owner.ownerUserId, id).changes === 0)
        throw new SeatError('NOT_FOUND', 'There is no such canned response.');
    },
    count: (owner) => (count.get(owner.tenantId, owner.ownerUserId) as { n: number }).n,
  };
}
