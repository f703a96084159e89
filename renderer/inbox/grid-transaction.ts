import type { InboxTransaction } from './inbox-store';

/**
 * Fits a store transaction to the rows the grid holds now. The grid takes the store's whole row set
 * when it mounts (or on a bulk load), so a batch flushed after that may add rows it already has or
 * remove rows it never got; ag-grid would then make a second node under the same id (a blank row and
 * a wrong count). Adds of known ids become updates, updates of unknown ids become adds, and removes of
 * unknown ids are dropped.
 */
export function fitTransaction(tx: InboxTransaction, has: (id: string) => boolean): InboxTransaction {
  const fitted: InboxTransaction = { add: [], update: [], remove: [] };
  for (const row of [...tx.add, ...tx.update]) (has(row.id) ? fitted.update : fitted.add).push(row);
  for (const row of tx.remove) if (has(row.id)) fitted.remove.push(row);
  return fitted;
}
