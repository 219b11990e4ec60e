/**
 * A Map that forgets its oldest entries (insertion order) beyond `max`, so an emulator that runs
 * for days — the embedded sandbox of `npm start`, a load test — keeps a bounded message log.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #max: number;

  constructor(max: number) {
    super();
    if (!(Number.isInteger(max) && max >= 1)) throw new RangeError('max must be a positive integer');
    this.#max = max;
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.#max) this.#evictOldest();
    return super.set(key, value);
  }

  /**
   * Drops the oldest tenth in one pass. Evicting a single entry per insert would restart iteration at
   * the front each time, over the deleted slots a Map keeps until it rehashes: quadratic under load.
   */
  #evictOldest(): void {
    let toEvict = Math.max(1, Math.ceil(this.#max / 10));
    for (const oldest of this.keys()) {
      this.delete(oldest);
      toEvict -= 1;
      if (toEvict === 0) break;
    }
  }
}
