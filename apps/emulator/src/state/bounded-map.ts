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
    if (!this.has(key) && this.size >= this.#max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
