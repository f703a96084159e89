// Group commit: every event staged during one turn of the event loop is appended in ONE SQLite
// transaction at the end of the turn, and only after that commit do their effects run (HTTP
// replies, socket frames, timers). The rule "logged before any effect is visible" holds for each
// event; the cost of a commit (the WAL write) is shared by all events of the turn, which is what
// lets one process route a thousand interactions a second on a small machine.

/** One staged event: its writes (inside the transaction) and its effects (after the commit). */
export interface StagedWrite {
  write(): void;
  effects(): void;
  /** The transaction failed: nothing of this event is on disk; undo what memory holds. */
  failed(error: unknown): void;
}

/** Batches writes into one transaction per turn. */
export interface GroupCommit {
  /** Stages a write; resolves once it is committed and its effects have run. */
  stage(entry: StagedWrite): Promise<void>;
  /** Commits what is staged now and runs its effects; throws if the transaction failed. */
  flush(): void;
}

/** Creates a group commit over a transaction runner; `defer` schedules the end-of-turn flush. */
export function createGroupCommit(
  transaction: (fn: () => void) => void,
  defer: (fn: () => void) => void = setImmediate,
): GroupCommit {
  let staged: { entry: StagedWrite; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  /** Commits the staged batch; returns the transaction's error (already passed to every caller), or null. */
  const commitBatch = (): { error: unknown } | null => {
    scheduled = false;
    const batch = staged;
    staged = [];
    if (batch.length === 0) return null;
    try {
      transaction(() => {
        for (const item of batch) item.entry.write();
      });
    } catch (error) {
      for (const item of batch) item.entry.failed(error);
      for (const item of batch) item.reject(error);
      return { error };
    }
    for (const item of batch) {
      try {
        item.entry.effects();
        item.resolve();
      } catch (error) {
        // The event is durable; a failing effect (a bug in a listener) is reported to its caller only.
        item.reject(error);
      }
    }
    return null;
  };

  return {
    stage(entry) {
      return new Promise<void>((resolve, reject) => {
        staged.push({ entry, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // A failed turn rejects each staged event's promise; its callers report it.
          defer(() => void commitBatch());
        }
      });
    },
    flush() {
      const failure = commitBatch();
      if (failure) throw failure.error;
    },
  };
}
