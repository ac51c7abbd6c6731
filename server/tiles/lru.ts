/**
 * A map that keeps its most recently used entries within a budget: each entry costs what `cost`
 * says (bytes, or 1 to bound a count), and the least recently used go first once the sum is over.
 */
export class Lru<K, V> {
  private entries = new Map<K, V>();
  private used = 0;

  constructor(
    readonly budget: number,
    private readonly cost: (value: V) => number,
  ) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: K, value: V) {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.used -= this.cost(old);
    }
    this.entries.set(key, value);
    this.grew(this.cost(value));
  }

  /** Whether `value` is still the entry under `key`. */
  holds(key: K, value: V): boolean {
    return this.entries.get(key) === value;
  }

  /** Counts `extra` more against an entry that grew in place, then drops the oldest beyond the budget. */
  grew(extra: number) {
    this.used += extra;
    for (const [key, oldest] of this.entries) {
      if (this.used <= this.budget) break;
      this.entries.delete(key);
      this.used -= this.cost(oldest);
    }
  }

  /** What the entries cost in all. */
  get total() {
    return this.used;
  }
}
