import { assertValidStorageKey, type MediaStorage } from './media-storage.js';

/** Keeps media in a Map: for tests and throwaway runs. Copies on the way in and out. */
export class InMemoryMediaStorage implements MediaStorage {
  readonly #files = new Map<string, Buffer>();

  async put(key: string, data: Buffer): Promise<void> {
    assertValidStorageKey(key);
    this.#files.set(key, Buffer.from(data));
  }

  async get(key: string): Promise<Buffer | null> {
    assertValidStorageKey(key);
    const data = this.#files.get(key);
    return data === undefined ? null : Buffer.from(data);
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    this.#files.delete(key);
  }

  /** Number of stored files (tests). */
  get size(): number {
    return this.#files.size;
  }
}
