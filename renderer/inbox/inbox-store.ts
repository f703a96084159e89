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
  /**
   * Loads the interactions the user may see at start and again whenever the socket is greeted anew
   * (a reconnect: frames sent meanwhile were lost), or null when the role has no list (agents get
   * theirs by frames).
   */
  load: (() => Promise<Interaction[]>) | null;
  timers: Timers;
  /** Which interactions belong in this inbox (an agent's: those offered to or owned by them); all when absent. */
  keep?: (interaction: Interaction) => boolean;
  /** How long changes gather before they go out as one transaction. */
  batchMs?: number;
  /** How often to load the list again besides reconnects; none when absent (live frames keep it current). */
  reloadMs?: number;
  /** After a failed load, try again this much later; the reload period when absent. */
  retryMs?: number;
  /** Called when a load fails; the store keeps following frames and retries (retryMs, next reload or reconnect). */
  onLoadError?: (error: unknown) => void;
  /** Called when a load succeeds (clears an error shown earlier). */
  onLoaded?: () => void;
}

/** The live list of the user's interactions, with changes batched into grid transactions. */
export interface InboxStore {
  /** Current rows, for a grid's initial data. */
  rows(): InboxRow[];
  /** How many rows the store holds. */
  size(): number;
  row(id: string): InboxRow | undefined;
  /** The interaction behind a row, as the server last described it. */
  interaction(id: string): Interaction | undefined;
  /** Batched changes since the last emission; a burst of frames becomes one transaction. */
  readonly transactions$: Observable<InboxTransaction>;
  /** Clears the unread mark of an offer, or of work with new customer messages, that the agent opened. */
  markOpened(id: string): void;
  /**
   * The conversation the agent has in front (the selected tab), or null: its row counts as opened,
   * and what the customer writes there is read as it arrives.
   */
  setViewing(id: string | null): void;
  /** Starts following frames and loading; returns the disposer. */
  start(): () => void;
}

type Pending = 'add' | 'update' | 'remove';

// Rows of a loaded list applied per task.
const reconcileSlice = 10_000;

// The server stamps updatedAt on every change, so these fields tell whether a row would look different.
const sameInteraction = (a: Interaction, b: Interaction) =>
  a === b ||
  (a.updatedAt === b.updatedAt &&
    a.state === b.state &&
    a.agentId === b.agentId &&
    a.queueId === b.queueId &&
    a.customerId === b.customerId);

/** Creates the inbox store; nothing happens until start(). */
export function createInboxStore(options: InboxStoreOptions): InboxStore {
  const batchMs = options.batchMs ?? 100;
  const rows = new Map<string, InboxRow>();
  const interactions = new Map<string, Interaction>();
  // What each changed id needs in the next transaction, relative to what the grid already holds.
  const pending = new Map<string, Pending>();
  const removed = new Map<string, InboxRow>();
  // Rows where the customer wrote (chat line, e-mail) since the agent last opened them.
  const newMessages = new Set<string>();
  let viewing: string | null = null;
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
    interactions.delete(id);
    newMessages.delete(id);
    if (pending.get(id) === 'add') pending.delete(id);
    else {
      pending.set(id, 'remove');
      removed.set(id, row);
    }
    schedule();
  };

  const apply = (interaction: Interaction, expiresAt: string | null) => {
    if (finishedStates.has(interaction.state) || (options.keep && !options.keep(interaction)))
      return drop(interaction.id);
    const previous = rows.get(interaction.id);
    const known = interactions.get(interaction.id);
    // A lead's periodic reload brings every row again: one the grid already shows as it is costs nothing.
    if (previous && known && expiresAt === null && sameInteraction(known, interaction)) return;
    interactions.set(interaction.id, interaction);
    const unread = interaction.state === 'offered' && (previous ? previous.unread : true);
    put(
      toInboxRow(interaction, {
        expiresAt: expiresAt ?? previous?.expiresAt ?? null,
        unread,
        newMessage: newMessages.has(interaction.id),
      }),
    );
  };

  const markOpened = (id: string) => {
    newMessages.delete(id);
    const row = rows.get(id);
    if (row?.unread) put({ ...row, unread: false });
  };

  // The customer wrote in work this inbox shows: the row is marked until the agent opens it.
  const customerWrote = (id: string) => {
    const row = rows.get(id);
    if (!row || id === viewing) return;
    newMessages.add(id);
    if (!row.unread) put({ ...row, unread: true });
  };

  // Ids a frame changed while a list load was under way: the frame is newer than that list.
  let touchedDuringLoad: Set<string> | null = null;

  const onFrame = (frame: ServerMessage) => {
    if (frame.type.startsWith('interaction.') && 'interaction' in frame)
      touchedDuringLoad?.add(frame.interaction.id);
    if (frame.type === 'interaction.revoked') touchedDuringLoad?.add(frame.interactionId);
    switch (frame.type) {
      case 'interaction.offer':
        return apply(frame.interaction, frame.expiresAt);
      case 'interaction.update':
        return apply(frame.interaction, null);
      case 'interaction.revoked':
        return drop(frame.interactionId);
      case 'email.received':
        return customerWrote(frame.interactionId);
      case 'chat.message':
        return frame.message.author === 'customer' ? customerWrote(frame.interactionId) : undefined;
      default:
        return;
    }
  };

  return {
    rows: () => [...rows.values()],
    size: () => rows.size,
    row: (id) => rows.get(id),
    interaction: (id) => interactions.get(id),
    transactions$: transactions.asObservable(),
    markOpened,
    setViewing(id) {
      viewing = id;
      if (id !== null) markOpened(id);
    },
    start() {
      let live = true;
      let cancelReload: (() => void) | null = null;
      const subscription = options.frames$.subscribe((frame) => {
        onFrame(frame);
        // The server greets every new connection; one already loading is newer than what was missed.
        if (frame.type === 'hello' && load && touchedDuringLoad === null) {
          cancelReload?.();
          cancelReload = null;
          loadOnce();
        }
      });
      const load = options.load;
      let cancelStep: (() => void) | null = null;
      // A list of many thousand rows is applied a slice per task, so the page stays responsive; frames
      // arriving meanwhile still win over the (older) list, as the touched set stays open until the end.
      const reconcile = (list: Interaction[], touched: Set<string>, done: () => void) => {
        let next = 0;
        const step = () => {
          cancelStep = null;
          if (!live) return;
          const end = Math.min(list.length, next + reconcileSlice);
          for (; next < end; next++) {
            const interaction = list[next]!;
            if (!touched.has(interaction.id)) apply(interaction, null);
          }
          if (next < list.length) {
            cancelStep = options.timers.set(step, 0);
            return;
          }
          const listed = new Set(list.map((i) => i.id));
          // Gone from the list (ended, or no longer the caller's to see) and not brought back by a frame.
          for (const id of [...rows.keys()]) if (!listed.has(id) && !touched.has(id)) drop(id);
          done();
        };
        step();
      };
      const loadOnce = () => {
        if (!load) return;
        const touched = new Set<string>();
        touchedDuringLoad = touched;
        const settle = (failed: boolean) => {
          if (touchedDuringLoad === touched) touchedDuringLoad = null;
          const delay = failed ? (options.retryMs ?? options.reloadMs) : options.reloadMs;
          if (live && delay !== undefined) cancelReload = options.timers.set(loadOnce, delay);
        };
        load().then(
          (list) => {
            if (!live) return;
            reconcile(list, touched, () => {
              options.onLoaded?.();
              settle(false);
            });
          },
          (error: unknown) => {
            if (live) options.onLoadError?.(error);
            settle(true);
          },
        );
      };
      loadOnce();
      return () => {
        live = false;
        subscription.unsubscribe();
        cancelReload?.();
        cancelStep?.();
        cancelFlush?.();
        cancelFlush = null;
      };
    },
  };
}
