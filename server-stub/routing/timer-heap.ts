/** What a deadline is for; the engine checks on expiry whether it still applies (lazy deletion). */
export type TimerKind = 'offer' | 'wrapup' | 'ring' | 'preferred' | 'overflow' | 'announce';

/** One scheduled deadline: at `at`, look at `ref` (an interaction or queue id) for `kind`. */
export interface Timer {
  at: number;
  seq: number;
  kind: TimerKind;
  ref: string;
}

/** A binary min-heap of deadlines ordered by time, then by insertion, so expiry order is deterministic. */
export class TimerHeap {
  private heap: Timer[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, kind: TimerKind, ref: string): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, kind, ref });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
