import type { Snapshot } from '../db/snapshot.ts';
import type { Built, Collection } from '../catalog/define.ts';

/**
 * Collections as built for a set of build parameters (a date), shared by the /api routes, the
 * OGC API and the downloads so each is built once per data version. Bounded by entry count:
 * distinct dates are many, and a built layer holds its geometry by reference (cheap) but its
 * computed attributes anew.
 */
export class BuiltCollections {
  private entries = new Map<string, Built<unknown>>();
  private version: string | null = null;

  /**
   * @param dataVersion changes whenever the data changes
   * @param maxEntries least recently used builds beyond this are dropped @default 64
   */
  constructor(
    private readonly dataVersion: () => string,
    private readonly maxEntries = 64,
  ) {}

  get<P>(collection: Collection<P>, data: Snapshot, buildValues: Record<string, unknown>): Built<P> {
    const version = this.dataVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = `${collection.id}?${JSON.stringify(buildValues)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Built<P>;
    }
    const built = collection.build(data, buildValues as never);
    this.entries.set(key, built);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return built;
  }
}
