import type { Database } from 'better-sqlite3';
import { SeatError, parseOrThrow } from '@contract/errors';
import { mailboxInputSchema, mailboxSettingsSchema, type Mailbox, type MailboxInput } from './mailboxConfig';

/** Reads and writes mailboxes; every write is validated and checks the queue belongs to the tenant. */
export interface MailboxStore {
  /** Creates or replaces a mailbox of the tenant. An address taken by another mailbox is a CONFLICT. */
  save(tenantId: string, input: MailboxInput, now: number): Mailbox;
  /** The mailbox an address belongs to (any tenant), case-insensitive. */
  byAddress(address: string): Mailbox | undefined;
  byId(tenantId: string, id: string): Mailbox | undefined;
  list(tenantId: string): Mailbox[];
  /** Every mailbox of every tenant (for the pollers). */
  all(): Mailbox[];
  /** Calls `listener` with each mailbox once it is saved (the pollers follow); returns the unsubscribe. */
  onSaved(listener: (mailbox: Mailbox) => void): () => void;
}

interface MailboxRow {
  id: string;
  tenant_id: string;
  address: string;
  display_name: string;
  queue_id: string;
  config: string;
}

function toMailbox(row: MailboxRow): Mailbox {
  // A stored row that no longer validates is a bug or a hand edit: fail loudly with the mailbox named.
  const settings = mailboxSettingsSchema.safeParse(JSON.parse(row.config));
  if (!settings.success) throw new Error(`Mailbox ${row.id} has invalid settings: ${settings.error.message}`);
  return {
    id: row.id,
    tenantId: row.tenant_id,
    address: row.address,
    displayName: row.display_name,
    queueId: row.queue_id,
    settings: settings.data,
  };
}

/** Builds the mailbox store over the e-mail migration's table. */
export function createMailboxStore(sqlite: Database): MailboxStore {
  const queueOf = sqlite.prepare('SELECT id FROM queues WHERE tenant_id = ? AND id = ?');
  const byAddress = sqlite.prepare('SELECT * FROM email_mailboxes WHERE address = ?');
  const byId = sqlite.prepare('SELECT * FROM email_mailboxes WHERE tenant_id = ? AND id = ?');
  const byIdAnyTenant = sqlite.prepare('SELECT tenant_id FROM email_mailboxes WHERE id = ?');
  const list = sqlite.prepare('SELECT * FROM email_mailboxes WHERE tenant_id = ? ORDER BY address');
  const all = sqlite.prepare('SELECT * FROM email_mailboxes ORDER BY tenant_id, address');
  const upsert = sqlite.prepare(
    `INSERT INTO email_mailboxes (id, tenant_id, address, display_name, queue_id, config, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET address = excluded.address, display_name = excluded.display_name, queue_id = excluded.queue_id, config = excluded.config`,
  );

  const listeners = new Set<(mailbox: Mailbox) => void>();

  return {
    save(tenantId, input, now) {
      const mailbox = parseOrThrow(mailboxInputSchema, input);
      if (!queueOf.get(tenantId, mailbox.queueId))
        throw new SeatError('UNKNOWN_QUEUE', `There is no queue ${mailbox.queueId}.`);
      const save = sqlite.transaction(() => {
        const owner = byIdAnyTenant.get(mailbox.id) as { tenant_id: string } | undefined;
        if (owner && owner.tenant_id !== tenantId)
          throw new SeatError('CONFLICT', `The mailbox id ${mailbox.id} is taken.`);
        const holder = byAddress.get(mailbox.address) as MailboxRow | undefined;
        if (holder && holder.id !== mailbox.id)
          throw new SeatError('CONFLICT', `The address ${mailbox.address} belongs to another mailbox.`);
        upsert.run(
          mailbox.id,
          tenantId,
          mailbox.address,
          mailbox.displayName,
          mailbox.queueId,
          JSON.stringify(mailbox.settings),
          now,
        );
      });
      save();
      const saved = { ...mailbox, tenantId };
      for (const listener of [...listeners]) listener(saved);
      return saved;
    },
    byAddress(address) {
      const row = byAddress.get(address.trim().toLowerCase()) as MailboxRow | undefined;
      return row ? toMailbox(row) : undefined;
    },
    byId(tenantId, id) {
      const row = byId.get(tenantId, id) as MailboxRow | undefined;
      return row ? toMailbox(row) : undefined;
    },
    list: (tenantId) => (list.all(tenantId) as MailboxRow[]).map(toMailbox),
    all: () => (all.all() as MailboxRow[]).map(toMailbox),
    onSaved(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
