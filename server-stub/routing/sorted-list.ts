/**
 * An ordered collection kept in chunks of bounded size, so insert and remove cost O(√n) moves instead
 * of O(n), and walking from the head is a plain loop. The comparator must be a total order (ties
 * broken by a unique field), and an element's key must not change while it is inside.
 */
export class SortedList<T> {
  private chunks: T[][] = [];
  private count = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly chunkSize = 512,
  ) {}

  get size(): number {
    return this.count;
  }

  /** How many chunks hold the elements (a measure of fragmentation, for tests and diagnostics). */
  get chunkCount(): number {
    return this.chunks.length;
  }

  first(): T | undefined {
    return this.chunks[0]?.[0];
  }

  insert(item: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      this.count = 1;
      return;
    }
    const c = this.chunkFor(item);
    const chunk = this.chunks[c]!;
    // Shift in place rather than splice (which allocates an array for what it removed on every
    // call) or copyWithin (generic and about 20 times slower than this loop on plain arrays in V8).
    const at = this.lowerBound(chunk, item);
    chunk.push(item);
    for (let k = chunk.length - 1; k > at; k--) chunk[k] = chunk[k - 1]!;
    chunk[at] = item;
    this.count++;
    if (chunk.length > this.chunkSize * 2) this.chunks.splice(c + 1, 0, chunk.splice(this.chunkSize));
  }

  /** Removes the element equal to `item` under the comparator; returns whether it was there. */
  remove(item: T): boolean {
    if (this.chunks.length === 0) return false;
    const c = this.chunkFor(item);
    const chunk = this.chunks[c]!;
    const i = this.lowerBound(chunk, item);
    if (i >= chunk.length || this.compare(chunk[i]!, item) !== 0) return false;
    // Move the shorter side: the front moves right and is trimmed by shift(), which V8 does in O(1),
    // so taking the head of a FIFO-like list costs nothing however long its chunk.
    if (i < chunk.length >> 1) {
      for (let k = i; k > 0; k--) chunk[k] = chunk[k - 1]!;
      chunk.shift();
    } else {
      for (let k = i; k < chunk.length - 1; k++) chunk[k] = chunk[k + 1]!;
      chunk.pop();
    }
    this.count--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    else if (chunk.length < this.chunkSize >> 1) this.mergeIfSmall(c);
    return true;
  }

  /** Zero-based position of `item`, or -1 when it is not inside. */
  rank(item: T): number {
    let before = 0;
    const c = this.chunks.length === 0 ? -1 : this.chunkFor(item);
    for (let k = 0; k < c; k++) before += this.chunks[k]!.length;
    const chunk = this.chunks[c];
    if (!chunk) return -1;
    const i = this.lowerBound(chunk, item);
    return i < chunk.length && this.compare(chunk[i]!, item) === 0 ? before + i : -1;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }

  /** First element, from the head, that satisfies `test`; stops there. */
  find(test: (item: T) => boolean): T | undefined {
    for (const chunk of this.chunks) {
      for (const item of chunk) if (test(item)) return item;
    }
    return undefined;
  }

  /**
   * First element for which `test` holds, found by binary search: `test` must be monotone over the
   * order (false for a prefix, true for the rest), e.g. "id above the round-robin cursor" in a list
   * ordered by id. O(log n) where `find` would scan.
   */
  firstWhere(test: (item: T) => boolean): T | undefined {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid]!;
      if (test(chunk[chunk.length - 1]!)) hi = mid;
      else lo = mid + 1;
    }
    const chunk = this.chunks[lo];
    if (!chunk) return undefined;
    let a = 0;
    let b = chunk.length - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (test(chunk[mid]!)) b = mid;
      else a = mid + 1;
    }
    return chunk[a];
  }

  toArray(): T[] {
    return this.chunks.flat();
  }

  /**
   * Joins a chunk that has shrunk with a neighbour when both fit in one, so removals cannot leave a
   * long trail of tiny chunks: two neighbours always hold more than chunkSize, so there are never
   * more than about 2n / chunkSize chunks.
   */
  private mergeIfSmall(c: number): void {
    const chunk = this.chunks[c]!;
    const before = this.chunks[c - 1];
    if (before && before.length + chunk.length <= this.chunkSize) {
      for (const item of chunk) before.push(item);
      this.chunks.splice(c, 1);
      return;
    }
    const next = this.chunks[c + 1];
    if (next && chunk.length + next.length <= this.chunkSize) {
      for (const item of next) chunk.push(item);
      this.chunks.splice(c + 1, 1);
    }
  }

  /** Index of the first chunk whose last element is not below `item` (or the last chunk). */
  private chunkFor(item: T): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid]!;
      if (this.compare(chunk[chunk.length - 1]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBound(chunk: T[], item: T): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(chunk[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
