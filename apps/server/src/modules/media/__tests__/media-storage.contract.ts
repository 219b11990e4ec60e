import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mediaStorageKey, type MediaStorage } from '../media-storage.js';

/** The behaviour every {@link MediaStorage} adapter must show; run it from each adapter's test file. */
export function defineMediaStorageContractTests(name: string, create: () => Promise<MediaStorage> | MediaStorage): void {
  describe(`MediaStorage contract: ${name}`, () => {
    it('returns exactly the bytes that were put', async () => {
      const storage = await create();
      const data = randomBytes(70_000);
      const key = mediaStorageKey('tenant-a', 'media-1');
      await storage.put(key, data);
      expect((await storage.get(key))?.equals(data)).toBe(true);
    });

    it('answers null for a key that was never written', async () => {
      const storage = await create();
      expect(await storage.get(mediaStorageKey('tenant-a', 'missing'))).toBeNull();
    });

    it('overwrites on a second put (a retried job) and keeps tenants apart', async () => {
      const storage = await create();
      await storage.put(mediaStorageKey('tenant-a', 'm'), Buffer.from('first'));
      await storage.put(mediaStorageKey('tenant-a', 'm'), Buffer.from('second'));
      await storage.put(mediaStorageKey('tenant-b', 'm'), Buffer.from('other tenant'));
      expect((await storage.get(mediaStorageKey('tenant-a', 'm')))?.toString()).toBe('second');
      expect((await storage.get(mediaStorageKey('tenant-b', 'm')))?.toString()).toBe('other tenant');
    });

    it('deletes, and deleting twice is harmless', async () => {
      const storage = await create();
      const key = mediaStorageKey('tenant-a', 'gone');
      await storage.put(key, Buffer.from('x'));
      await storage.delete(key);
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
    });

    it('is not affected by later changes to the buffer it was given', async () => {
      const storage = await create();
      const key = mediaStorageKey('tenant-a', 'copy');
      const data = Buffer.from('original');
      await storage.put(key, data);
      data.write('mutated!');
      expect((await storage.get(key))?.toString()).toBe('original');
    });

    it('refuses keys that could leave its namespace', async () => {
      const storage = await create();
      for (const key of ['../etc/passwd', 'tenant-a/../../x', '/abs/path', 'a/b/c', 'tenant-a/', 'tenant-a\\x', '']) {
        await expect(storage.put(key, Buffer.from('x')), key).rejects.toThrow(/Invalid/);
        await expect(storage.get(key), key).rejects.toThrow(/Invalid/);
      }
      expect(() => mediaStorageKey('..', 'x')).toThrow(/Invalid tenant id/);
      expect(() => mediaStorageKey('t', 'a/b')).toThrow(/Invalid media id/);
    });
  });
}
