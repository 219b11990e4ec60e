import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesystemMediaStorage } from '../filesystem-media-storage.js';
import { mediaStorageKey } from '../media-storage.js';
import { defineMediaStorageContractTests } from './media-storage.contract.js';

const roots: string[] = [];
function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'hub-media-'));
  roots.push(root);
  return root;
}
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

defineMediaStorageContractTests('filesystem', () => new FilesystemMediaStorage(freshRoot()));

describe('FilesystemMediaStorage', () => {
  it('lays files out per tenant under the root and leaves no temp files behind', async () => {
    const root = freshRoot();
    const storage = new FilesystemMediaStorage(root);
    await storage.put(mediaStorageKey('tenant-a', 'm1'), Buffer.from('one'));
    await storage.put(mediaStorageKey('tenant-a', 'm1'), Buffer.from('two'));
    expect(readdirSync(root)).toEqual(['tenant-a']);
    expect(readdirSync(join(root, 'tenant-a'))).toEqual(['m1']);
  });
});
