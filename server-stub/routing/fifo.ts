/**
 * A first-in first-out queue over one array with a moving head, compacted now and then, so taking
 * the oldest is O(1) amortised. (Evicting the oldest key of a Map through `entries().next()` is not:
 * V8 walks over every deleted slot at the front first, O(n) once the Map has been full for a while.)
 */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The oldest item, or undefined when empty. */
  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.head++;
    // Drop the consumed front once it is most of the array: each item is moved O(1) times overall.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    } else if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    }
    return item;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let k = this.head; k < this.items.length; k++) yield this.items[k]!;
  }
}
