import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import type { Timers } from '../api/timers';
import { finishedStates, toInboxRow } from './inbox-row';
import type { InboxRow } from './inbox-row';

/** A batch of row changes for the grid: one ag-grid transaction. */
export interface InboxTransaction {
  add: InboxRow[];
  update: InboxRow[];
  remove: InboxRow[];
}

/** What the inbox store is built from. */
export interface InboxStoreOptions {
  /** The seat socket's frames. */
  frames$: Observable<ServerMessage>;
  /** Loads the interactions the user may see at start, or null when the role has no list (agents get theirs by frames). */
  load: (() => Promise<Interaction[]>) | null;
  timers: Timers;
  /** How long changes gather before they go out as one transaction. */
  batchMs?: number;
  /** Called when the initial load fails; the store keeps following frames. */
  onLoadError?: (error: unknown) => void;
}

/** The live list of the user's interactions, with changes batched into grid transactions. */
export interface InboxStore {
  /** Current rows, for a grid's initial data. */
  rows(): InboxRow[];
  row(id: string): InboxRow | undefined;
  /** Batched changes since the last emission; a burst of frames becomes one transaction. */
  readonly transactions$: Observable<InboxTransaction>;
  /** Clears the unread mark of an offer the agent opened. */
  markOpened(id: string): void;
  /** Starts following frames and loading; returns the disposer. */
  start(): () => void;
}

type Pending = 'add' | 'update' | 'remove';

/** Creates the inbox store; nothing happens until start(). */
export function createInboxStore(options: InboxStoreOptions): InboxStore {
  const batchMs = options.batchMs ?? 100;
  const rows = new Map<string, InboxRow>();
  // What each changed id needs in the next transaction, relative to what the grid already holds.
  const pending = new Map<string, Pending>();
  const removed = new Map<string, InboxRow>();
  const transactions = new Subject<InboxTransaction>();
  let cancelFlush: (() => void) | null = null;

  const flush = () => {
    cancelFlush = null;
    const tx: InboxTransaction = { add: [], update: [], remove: [] };
    for (const [id, kind] of pending) {
      if (kind === 'remove') {
        const gone = removed.get(id);
        if (gone) tx.remove.push(gone);
      } else {
        const row = rows.get(id);
        if (row) tx[kind].push(row);
      }
    }
    pending.clear();
    removed.clear();
    if (tx.add.length + tx.update.length + tx.remove.length > 0) transactions.next(tx);
  };

  const schedule = () => {
    cancelFlush ??= options.timers.set(flush, batchMs);
  };

  const put = (row: InboxRow) => {
    const known = rows.has(row.id);
    rows.set(row.id, row);
    const before = pending.get(row.id);
    // A row added and changed in one batch is still one add; a row removed then re-offered is an update.
    if (before === 'add') return schedule();
    if (before === 'remove') {
      removed.delete(row.id);
      pending.set(row.id, 'update');
    } else pending.set(row.id, known ? 'update' : 'add');
    schedule();
  };

  const drop = (id: string) => {
    const row = rows.get(id);
    if (!row) return;
    rows.delete(id);
    if (pending.get(id) === 'add') pending.delete(id);
    else {
      pending.set(id, 'remove');
      removed.set(id, row);
    }
    schedule();
  };

  const apply = (interaction: Interaction, expiresAt: string | null) => {
    if (finishedStates.has(interaction.state)) return drop(interaction.id);
    const previous = rows.get(interaction.id);
    const unread = interaction.state === 'offered' && (previous ? previous.unread : true);
    put(toInboxRow(interaction, { expiresAt: expiresAt ?? previous?.expiresAt ?? null, unread }));
  };

  const onFrame = (frame: ServerMessage) => {
    switch (frame.type) {
      case 'interaction.offer':
        return apply(frame.interaction, frame.expiresAt);
      case 'interaction.update':
        return apply(frame.interaction, null);
      case 'interaction.revoked':
        return drop(frame.interactionId);
      default:
        return;
    }
  };

  return {
    rows: () => [...rows.values()],
    row: (id) => rows.get(id),
    transactions$: transactions.asObservable(),
    markOpened(id) {
      const row = rows.get(id);
      if (row?.unread) put({ ...row, unread: false });
    },
    start() {
      let live = true;
      const subscription = options.frames$.subscribe(onFrame);
      options.load?.().then(
        (list) => {
          if (!live) return;
          // Frames that arrived while loading are newer than the list: keep them.
          for (const interaction of list) if (!rows.has(interaction.id)) apply(interaction, null);
        },
        (error: unknown) => live && options.onLoadError?.(error),
      );
      return () => {
        live = false;
        subscription.unsubscribe();
        cancelFlush?.();
        cancelFlush = null;
      };
    },
  };
}
