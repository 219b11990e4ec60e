/**
 * A tiny read-through cache with a time-to-live, for channel lookups on the webhook hot path.
 * Concurrent misses for one key share a single load. Bounded: past `maxEntries` it starts over,
 * which is crude but keeps memory flat under a flood of unknown ids.
 */
export type TtlCacheOptions = {
  ttlMs: number;
  /** Misses (`undefined` results) expire sooner, so a newly created channel is found quickly. */
  missTtlMs?: number;
  /** @defaultValue 10_000 */
  maxEntries?: number;
  /** @defaultValue Date.now */
  now?: () => number;
};

type Entry<V> = { value: Promise<V>; expiresAt: number };

export class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #ttlMs: number;
  readonly #missTtlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(opts: TtlCacheOptions) {
    this.#ttlMs = opts.ttlMs;
    this.#missTtlMs = opts.missTtlMs ?? opts.ttlMs;
    this.#maxEntries = opts.maxEntries ?? 10_000;
    this.#now = opts.now ?? Date.now;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.#now();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.expiresAt > now) return hit.value;
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    const value = load();
    const entry: Entry<V> = { value, expiresAt: now + this.#ttlMs };
    this.#entries.set(key, entry);
    value.then(
      (loaded) => { if (loaded === undefined) entry.expiresAt = now + this.#missTtlMs; },
      // A failed load (database down) must not be served from the cache.
      () => { if (this.#entries.get(key) === entry) this.#entries.delete(key); },
    );
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
