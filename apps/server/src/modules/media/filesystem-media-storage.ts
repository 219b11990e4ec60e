import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { assertValidStorageKey, type MediaStorage } from './media-storage.js';

/**
 * Media on the local disk under MEDIA_STORAGE_PATH, one file per key (`<root>/<tenantId>/<mediaId>`).
 * Writes go to a temp file in the same directory and are renamed into place, which is atomic on one
 * filesystem: a crash mid-write leaves a stray temp file, never a truncated medium.
 */
export class FilesystemMediaStorage implements MediaStorage {
  readonly #root: string;

  constructor(rootDir: string) {
    this.#root = resolve(rootDir);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.#pathOf(key);
    const dir = resolve(target, '..');
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.#pathOf(key));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }

  /** The key is validated, and the resolved path must still sit under the root (belt and braces). */
  #pathOf(key: string): string {
    assertValidStorageKey(key);
    const path = resolve(this.#root, ...key.split('/'));
    if (!path.startsWith(this.#root + sep)) throw new Error(`Media storage key escapes the root: ${JSON.stringify(key)}`);
    return path;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
